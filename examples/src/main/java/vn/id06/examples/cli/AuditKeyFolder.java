package vn.id06.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.SubjectHasher;

/**
 * The keys of an audit trail, from one folder ({@code --audit-keys DIR} or {@code
 * ID06_AUDIT_KEYS}):
 *
 * <ul>
 *   <li>the subject-hash (HMAC) key: {@code hmac.key}, a raw key file of 32 to 4,096 bytes, or
 *       {@code hmac.p12}, a PKCS#12 store with a secret-key entry {@code hmac};
 *   <li>the checkpoint signing key: {@code signing.p12}, a PKCS#12 store with a private-key entry
 *       {@code signing} and its certificate, or {@code signing-key.pem} (unencrypted PKCS#8) with
 *       {@code signing.pem} (its public key or certificate). Verifying needs only {@code
 *       signing.pem} (or {@code signing.p12}).
 * </ul>
 *
 * PKCS#12 passwords come from {@code ID06_AUDIT_KEYS_PASSWORD} (empty when unset). Errors name the
 * file, never a key.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param dir the folder
 * @param password the PKCS#12 password
 * @param throwaway whether these are the simulator's throwaway keys
 */
record AuditKeyFolder(Path dir, String password, boolean throwaway) {
  static final String HMAC_RAW = "hmac.key";
  static final String HMAC_P12 = "hmac.p12";
  static final String SIGNING_P12 = "signing.p12";
  static final String SIGNING_KEY_PEM = "signing-key.pem";
  static final String SIGNING_PEM = "signing.pem";

  /** Opens a folder, which must exist. */
  static AuditKeyFolder of(Path dir, CliContext context, boolean throwaway) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("auditKeys", InputReason.EMPTY, "not a folder");
    }
    return new AuditKeyFolder(dir, context.env("ID06_AUDIT_KEYS_PASSWORD").orElse(""), throwaway);
  }

  SubjectHasher hasher() {
    Path raw = dir.resolve(HMAC_RAW);
    Path p12 = dir.resolve(HMAC_P12);
    boolean hasRaw = Files.exists(raw);
    boolean hasP12 = Files.exists(p12);
    if (hasRaw == hasP12) {
      throw new InvalidInputException(
          "auditKeys",
          hasRaw ? InputReason.UNKNOWN_VALUE : InputReason.EMPTY,
          "the folder needs exactly one of " + HMAC_RAW + " and " + HMAC_P12);
    }
    return hasRaw
        ? SubjectHasher.fromRawKeyFile(raw)
        : SubjectHasher.fromPkcs12(p12, password.toCharArray(), "hmac");
  }

  AuditSigner signer() {
    Path p12 = dir.resolve(SIGNING_P12);
    Path keyPem = dir.resolve(SIGNING_KEY_PEM);
    boolean hasP12 = Files.exists(p12);
    boolean hasPem = Files.exists(keyPem);
    if (hasP12 == hasPem) {
      throw new InvalidInputException(
          "auditKeys",
          hasP12 ? InputReason.UNKNOWN_VALUE : InputReason.EMPTY,
          "the folder needs exactly one of " + SIGNING_P12 + " and " + SIGNING_KEY_PEM);
    }
    return hasP12
        ? AuditSigner.fromPkcs12(p12, password.toCharArray(), "signing")
        : AuditSigner.fromPem(keyPem, dir.resolve(SIGNING_PEM));
  }

  PublicKey publicKey() {
    Path pem = dir.resolve(SIGNING_PEM);
    if (Files.exists(pem)) {
      return AuditSigner.publicKeyFromPem(pem);
    }
    if (Files.exists(dir.resolve(SIGNING_P12))) {
      return AuditSigner.fromPkcs12(dir.resolve(SIGNING_P12), password.toCharArray(), "signing")
          .publicKey();
    }
    throw new InvalidInputException(
        "auditKeys",
        InputReason.EMPTY,
        "the folder needs " + SIGNING_PEM + " or " + SIGNING_P12 + " to verify");
  }

  @Override
  public String toString() {
    return "AuditKeyFolder[throwaway=" + throwaway + "]";
  }
}
