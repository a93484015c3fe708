package vn.id06.testkit.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's key material, kept as PEM files in its state folder so a restart keeps the same
 * CA, client registration and signing keys: a CA, the server's TLS certificate for the loopback
 * addresses, a client key with a certificate (for {@code private_key_jwt} and mutual TLS), and one
 * signing key per algorithm (RS256, ES256, EdDSA). Test material only. Immutable after loading.
 */
final class SimulatorKeys {

  static final String CA_FILE = "ca.pem";
  static final String CLIENT_KEY_FILE = "client-key.pem";
  static final String CLIENT_CERT_FILE = "client.pem";
  static final String JWKS_FILE = "jwks.json";

  final X509Certificate ca;
  final PrivateKey caKey;
  final X509Certificate server;
  final PrivateKey serverKey;
  final X509Certificate client;
  final KeyPair clientKeys;
  final KeyPair rsa;
  final KeyPair ec;
  final KeyPair ed;

  private SimulatorKeys(
      X509Certificate ca,
      PrivateKey caKey,
      X509Certificate server,
      PrivateKey serverKey,
      X509Certificate client,
      KeyPair clientKeys,
      KeyPair rsa,
      KeyPair ec,
      KeyPair ed) {
    this.ca = ca;
    this.caKey = caKey;
    this.server = server;
    this.serverKey = serverKey;
    this.client = client;
    this.clientKeys = clientKeys;
    this.rsa = rsa;
    this.ec = ec;
    this.ed = ed;
  }

  /** Loads the material from {@code dir}, generating and saving it first if it is missing. */
  static SimulatorKeys loadOrCreate(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!Files.exists(dir.resolve("signing-eddsa-key.pem"))) {
        generate().save(dir);
      }
      return load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the simulator's state folder", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the simulator's keys", e);
    }
  }

  private static SimulatorKeys generate() throws GeneralSecurityException {
    KeyPair caPair = ecPair();
    X509Certificate ca =
        certificate(
            "CN=id06 simulator test CA",
            caPair.getPublic(),
            "CN=id06 simulator test CA",
            caPair.getPrivate(),
            true,
            false);
    KeyPair serverPair = ecPair();
    X509Certificate server =
        certificate(
            "CN=127.0.0.1",
            serverPair.getPublic(),
            "CN=id06 simulator test CA",
            caPair.getPrivate(),
            false,
            true);
    KeyPair clientPair = ecPair();
    X509Certificate client =
        certificate(
            "CN=id06-demo-client",
            clientPair.getPublic(),
            "CN=id06 simulator test CA",
            caPair.getPrivate(),
            false,
            false);
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    KeyPair rsa = rsaGen.generateKeyPair();
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new SimulatorKeys(
        ca,
        caPair.getPrivate(),
        server,
        serverPair.getPrivate(),
        client,
        clientPair,
        rsa,
        ecPair(),
        ed);
  }

  private static KeyPair ecPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate certificate(
      String subject,
      PublicKey key,
      String issuer,
      PrivateKey issuerKey,
      boolean isCa,
      boolean serverSan)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new X500Name(issuer),
              new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              new X500Name(subject),
              key);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      }
      if (serverSan) {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                }));
      }
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("cannot issue a test certificate", e);
    }
  }

  private void save(Path dir) throws IOException {
    writeCert(dir.resolve(CA_FILE), ca);
    writeKey(dir.resolve("ca-key.pem"), caKey);
    writeCert(dir.resolve("server.pem"), server);
    writeKey(dir.resolve("server-key.pem"), serverKey);
    writeCert(dir.resolve(CLIENT_CERT_FILE), client);
    writeKey(dir.resolve(CLIENT_KEY_FILE), clientKeys.getPrivate());
    writePublic(dir.resolve("client-public.pem"), clientKeys.getPublic());
    writeKey(dir.resolve("signing-rs256-key.pem"), rsa.getPrivate());
    writePublic(dir.resolve("signing-rs256.pem"), rsa.getPublic());
    writeKey(dir.resolve("signing-es256-key.pem"), ec.getPrivate());
    writePublic(dir.resolve("signing-es256.pem"), ec.getPublic());
    writePublic(dir.resolve("signing-eddsa.pem"), ed.getPublic());
    // Written last: its presence marks a complete folder.
    writeKey(dir.resolve("signing-eddsa-key.pem"), ed.getPrivate());
  }

  private static SimulatorKeys load(Path dir) throws IOException, GeneralSecurityException {
    return new SimulatorKeys(
        readCert(dir.resolve(CA_FILE)),
        readKey(dir.resolve("ca-key.pem"), "EC"),
        readCert(dir.resolve("server.pem")),
        readKey(dir.resolve("server-key.pem"), "EC"),
        readCert(dir.resolve(CLIENT_CERT_FILE)),
        new KeyPair(
            readPublic(dir.resolve("client-public.pem"), "EC"),
            readKey(dir.resolve(CLIENT_KEY_FILE), "EC")),
        new KeyPair(
            readPublic(dir.resolve("signing-rs256.pem"), "RSA"),
            readKey(dir.resolve("signing-rs256-key.pem"), "RSA")),
        new KeyPair(
            readPublic(dir.resolve("signing-es256.pem"), "EC"),
            readKey(dir.resolve("signing-es256-key.pem"), "EC")),
        new KeyPair(
            readPublic(dir.resolve("signing-eddsa.pem"), "Ed25519"),
            readKey(dir.resolve("signing-eddsa-key.pem"), "Ed25519")));
  }

  private static void writeCert(Path p, X509Certificate c) throws IOException {
    try {
      write(p, "CERTIFICATE", c.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException("cannot encode a certificate", e);
    }
  }

  private static void writeKey(Path p, PrivateKey k) throws IOException {
    write(p, "PRIVATE KEY", k.getEncoded());
  }

  private static void writePublic(Path p, PublicKey k) throws IOException {
    write(p, "PUBLIC KEY", k.getEncoded());
  }

  /** Writes {@code der} as a PEM block of {@code type} (also the audit keys' writer). */
  static void write(Path p, String type, byte[] der) throws IOException {
    String pem =
        "-----BEGIN "
            + type
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + type
            + "-----\n";
    Files.writeString(p, pem, StandardCharsets.US_ASCII);
  }

  private static byte[] readPem(Path p) throws IOException {
    String text = Files.readString(p, StandardCharsets.US_ASCII);
    String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static X509Certificate readCert(Path p) throws IOException, GeneralSecurityException {
    try (var in = Files.newInputStream(p)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey readKey(Path p, String alg)
      throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(readPem(p)));
  }

  private static PublicKey readPublic(Path p, String alg)
      throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(readPem(p)));
  }
}
