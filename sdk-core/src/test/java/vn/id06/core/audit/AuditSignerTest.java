package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
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

  /** RFC 8032, section 7.1, TEST 1 (the empty message) and TEST 2 (one byte, 0x72). */
  @Test
  void signsEd25519AsRfc8032Says() throws Exception {
    AuditSigner signer =
        AuditSigner.of(
            ed25519Private("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
            ed25519Public("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    assertThat(HexFormat.of().formatHex(signer.sign(new byte[0])))
        .isEqualTo(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc6"
                + "1e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    AuditSigner second =
        AuditSigner.of(
            ed25519Private("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
            ed25519Public("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
    assertThat(HexFormat.of().formatHex(second.sign(new byte[] {0x72})))
        .isEqualTo(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e45"
                + "8f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  }

  /** The fast path writes what the JDK's own Ed25519 writes, for generated keys and messages. */
  @Test
  void signsEd25519AsTheJdkDoes() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    for (int k = 0; k < 20; k++) {
      KeyPair kp = AuditTrails.generate("Ed25519");
      AuditSigner signer = AuditSigner.of(kp.getPrivate(), kp.getPublic());
      byte[] message = new byte[random.nextInt(600)];
      random.nextBytes(message);
      Signature jdk = Signature.getInstance("Ed25519");
      jdk.initSign(kp.getPrivate());
      jdk.update(message);
      assertThat(signer.sign(message)).isEqualTo(jdk.sign());
    }
  }

  @Test
  void refusesAnEd25519PublicKeyThatIsNotThePrivateKeys() throws Exception {
    KeyPair one = AuditTrails.generate("Ed25519");
    KeyPair other = AuditTrails.generate("Ed25519");
    assertThatThrownBy(() -> AuditSigner.of(one.getPrivate(), other.getPublic()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not match");
  }

  private static PrivateKey ed25519Private(String hex) throws Exception {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(
            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(hex)));
  }

  /** An Ed25519 SubjectPublicKeyInfo (RFC 8410): a fixed prefix, then the 32 raw bytes. */
  private static PublicKey ed25519Public(String hex) throws Exception {
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(
            new X509EncodedKeySpec(HexFormat.of().parseHex("302a300506032b6570032100" + hex)));
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
