package vn.id06.cardreader;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import vn.id06.cardreader.Crypto.Family;
import vn.id06.cardreader.SecurityInfos.ChipAuthInfo;
import vn.id06.cardreader.SecurityInfos.ChipAuthKey;
import vn.id06.core.Id06Exception;

/**
 * Chip authentication with the static key of DG14 (ICAO 9303-11 §6.2), ECDH: version 1 (MSE:Set
 * KAT, 3DES) and version 2 (MSE:Set AT + GENERAL AUTHENTICATE, AES). It is proven only when the
 * session restarted under the new keys really works: the reader reads EF.COM again under them and
 * compares it with the copy read before. A clone without the private key cannot compute the keys,
 * so its answers fail the MAC. Stateless and thread-safe.
 */
final class ChipAuthenticator {
  private ChipAuthenticator() {}

  static Verdict authenticate(
      CardSession session, FileReader reader, byte[] dg14, byte[] comBefore, SecureRandom random) {
    if (dg14 == null) {
      return Verdict.notAvailable("the card has no DG14");
    }
    SecurityInfos infos;
    try {
      infos = SecurityInfos.parseDg14(dg14);
    } catch (Id06Exception e) {
      return Verdict.failed("DG14 is malformed");
    }
    ChipAuthKey key = null;
    for (ChipAuthKey k : infos.caKeys) {
      if (k.oid().equals(SecurityInfos.PK_ECDH)) {
        key = k;
        break;
      }
    }
    if (key == null) {
      return Verdict.notAvailable(
          infos.caKeys.isEmpty()
              ? "DG14 has no chip authentication key"
              : "only DH chip authentication keys, which this reader does not run");
    }
    ChipAuthInfo info = null;
    for (ChipAuthInfo i : infos.caInfos) {
      if (i.oid().startsWith(SecurityInfos.CA_PREFIX + "2.")
          && (key.keyId() == null || i.keyId() == null || key.keyId().equals(i.keyId()))) {
        info = i;
        break;
      }
    }
    String oid = info != null ? info.oid() : SecurityInfos.CA_PREFIX + "2.1";
    int cipher = Integer.parseInt(oid.substring(oid.lastIndexOf('.') + 1));
    if (cipher < 1 || cipher > 4) {
      return Verdict.notAvailable("an unknown chip authentication cipher");
    }
    Family family = cipher == 1 ? Family.DES3 : Family.AES;
    int keyBytes = cipher == 3 ? 24 : cipher == 4 ? 32 : 16;

    ECPublicKeyParameters chipKey;
    try {
      AsymmetricKeyParameter p = PublicKeyFactory.createKey(key.key());
      if (!(p instanceof ECPublicKeyParameters ec)) {
        return Verdict.failed("the DG14 key is not an EC key");
      }
      chipKey = ec;
    } catch (IOException | RuntimeException e) {
      return Verdict.failed("the DG14 key cannot be decoded");
    }
    ECDomainParameters dp = chipKey.getParameters();
    BigInteger sk = Pace.privateKey(random, dp.getN());
    ECPoint pk = dp.getG().multiply(sk).normalize();
    byte[] shared = chipKey.getQ().multiply(sk).normalize().getAffineXCoord().getEncoded();
    byte[] keyIdRef =
        key.keyId() == null
            ? new byte[0]
            : Tlv.encode(0x84, BigInteger.valueOf(key.keyId()).toByteArray());

    Response r;
    if (family == Family.DES3) {
      byte[] data = Crypto.concat(Tlv.encode(0x91, pk.getEncoded(false)), keyIdRef);
      r = session.send(new Apdu(0x00, 0x22, 0x41, 0xA6, data, Apdu.NO_LE));
    } else {
      byte[] setAt = Crypto.concat(Tlv.encode(0x80, oidContent(oid)), keyIdRef);
      r = session.send(new Apdu(0x00, 0x22, 0x41, 0xA4, setAt, Apdu.NO_LE));
      if (r.ok()) {
        byte[] ga = Tlv.encode(0x7C, Tlv.encode(0x80, pk.getEncoded(false)));
        r = session.send(new Apdu(0x00, 0x86, 0, 0, ga, 256));
      }
    }
    if (!r.ok()) {
      return Verdict.failed(
          "the chip refused chip authentication (" + String.format("%04X", r.sw) + ")");
    }
    session.secure(
        new SecureMessaging(
            family,
            Crypto.kdf(shared, 1, family, keyBytes),
            Crypto.kdf(shared, 2, family, keyBytes),
            new byte[family.block]));
    try {
      byte[] again = reader.read(0x011E, "EF.COM");
      if (again == null || comBefore == null || !MessageDigest.isEqual(again, comBefore)) {
        return Verdict.failed("the session under the chip authentication keys returned other data");
      }
    } catch (Id06Exception e) {
      return Verdict.failed(
          "the chip does not hold the private key of DG14: the new session fails");
    }
    return Verdict.proven("chip genuine: it holds the private key of DG14");
  }

  static byte[] oidContent(String oid) {
    try {
      byte[] der = new ASN1ObjectIdentifier(oid).getEncoded(ASN1Encoding.DER);
      return Crypto.slice(der, 2, der.length);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
