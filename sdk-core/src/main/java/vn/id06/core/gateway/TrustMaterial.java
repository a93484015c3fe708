package vn.id06.core.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** Loads the configured keys and certificates and builds the TLS context. Stateless. */
final class TrustMaterial {

  private static final int MAX_FILE = 1 << 20;

  private TrustMaterial() {}

  static byte[] readLimited(String name, Path file) {
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new InvalidInputException(name, InputReason.TOO_LONG, "file larger than 1 MiB");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(name, InputReason.EMPTY, "file cannot be read");
    }
  }

  static PrivateKey privateKey(Path file) {
    byte[] der =
        pemBlocks("clientKey", readLimited("clientKey", file), "PRIVATE KEY").stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "clientKey",
                        InputReason.UNRECOGNISED_FORMAT,
                        "no PKCS#8 PRIVATE KEY block"));
    for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidInputException(
        "clientKey", InputReason.UNRECOGNISED_FORMAT, "not an EC, RSA or Ed25519 key");
  }

  static List<Certificate> certificates(String name, Path file) {
    List<Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (byte[] der : pemBlocks(name, readLimited(name, file), "CERTIFICATE")) {
        out.add(cf.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(name, InputReason.UNRECOGNISED_FORMAT, "bad certificate");
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(name, InputReason.EMPTY, "no CERTIFICATE block");
    }
    return out;
  }

  static List<byte[]> pemBlocks(String name, byte[] bytes, String type) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int b = text.indexOf(begin, from);
      if (b < 0) {
        return out;
      }
      int e = text.indexOf(end, b);
      if (e < 0) {
        throw new InvalidInputException(name, InputReason.MALFORMED, "unterminated PEM block");
      }
      String body = text.substring(b + begin.length(), e).replaceAll("\\s", "");
      try {
        out.add(Base64.getDecoder().decode(body));
      } catch (IllegalArgumentException ex) {
        throw new InvalidInputException(name, InputReason.MALFORMED, "PEM block is not base64");
      }
      from = e + end.length();
    }
  }

  static SSLContext sslContext(Path trustAnchors, PrivateKey key, Path clientCertificate) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (Certificate c : certificates("trustAnchors", trustAnchors)) {
        trust.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (clientCertificate != null) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = new char[] {'x'};
        List<Certificate> chain = certificates("mutualTls", clientCertificate);
        ks.setKeyEntry("client", key, pw, chain.toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidInputException(
          "trustAnchors", InputReason.UNRECOGNISED_FORMAT, "cannot build the TLS context");
    }
  }
}
