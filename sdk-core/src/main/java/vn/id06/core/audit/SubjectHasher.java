package vn.id06.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Turns a subject's ID into a keyed hash (HMAC-SHA256, 64 lowercase hex digits), so an audit trail
 * can answer "who looked up this citizen?" for whoever holds the key, while the trail itself holds
 * no ID: an unkeyed hash of a 12-digit number is reversed by trying all of them.
 *
 * <p>The key comes from configuration (a PKCS#12 secret-key entry or a raw key file), never from
 * code; it must be at least 32 bytes. Losing it makes the trail unsearchable by subject, not
 * unverifiable.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubjectHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_KEY_FILE_BYTES = 4096;
  private static final HexFormat HEX = HexFormat.of();

  private final Key key;
  private final String keyId;

  private SubjectHasher(Key key) {
    this.key = key;
    this.keyId =
        HEX.formatHex(hmac(key, "id06 audit key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /**
   * Uses a secret key (an HSM-held key without encoded bytes is accepted as it is).
   *
   * @param key an HMAC key of at least 32 bytes
   * @return the hasher
   * @throws InvalidInputException when the key is too short or unusable
   */
  public static SubjectHasher of(SecretKey key) {
    Objects.requireNonNull(key, "key");
    byte[] encoded = key.getEncoded();
    if (encoded != null && encoded.length < MIN_KEY_BYTES) {
      throw new InvalidInputException(
          "hmacKey", InputReason.WRONG_LENGTH, "at least " + MIN_KEY_BYTES + " bytes");
    }
    Key usable = encoded != null ? new SecretKeySpec(encoded, ALGORITHM) : key;
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(usable);
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("hmacKey", InputReason.MALFORMED, "not an HMAC key");
    }
    return new SubjectHasher(usable);
  }

  /**
   * Reads a raw key file: its bytes are the key (32 to 4,096 bytes).
   *
   * @param file the key file
   * @return the hasher
   * @throws InvalidInputException when the file cannot be read or has the wrong size
   */
  public static SubjectHasher fromRawKeyFile(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidInputException("hmacKeyFile", InputReason.EMPTY, "cannot be read");
    }
    if (bytes.length > MAX_KEY_FILE_BYTES) {
      throw new InvalidInputException(
          "hmacKeyFile", InputReason.TOO_LONG, "at most " + MAX_KEY_FILE_BYTES + " bytes");
    }
    return of(new SecretKeySpec(bytes.length == 0 ? new byte[1] : bytes, ALGORITHM));
  }

  /**
   * Reads a secret-key entry from a PKCS#12 key store.
   *
   * @param keyStore the PKCS#12 file
   * @param password the store's and the entry's password
   * @param alias the entry's alias
   * @return the hasher
   * @throws InvalidInputException when the store, the password or the entry is wrong
   */
  public static SubjectHasher fromPkcs12(Path keyStore, char[] password, String alias) {
    Key key = AuditKeys.loadPkcs12Key(keyStore, password, alias, "hmacKeyStore");
    if (!(key instanceof SecretKey secret)) {
      throw new InvalidInputException(
          "hmacKeyStore", InputReason.UNKNOWN_VALUE, "the entry is not a secret key");
    }
    return of(secret);
  }

  /**
   * Returns the subject's keyed hash.
   *
   * @param subjectId the subject's ID as the gateway knows it (e.g. the 12-digit ID)
   * @return 64 lowercase hex digits
   */
  public String hash(String subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    if (subjectId.isEmpty()) {
      throw new InvalidInputException("subjectId", InputReason.EMPTY, "required");
    }
    return HEX.formatHex(hmac(key, subjectId.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns whether {@code subjectHash} is the hash of {@code subjectId} under this key (compared
   * in constant time).
   *
   * @param subjectHash a hash from a trail
   * @param subjectId the ID to test
   * @return whether they match
   */
  public boolean matches(String subjectHash, String subjectId) {
    return MessageDigest.isEqual(
        hash(subjectId).getBytes(StandardCharsets.US_ASCII),
        Objects.requireNonNull(subjectHash, "subjectHash").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Returns a short public identifier of the key (an HMAC of a fixed text, 16 hex digits), so a
   * trail can name which key hashed it without revealing it.
   *
   * @return the key id
   */
  public String keyId() {
    return keyId;
  }

  /**
   * Returns whether a text has the form of a subject hash (64 lowercase hex digits).
   *
   * @param text the text
   * @return whether it could be a hash
   */
  public static boolean isHash(String text) {
    if (text == null || text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hmac(Key key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SubjectHasher[keyId=" + keyId + "]";
  }
}
