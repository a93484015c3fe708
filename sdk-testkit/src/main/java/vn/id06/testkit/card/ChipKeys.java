package vn.id06.testkit.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The chip's own key pairs: the chip authentication key (ECDH on brainpoolP256r1, published in
 * DG14) and the active authentication key (ECDSA on P-256, published in DG15). Immutable.
 */
final class ChipKeys {
  static final X9ECParameters BRAINPOOL_P256R1 = TeleTrusTNamedCurves.getByName("brainpoolP256r1");

  final BigInteger caPrivate;
  final ECPoint caPublic;
  final KeyPair aaKeys;

  private ChipKeys(BigInteger caPrivate, ECPoint caPublic, KeyPair aaKeys) {
    this.caPrivate = caPrivate;
    this.caPublic = caPublic;
    this.aaKeys = aaKeys;
  }

  static ChipKeys create(SecureRandom random) {
    BigInteger n = BRAINPOOL_P256R1.getN();
    BigInteger d;
    do {
      d = new BigInteger(n.bitLength(), random);
    } while (d.signum() == 0 || d.compareTo(n) >= 0);
    ECPoint q = BRAINPOOL_P256R1.getG().multiply(d).normalize();
    return new ChipKeys(d, q, TestPki.ecKeys("secp256r1", random));
  }

  /** The chip authentication public key as a SubjectPublicKeyInfo with the named curve. */
  byte[] caSubjectPublicKeyInfo() {
    try {
      return new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(
                  X9ObjectIdentifiers.id_ecPublicKey, TeleTrusTObjectIdentifiers.brainpoolP256r1),
              caPublic.getEncoded(false))
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
