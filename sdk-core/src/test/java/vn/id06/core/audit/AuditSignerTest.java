package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InvalidInputException;

class AuditSignerTest {
  @TempDir Path dir;

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  @Test
  void readsPemKeysOfEachType() throws Exception {
    for (String type : List.of("RSA", "EC", "Ed25519")) {
      KeyPair kp = AuditTrails.generate(type);
      Path priv = dir.resolve(type + ".key");
      Path pub = dir.resolve(type + ".pub");
      Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
      Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
      AuditSigner s = AuditSigner.fromPem(priv, pub);
      assertThat(s.publicKey()).isEqualTo(kp.getPublic());
      assertThat(s.toString()).contains(s.algorithm());
      Path trail = dir.resolve(type + ".jsonl");
      try (FileAuditSink sink = FileAuditSink.builder(trail, s, AuditTrails.HASHER).build()) {
        sink.record(AuditTrails.event(1));
      }
      assertThat(AuditVerifier.of(AuditSigner.publicKeyFromPem(pub)).verify(List.of(trail)).ok())
          .isTrue();
    }
  }

  @Test
  void refusesBadPem() throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "hello");
    assertThatThrownBy(() -> AuditSigner.fromPem(junk, junk))
        .isInstanceOf(InvalidInputException.class);
    Path badB64 = dir.resolve("bad.pem");
    Files.writeString(badB64, "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n");
    assertThatThrownBy(() -> AuditSigner.publicKeyFromPem(badB64))
        .isInstanceOf(InvalidInputException.class);
    Path notAKey = dir.resolve("nokey.pem");
    Files.writeString(notAKey, pem("PUBLIC KEY", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> AuditSigner.publicKeyFromPem(notAKey))
        .isInstanceOf(InvalidInputException.class);
    Path notAPrivateKey = dir.resolve("nopriv.pem");
    Files.writeString(notAPrivateKey, pem("PRIVATE KEY", new byte[] {1, 2, 3}));
    Path pub = dir.resolve("ok.pub");
    Files.writeString(pub, pem("PUBLIC KEY", AuditTrails.KEYS.getPublic().getEncoded()));
    assertThatThrownBy(() -> AuditSigner.fromPem(notAPrivateKey, pub))
        .isInstanceOf(InvalidInputException.class);
    Path badCert = dir.resolve("cert.pem");
    Files.writeString(badCert, pem("CERTIFICATE", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> AuditSigner.publicKeyFromPem(badCert))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AuditSigner.publicKeyFromPem(dir.resolve("missing")))
        .isInstanceOf(InvalidInputException.class);
    Path huge = dir.resolve("huge.pem");
    Files.write(huge, new byte[70_000]);
    assertThatThrownBy(() -> AuditSigner.publicKeyFromPem(huge))
        .isInstanceOf(InvalidInputException.class);
    KeyPair dsa = AuditTrails.generate("DSA");
    assertThatThrownBy(() -> AuditSigner.of(dsa.getPrivate(), dsa.getPublic()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void readsAPkcs12PrivateKeyEntryMadeByKeytool() throws Exception {
    Path p12 = dir.resolve("signing.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-alias",
                "audit",
                "-dname",
                "CN=id06 audit test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                "test-only")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    char[] pw = "test-only".toCharArray();
    AuditSigner s = AuditSigner.fromPkcs12(p12, pw, "audit");
    assertThat(s.algorithm()).isEqualTo("SHA256withECDSA");
    Certificate cert = load(p12, pw).getCertificate("audit");
    Path certPem = dir.resolve("cert.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    assertThat(AuditSigner.publicKeyFromPem(certPem)).isEqualTo(s.publicKey());
    assertThatThrownBy(() -> AuditSigner.fromPkcs12(p12, pw, "other"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SubjectHasher.fromPkcs12(p12, pw, "audit"))
        .isInstanceOf(InvalidInputException.class);
  }

  private static KeyStore load(Path p12, char[] pw) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, pw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ks;
  }
}
