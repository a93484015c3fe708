package vn.id06.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The key that signs an audit trail's checkpoints: RSA (SHA256withRSA), EC (SHA256withECDSA) or
 * Ed25519, read from configuration (a PKCS#12 private-key entry or a PKCS#8 PEM file), never from
 * code. Verification needs only the public key.
 *
 * <p>An Ed25519 key whose bytes the JCA provider exposes is signed with Bouncy Castle's RFC 8032
 * implementation: about 35 µs a signature against about 600 µs for JDK 17's, and the same bytes
 * (Ed25519 signatures are deterministic). The sink signs a checkpoint every thousand events by
 * default, on the cores that serve the audited calls; with the JDK's signer that was about half of
 * the trail's cost on a batch. Keys held in a token (no exportable bytes) go through the JCA.
 *
 * <p>Immutable and thread-safe (each JCA signature uses a fresh {@link Signature}; the Ed25519 path
 * keeps no state between signatures).
 */
public final class AuditSigner {
  private static final int MAX_PEM_BYTES = 64 * 1024;

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String algorithm;
  // The Ed25519 public key's 32 raw bytes when the fast path applies, else null.
  private final byte[] ed25519PublicKey;

  private AuditSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.algorithm = algorithmFor(privateKey);
    this.ed25519PublicKey = "Ed25519".equals(algorithm) ? ed25519(privateKey, publicKey) : null;
  }

  /**
   * The public key's raw bytes for the Ed25519 fast path, after checking that it is the private
   * key's own (a mismatched pair would write checkpoints that nobody can verify); null when the
   * private key does not give its bytes.
   */
  private static byte[] ed25519(PrivateKey privateKey, PublicKey publicKey) {
    byte[] seed = privateKey instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
    if (seed == null || seed.length != Ed25519.SECRET_KEY_SIZE) {
      return null;
    }
    byte[] own = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, own, 0);
    Arrays.fill(seed, (byte) 0);
    // An Ed25519 SubjectPublicKeyInfo ends with the 32 raw bytes of the key (RFC 8410).
    byte[] spki = publicKey.getEncoded();
    if (spki == null
        || spki.length < own.length
        || !Arrays.equals(spki, spki.length - own.length, spki.length, own, 0, own.length)) {
      throw new InvalidInputException(
          "signingKey", InputReason.UNKNOWN_VALUE, "the public key does not match the private key");
    }
    return own;
  }

  /**
   * Uses a key pair held by the caller.
   *
   * @param privateKey the signing key
   * @param publicKey its public key, written into the trail's first record as a key id
   * @return the signer
   * @throws InvalidInputException when the key type is not RSA, EC or Ed25519
   */
  public static AuditSigner of(PrivateKey privateKey, PublicKey publicKey) {
    return new AuditSigner(
        Objects.requireNonNull(privateKey, "privateKey"),
        Objects.requireNonNull(publicKey, "publicKey"));
  }

  /**
   * Reads a private-key entry (and its certificate's public key) from a PKCS#12 key store.
   *
   * @param keyStore the PKCS#12 file
   * @param password the store's and the entry's password
   * @param alias the entry's alias
   * @return the signer
   * @throws InvalidInputException when the store, the password or the entry is wrong
   */
  public static AuditSigner fromPkcs12(Path keyStore, char[] password, String alias) {
    Key key = AuditKeys.loadPkcs12Key(keyStore, password, alias, "signingKeyStore");
    if (!(key instanceof PrivateKey privateKey)) {
      throw new InvalidInputException(
          "signingKeyStore", InputReason.UNKNOWN_VALUE, "the entry is not a private key");
    }
    try {
      Certificate cert =
          AuditKeys.loadPkcs12(keyStore, password, "signingKeyStore").getCertificate(alias);
      if (cert == null) {
        throw new InvalidInputException(
            "signingKeyStore", InputReason.UNKNOWN_VALUE, "the entry has no certificate");
      }
      return new AuditSigner(privateKey, cert.getPublicKey());
    } catch (java.security.KeyStoreException e) {
      throw new InvalidInputException(
          "signingKeyStore", InputReason.UNRECOGNISED_FORMAT, "the entry cannot be read");
    }
  }

  /**
   * Reads an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) and an X.509
   * public key ({@code -----BEGIN PUBLIC KEY-----}) from PEM files.
   *
   * @param privateKeyPem the private key file
   * @param publicKeyPem the public key file
   * @return the signer
   * @throws InvalidInputException when a file cannot be read or parsed
   */
  public static AuditSigner fromPem(Path privateKeyPem, Path publicKeyPem) {
    byte[] der = pem(privateKeyPem, "PRIVATE KEY", "signingKeyPem");
    PublicKey publicKey = publicKeyFromPem(publicKeyPem);
    PrivateKey privateKey = null;
    for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        privateKey = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
        break;
      } catch (GeneralSecurityException wrongType) {
        // Try the next key type.
      }
    }
    if (privateKey == null) {
      throw new InvalidInputException(
          "signingKeyPem", InputReason.UNRECOGNISED_FORMAT, "not an RSA, EC or Ed25519 key");
    }
    return new AuditSigner(privateKey, publicKey);
  }

  /**
   * Reads a public key from a PEM file: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) or {@code
   * CERTIFICATE}.
   *
   * @param file the PEM file
   * @return the public key
   * @throws InvalidInputException when the file cannot be read or parsed
   */
  public static PublicKey publicKeyFromPem(Path file) {
    String text = readPem(file, "publicKeyPem");
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
      try {
        return java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
            .getPublicKey();
      } catch (GeneralSecurityException e) {
        throw new InvalidInputException(
            "publicKeyPem", InputReason.UNRECOGNISED_FORMAT, "not an X.509 certificate");
      }
    }
    byte[] der = decode(text, "PUBLIC KEY", "publicKeyPem");
    for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(type)
            .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
      } catch (GeneralSecurityException wrongType) {
        // Try the next key type.
      }
    }
    throw new InvalidInputException(
        "publicKeyPem", InputReason.UNRECOGNISED_FORMAT, "not an RSA, EC or Ed25519 key");
  }

  /**
   * Returns the public key that verifies this signer's checkpoints.
   *
   * @return the public key
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Returns the JCA signature algorithm used.
   *
   * @return e.g. {@code SHA256withRSA}
   */
  public String algorithm() {
    return algorithm;
  }

  byte[] sign(byte[] message) {
    if (ed25519PublicKey != null) {
      // The key's bytes are asked for at each signature, as the JCA does, and not kept here.
      byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElse(null);
      if (seed != null && seed.length == Ed25519.SECRET_KEY_SIZE) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, ed25519PublicKey, 0, message, 0, message.length, sig, 0);
        Arrays.fill(seed, (byte) 0);
        return sig;
      }
      // No bytes this time: the JCA says why.
    }
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new Id06Exception("cannot sign with " + algorithm, e);
    }
  }

  static String algorithmFor(Key key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default ->
          throw new InvalidInputException(
              "signingKey", InputReason.UNKNOWN_VALUE, "RSA, EC or Ed25519 expected");
    };
  }

  private static byte[] pem(Path file, String label, String field) {
    return decode(readPem(file, field), label, field);
  }

  private static String readPem(Path file, String field) {
    try {
      if (Files.size(file) > MAX_PEM_BYTES) {
        throw new InvalidInputException(field, InputReason.TOO_LONG, "at most 64 KiB");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidInputException(field, InputReason.EMPTY, "cannot be read");
    }
  }

  private static byte[] decode(String text, String label, String field) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new InvalidInputException(
          field, InputReason.UNRECOGNISED_FORMAT, "no " + label + " block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException bad) {
      throw new InvalidInputException(field, InputReason.MALFORMED, "bad base64");
    }
  }

  @Override
  public String toString() {
    return "AuditSigner[" + algorithm + "]";
  }
}
