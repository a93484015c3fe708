package vn.id06.cardreader;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.math.ec.ECPoint;
import vn.id06.cardreader.Crypto.Family;

/**
 * PACE with generic mapping (ICAO 9303-11 §4.4), over ECDH (NIST and Brainpool curves, through
 * BouncyCastle's curve arithmetic: no JCA provider is needed or registered) and over DH (the RFC
 * 5114 groups). Sets up 3DES or AES secure messaging. Stateless and thread-safe; the session it
 * runs on is not.
 */
final class Pace {
  /** id-PACE = 0.4.0.127.0.7.2.2.4, DER content bytes. */
  private static final byte[] ID_PACE = Hex.decode("04007F0007020204");

  /** A PACEInfo from EF.CardAccess that this reader can run. */
  // The OID array is copied in and out, and equals/hashCode compare its contents.
  @SuppressWarnings("ArrayRecordComponent")
  record PaceInfo(byte[] oid, int version, int parameterId) {
    PaceInfo {
      oid = oid.clone();
    }

    @Override
    public byte[] oid() {
      return oid.clone();
    }

    int mapping() {
      return oid[8];
    }

    boolean ec() {
      return mapping() == 2;
    }

    Family family() {
      return oid[9] == 1 ? Family.DES3 : Family.AES;
    }

    int keyBytes() {
      return switch (oid[9]) {
        case 3 -> 24;
        case 4 -> 32;
        default -> 16;
      };
    }

    boolean supported() {
      return (mapping() == 1 || mapping() == 2)
          && oid[9] >= 1
          && oid[9] <= 4
          && (ec() ? curveName(parameterId) != null : dhGroup(parameterId) != null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PaceInfo p
          && Arrays.equals(oid, p.oid)
          && version == p.version
          && parameterId == p.parameterId;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(oid) * 31 + parameterId;
    }

    @Override
    public String toString() {
      return "PaceInfo[" + Hex.encode(oid) + ", v" + version + ", param " + parameterId + "]";
    }
  }

  private Pace() {}

  /** The PACEInfos of EF.CardAccess (a SET of SecurityInfos); other infos are skipped. */
  static List<PaceInfo> parseCardAccess(byte[] cardAccess) {
    List<PaceInfo> out = new ArrayList<>();
    Tlv set = Tlv.parseWhole(cardAccess, "EF.CardAccess");
    if (set.tag() != 0x31) {
      throw Errors.malformed("EF.CardAccess", "not a SET of security infos");
    }
    for (Tlv info : set.children("EF.CardAccess")) {
      if (info.tag() != 0x30) {
        continue;
      }
      List<Tlv> parts = info.children("EF.CardAccess");
      if (parts.size() < 2 || parts.get(0).tag() != 0x06 || parts.get(1).tag() != 0x02) {
        continue;
      }
      byte[] oid = parts.get(0).value();
      if (oid.length != 10 || !Arrays.equals(Arrays.copyOf(oid, 8), ID_PACE)) {
        continue;
      }
      int version = smallInt(parts.get(1));
      int param = -1;
      if (parts.size() > 2 && parts.get(2).tag() == 0x02) {
        param = smallInt(parts.get(2));
      }
      out.add(new PaceInfo(oid, version, param));
    }
    return out;
  }

  static int smallInt(Tlv t) {
    byte[] v = t.value();
    if (v.length == 0 || v.length > 3) {
      throw Errors.malformed("EF.CardAccess", "an integer out of range");
    }
    return new BigInteger(v).intValueExact();
  }

  static String curveName(int parameterId) {
    return switch (parameterId) {
      case 8 -> "secp192r1";
      case 9 -> "brainpoolP192r1";
      case 10 -> "secp224r1";
      case 11 -> "brainpoolP224r1";
      case 12 -> "secp256r1";
      case 13 -> "brainpoolP256r1";
      case 14 -> "brainpoolP320r1";
      case 15 -> "secp384r1";
      case 16 -> "brainpoolP384r1";
      case 17 -> "brainpoolP512r1";
      case 18 -> "secp521r1";
      default -> null;
    };
  }

  /**
   * The DH group of a standard parameter id. Only id 0 (RFC 5114 §2.1, the 1024-bit MODP group with
   * a 160-bit prime-order subgroup) is built in; cards with ids 1 and 2 fall back to BAC.
   */
  static DHParameters dhGroup(int parameterId) {
    return parameterId == 0 ? RFC5114_1024_160 : null;
  }

  private static final DHParameters RFC5114_1024_160 =
      new DHParameters(
          new BigInteger(
              "B10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA52D23B616073E28675A23D18"
                  + "9838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A"
                  + "73724EFFD6FAE5644738FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA7"
                  + "6D4DA708DF1FB2BC2E4A4371",
              16),
          new BigInteger(
              "A4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF14266D31266FEA1E5C4156"
                  + "4B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263"
                  + "F80A76A6A24C087A091F531DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4D"
                  + "CEF97C2A24855E6EEB22B3B2E5",
              16),
          new BigInteger("F518AA8781A8DF278ABA4E7D64B7CB9D49462353", 16));

  /** Runs PACE and switches the session to secure messaging. */
  static void authenticate(CardSession session, PaceInfo info, AccessKey key, SecureRandom random) {
    if (!info.supported()) {
      throw Errors.unsupported("PACE parameters the reader does not support");
    }
    Family family = info.family();
    byte[] kpi = Crypto.kdf(key.pacePassword(), 3, family, info.keyBytes());

    byte[] setAt =
        Crypto.concat(
            Tlv.encode(0x80, info.oid()),
            new byte[] {(byte) 0x83, 1, (byte) key.passwordReference()});
    Response mse = session.sendPlain(new Apdu(0x00, 0x22, 0xC1, 0xA4, setAt, Apdu.NO_LE));
    if (!mse.ok()) {
      throw Errors.unexpectedStatus("MSE:Set AT for PACE", mse.sw);
    }

    byte[] z = generalAuthenticate(session, true, new byte[0], 0x80, "PACE nonce");
    byte[] s = Crypto.cbc(family, false, kpi, new byte[family.block], z);

    byte[] sharedSecret;
    byte[] pcdPublicData;
    byte[] piccPublicData;
    if (info.ec()) {
      X9ECParameters curve = ECNamedCurveTable.getByName(curveName(info.parameterId()));
      BigInteger n = curve.getN();
      BigInteger mapKey = privateKey(random, n);
      ECPoint mapPub = curve.getG().multiply(mapKey).normalize();
      byte[] piccMap =
          generalAuthenticate(
              session, true, Tlv.encode(0x81, mapPub.getEncoded(false)), 0x82, "PACE mapping");
      ECPoint piccMapPoint = decodePoint(curve, piccMap);
      ECPoint h = piccMapPoint.multiply(mapKey);
      ECPoint mappedG = curve.getG().multiply(new BigInteger(1, s)).add(h).normalize();
      if (mappedG.isInfinity()) {
        throw Errors.secureMessaging("PACE mapping gave the point at infinity");
      }
      BigInteger ephKey = privateKey(random, n);
      ECPoint ephPub = mappedG.multiply(ephKey).normalize();
      pcdPublicData = ephPub.getEncoded(false);
      piccPublicData =
          generalAuthenticate(
              session, true, Tlv.encode(0x83, pcdPublicData), 0x84, "PACE key agreement");
      ECPoint piccEph = decodePoint(curve, piccPublicData);
      if (piccEph.equals(ephPub)) {
        throw Errors.secureMessaging("the chip returned the reader's own PACE key");
      }
      ECPoint shared = piccEph.multiply(ephKey).normalize();
      if (shared.isInfinity()) {
        throw Errors.secureMessaging("PACE key agreement gave the point at infinity");
      }
      sharedSecret = shared.getAffineXCoord().getEncoded();
    } else {
      DHParameters group = dhGroup(info.parameterId());
      BigInteger p = group.getP();
      BigInteger q = group.getQ();
      int pLen = (p.bitLength() + 7) / 8;
      BigInteger mapKey = privateKey(random, q);
      BigInteger mapPub = group.getG().modPow(mapKey, p);
      byte[] piccMap =
          generalAuthenticate(
              session, true, Tlv.encode(0x81, unsigned(mapPub, pLen)), 0x82, "PACE mapping");
      BigInteger h = checkDh(new BigInteger(1, piccMap), p, q).modPow(mapKey, p);
      BigInteger mappedG = group.getG().modPow(new BigInteger(1, s), p).multiply(h).mod(p);
      BigInteger ephKey = privateKey(random, q);
      BigInteger ephPub = mappedG.modPow(ephKey, p);
      pcdPublicData = unsigned(ephPub, pLen);
      piccPublicData =
          generalAuthenticate(
              session, true, Tlv.encode(0x83, pcdPublicData), 0x84, "PACE key agreement");
      BigInteger piccEph = checkDh(new BigInteger(1, piccPublicData), p, q);
      if (piccEph.equals(ephPub)) {
        throw Errors.secureMessaging("the chip's PACE key is not acceptable");
      }
      sharedSecret = unsigned(piccEph.modPow(ephKey, p), pLen);
    }

    byte[] ksEnc = Crypto.kdf(sharedSecret, 1, family, info.keyBytes());
    byte[] ksMac = Crypto.kdf(sharedSecret, 2, family, info.keyBytes());
    byte[] tPcd = token(family, ksMac, info, piccPublicData);
    byte[] tPiccExpected = token(family, ksMac, info, pcdPublicData);

    Response last =
        session.sendPlain(
            new Apdu(0x00, 0x86, 0, 0, Tlv.encode(0x7C, Tlv.encode(0x85, tPcd)), 256));
    if (last.sw == 0x6300 || (last.sw & 0xFFF0) == 0x63C0 || last.sw == 0x6982) {
      throw Errors.accessRefused(
          key.isCan()
              ? "the CAN does not match this card"
              : "the birth date or expiry does not match this card");
    }
    if (!last.ok()) {
      throw Errors.unexpectedStatus("PACE mutual authentication", last.sw);
    }
    Tlv dyn = Tlv.parseWhole(last.data(), "PACE");
    Tlv t86 = dyn.tag() == 0x7C ? dyn.child(0x86, "PACE") : null;
    if (t86 == null || !MessageDigest.isEqual(t86.value(), tPiccExpected)) {
      throw Errors.secureMessaging("the chip's PACE authentication token does not verify");
    }
    session.secure(new SecureMessaging(family, ksEnc, ksMac, new byte[family.block]));
  }

  /** T = MAC(KSmac, public key data object of the other side's ephemeral key). */
  static byte[] token(Family family, byte[] ksMac, PaceInfo info, byte[] publicData) {
    byte[] body =
        Crypto.concat(
            Tlv.encode(0x06, info.oid()), Tlv.encode(info.ec() ? 0x86 : 0x84, publicData));
    byte[] input = Tlv.encode(0x7F49, body);
    return family == Family.AES
        ? Crypto.mac(family, ksMac, input)
        : Crypto.mac(family, ksMac, Crypto.pad(input, 8));
  }

  private static byte[] generalAuthenticate(
      CardSession session, boolean chain, byte[] content, int wantedTag, String step) {
    Response r =
        session.sendPlain(
            new Apdu(chain ? 0x10 : 0x00, 0x86, 0, 0, Tlv.encode(0x7C, content), 256));
    if (!r.ok()) {
      throw Errors.unexpectedStatus(step, r.sw);
    }
    Tlv dyn = Tlv.parseWhole(r.data(), "PACE");
    if (dyn.tag() != 0x7C) {
      throw Errors.malformed("PACE", "a general authenticate answer without 7C");
    }
    return dyn.required(wantedTag, "PACE").value();
  }

  private static ECPoint decodePoint(X9ECParameters curve, byte[] encoded) {
    try {
      ECPoint p = curve.getCurve().decodePoint(encoded).normalize();
      if (p.isInfinity() || !p.isValid()) {
        throw Errors.secureMessaging("a PACE point not on the curve");
      }
      return p;
    } catch (IllegalArgumentException e) {
      throw Errors.secureMessaging("a PACE point not on the curve");
    }
  }

  private static BigInteger checkDh(BigInteger y, BigInteger p, BigInteger q) {
    if (y.compareTo(BigInteger.ONE) <= 0
        || y.compareTo(p.subtract(BigInteger.ONE)) >= 0
        || !y.modPow(q, p).equals(BigInteger.ONE)) {
      throw Errors.secureMessaging("a PACE DH key outside the group");
    }
    return y;
  }

  /** A private key in [1, order-1] drawn from the random source, as many bytes as the order. */
  static BigInteger privateKey(SecureRandom random, BigInteger order) {
    byte[] bytes = new byte[(order.bitLength() + 7) / 8];
    for (int attempt = 0; attempt < 100; attempt++) {
      random.nextBytes(bytes);
      BigInteger k = new BigInteger(1, bytes);
      if (k.signum() > 0 && k.compareTo(order) < 0) {
        return k;
      }
    }
    throw new IllegalStateException("the random source gives no usable key");
  }

  static byte[] unsigned(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }
}
