package vn.id06.eform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The portal's sealing key: loaded from the portal's configuration (a PKCS#12 file, or a PEM file
 * with a PKCS#8 private key and its public key or certificate), never from code. EC (P-256, P-384,
 * P-521) and RSA (2048 bits or more) keys are accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class SealKeys {
  /** The input name errors carry. */
  static final String INPUT = "sealKey";

  private static final int MAX_FILE = 1 << 20;
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private SealKeys() {}

  /**
   * Loads a key pair from a PKCS#12 or PEM file.
   *
   * @param file the file
   * @param password the PKCS#12 password (ignored for PEM; may be empty)
   * @return the key pair
   * @throws InvalidInputException input {@code sealKey}: unreadable, in no supported format, or
   *     without a private key and its public key
   */
  public static KeyPair load(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new InvalidInputException(INPUT, InputReason.TOO_LONG, "the key file is too large");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(INPUT, InputReason.MALFORMED, "the key file cannot be read");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    KeyPair pair = text.contains("-----BEGIN ") ? pem(text) : pkcs12(bytes, password);
    checkStrength(pair);
    return pair;
  }

  /**
   * Makes a new EC P-256 key pair, e.g. a throwaway key for trying things out.
   *
   * @return the key pair
   */
  public static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no EC P-256", e);
    }
  }

  /**
   * Writes a key pair as PEM: the PKCS#8 private key, then the public key. {@link #load} reads it.
   *
   * @param pair the key pair
   * @return the PEM text
   */
  public static String toPem(KeyPair pair) {
    return block("PRIVATE KEY", pair.getPrivate().getEncoded())
        + block("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static KeyPair pem(String text) {
    PrivateKey priv = null;
    PublicKey pub = null;
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(2));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(INPUT, InputReason.MALFORMED, "a PEM block is not base64");
      }
      switch (m.group(1)) {
        case "PRIVATE KEY" -> priv = privateKey(der);
        case "PUBLIC KEY" -> pub = publicKey(der);
        case "CERTIFICATE" -> pub = certificate(der).getPublicKey();
        case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY" ->
            throw new InvalidInputException(
                INPUT,
                InputReason.UNRECOGNISED_FORMAT,
                "convert the key to an unencrypted PKCS#8 'PRIVATE KEY' block, or use PKCS#12");
        default -> {
          // Other blocks (chain certificates, parameters) are not needed.
        }
      }
    }
    if (priv == null) {
      throw new InvalidInputException(INPUT, InputReason.EMPTY, "no PRIVATE KEY block");
    }
    if (pub == null && priv instanceof RSAPrivateCrtKey rsa) {
      try {
        pub =
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no RSA", e);
      }
    }
    if (pub == null) {
      throw new InvalidInputException(
          INPUT, InputReason.EMPTY, "no PUBLIC KEY or CERTIFICATE block beside the private key");
    }
    return new KeyPair(pub, priv);
  }

  private static PrivateKey privateKey(byte[] der) {
    for (String alg : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidInputException(
        INPUT, InputReason.UNRECOGNISED_FORMAT, "the private key is neither EC nor RSA");
  }

  private static PublicKey publicKey(byte[] der) {
    for (String alg : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidInputException(
        INPUT, InputReason.UNRECOGNISED_FORMAT, "the public key is neither EC nor RSA");
  }

  private static Certificate certificate(byte[] der) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(INPUT, InputReason.MALFORMED, "not an X.509 certificate");
    }
  }

  private static KeyPair pkcs12(byte[] bytes, char[] password) {
    char[] pw = password == null ? new char[0] : password;
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(bytes), pw);
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          Key k = ks.getKey(alias, pw);
          Certificate c = ks.getCertificate(alias);
          if (k instanceof PrivateKey priv && c != null) {
            return new KeyPair(c.getPublicKey(), priv);
          }
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // Wrong password and wrong format look alike in PKCS#12.
      throw new InvalidInputException(
          INPUT, InputReason.UNRECOGNISED_FORMAT, "not a PKCS#12 file, or a wrong password");
    }
    throw new InvalidInputException(
        INPUT, InputReason.EMPTY, "the PKCS#12 file holds no private key with a certificate");
  }

  private static void checkStrength(KeyPair pair) {
    if (pair.getPrivate() instanceof RSAPrivateCrtKey rsa && rsa.getModulus().bitLength() < 2048) {
      throw new InvalidInputException(INPUT, InputReason.MALFORMED, "RSA keys need 2048 bits");
    }
    if (!pair.getPrivate().getAlgorithm().equals(pair.getPublic().getAlgorithm())) {
      throw new InvalidInputException(
          INPUT, InputReason.MALFORMED, "the public key does not match the private key");
    }
  }
}
