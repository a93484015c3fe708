package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InvalidInputException;

class SubjectHasherTest {
  @TempDir Path dir;

  @Test
  void matchesRfc4231TestCase6() throws Exception {
    // RFC 4231 section 4.7: a 131-byte key of 0xaa.
    byte[] key = new byte[131];
    Arrays.fill(key, (byte) 0xaa);
    Path file = dir.resolve("hmac.key");
    Files.write(file, key);
    SubjectHasher h = SubjectHasher.fromRawKeyFile(file);
    assertThat(h.hash("Test Using Larger Than Block-Size Key - Hash Key First"))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    assertThat(h.keyId()).hasSize(16);
    assertThat(h.toString()).contains(h.keyId());
  }

  @Test
  void hashesAreKeyedAndComparable() {
    SubjectHasher a = SubjectHasher.of(new SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] other = new byte[32];
    other[0] = 1;
    SubjectHasher b = SubjectHasher.of(new SecretKeySpec(other, "HmacSHA256"));
    String id = "001090012345"; // synthetic
    assertThat(a.hash(id)).isNotEqualTo(b.hash(id)).matches("[0-9a-f]{64}");
    assertThat(SubjectHasher.isHash(a.hash(id))).isTrue();
    assertThat(a.matches(a.hash(id), id)).isTrue();
    assertThat(a.matches(b.hash(id), id)).isFalse();
    assertThat(SubjectHasher.isHash("ABC")).isFalse();
    assertThat(SubjectHasher.isHash("G".repeat(64))).isFalse();
    assertThat(SubjectHasher.isHash(null)).isFalse();
    assertThatThrownBy(() -> a.hash("")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesShortOrHugeOrMissingKeys() throws Exception {
    assertThatThrownBy(() -> SubjectHasher.of(new SecretKeySpec(new byte[31], "HmacSHA256")))
        .isInstanceOf(InvalidInputException.class);
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThatThrownBy(() -> SubjectHasher.fromRawKeyFile(empty))
        .isInstanceOf(InvalidInputException.class);
    Path huge = dir.resolve("huge");
    Files.write(huge, new byte[5000]);
    assertThatThrownBy(() -> SubjectHasher.fromRawKeyFile(huge))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SubjectHasher.fromRawKeyFile(dir.resolve("missing")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void readsAPkcs12SecretKeyEntry() throws Exception {
    char[] pw = "test-only".toCharArray();
    byte[] raw = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, pw);
    ks.setEntry(
        "audit-hmac",
        new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "HmacSHA256")),
        new KeyStore.PasswordProtection(pw));
    Path p12 = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      ks.store(out, pw);
    }
    SubjectHasher fromStore = SubjectHasher.fromPkcs12(p12, pw, "audit-hmac");
    SubjectHasher direct = SubjectHasher.of(new SecretKeySpec(raw, "HmacSHA256"));
    assertThat(fromStore.hash("x")).isEqualTo(direct.hash("x"));
    assertThatThrownBy(() -> SubjectHasher.fromPkcs12(p12, pw, "nope"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SubjectHasher.fromPkcs12(p12, "wrong".toCharArray(), "audit-hmac"))
        .isInstanceOf(InvalidInputException.class);
    Path notAStore = dir.resolve("junk.p12");
    Files.writeString(notAStore, "not a key store");
    assertThatThrownBy(() -> SubjectHasher.fromPkcs12(notAStore, pw, "audit-hmac"))
        .isInstanceOf(InvalidInputException.class);
  }
}
