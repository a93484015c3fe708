package vn.id06.testkit.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test country signing CA and a document signer under it (ECDSA P-256, SHA-256), made fresh from
 * a seed. Synthetic: trusted by nothing outside tests. Immutable.
 */
final class TestPki {
  final KeyPair cscaKeys;
  final X509Certificate csca;
  final KeyPair dsKeys;
  final X509Certificate ds;

  private TestPki(KeyPair cscaKeys, X509Certificate csca, KeyPair dsKeys, X509Certificate ds) {
    this.cscaKeys = cscaKeys;
    this.csca = csca;
    this.dsKeys = dsKeys;
    this.ds = ds;
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ecKeys(String curve, SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve), random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestPki create(String label, SecureRandom random) {
    KeyPair cscaKeys = ecKeys("secp256r1", random);
    KeyPair dsKeys = ecKeys("secp256r1", random);
    X500Name cscaName = new X500Name("C=VN,O=id06 synthetic test PKI,CN=" + label + " Test CSCA");
    X500Name dsName = new X500Name("C=VN,O=id06 synthetic test PKI,CN=" + label + " Test DS");
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      JcaX509v3CertificateBuilder cb =
          new JcaX509v3CertificateBuilder(
              cscaName,
              BigInteger.ONE,
              date(2020, 1, 1),
              date(2045, 1, 1),
              cscaName,
              cscaKeys.getPublic());
      cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      cb.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      cb.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          ext.createSubjectKeyIdentifier(cscaKeys.getPublic()));
      X509Certificate csca = sign(cb.build(signer(cscaKeys)));
      JcaX509v3CertificateBuilder db =
          new JcaX509v3CertificateBuilder(
              cscaName,
              BigInteger.TWO,
              date(2021, 1, 1),
              date(2046, 1, 1),
              dsName,
              dsKeys.getPublic());
      db.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      db.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(cscaKeys.getPublic()));
      X509Certificate ds = sign(db.build(signer(cscaKeys)));
      return new TestPki(cscaKeys, csca, dsKeys, ds);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.bouncycastle.operator.ContentSigner signer(KeyPair keys)
      throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
  }

  private static X509Certificate sign(X509CertificateHolder holder) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Date date(int y, int m, int d) {
    return Date.from(LocalDate.of(y, m, d).atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
