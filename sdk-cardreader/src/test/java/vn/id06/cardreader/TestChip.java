package vn.id06.cardreader;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.math.ec.ECPoint;
import vn.id06.cardreader.Crypto.Family;

/**
 * A small stateful test chip for the reader's own tests: BAC with 3DES secure messaging (chip
 * direction written here, apart from the reader's code), files, READ BINARY with optional extended
 * length, active authentication (RSA, ISO/IEC 9796-2 by BouncyCastle's signer) and chip
 * authentication version 1. Misbehaviours by flag. Not thread-safe.
 */
final class TestChip implements ApduTransport {
  final Map<Integer, byte[]> files = new HashMap<>();
  boolean extendedLength = true;
  int maxResponse = 8192;

  /** Use another key for chip authentication (a clone). */
  boolean cloneCaKey;

  /** Sign active authentication with another key (a clone). */
  KeyPair otherAaKey;

  /** Flip a MAC bit in the Nth protected response (0 = never). */
  int corruptMacAt;

  /** Answer more data than asked to READ BINARY. */
  boolean oversize;

  /** Throw as if the card were pulled after this many APDUs (0 = never). */
  int pullAfter;

  int apdus;

  private final String mrzInfo;
  private final RSAPrivateCrtKey aaKey;
  private final ECPrivateKey caKey;
  private final byte[] rndIc = Hex.decode("0102030405060708");
  private final byte[] kIc = Hex.decode("0B4F80323EB3191CB04970CB4052790B");
  private boolean appSelected;
  private byte[] kEnc;
  private byte[] kMac;
  private byte[] ssc;
  private Family family = Family.DES3;

  /** Offer PACE (ECDH generic mapping, brainpoolP256r1, AES-128) in EF.CardAccess. */
  boolean pace;

  private final String canDigits = "123456";
  private final java.security.SecureRandom rnd = new java.security.SecureRandom();
  private byte[] paceOid;
  private int passwordRef;
  private BigInteger nonce;
  private ECPoint mappedG;
  private byte[] chipEph;
  private byte[] pcdEph;
  private byte[] paceShared;
  private int selected = -1;
  private int protectedResponses;

  TestChip(TestDocument doc) {
    this.mrzInfo =
        TestDocument.DOCUMENT_NUMBER
            + Mrz.checkDigit(TestDocument.DOCUMENT_NUMBER)
            + TestDocument.DOB
            + Mrz.checkDigit(TestDocument.DOB)
            + TestDocument.DOE
            + Mrz.checkDigit(TestDocument.DOE);
    this.aaKey = (RSAPrivateCrtKey) doc.aaKeys.getPrivate();
    this.caKey = (ECPrivateKey) doc.caKeys.getPrivate();
    files.put(0x011E, doc.com);
    files.put(0x0101, doc.dg1);
    files.put(0x0102, doc.dg2);
    files.put(0x010D, doc.dg13);
    files.put(0x010E, doc.dg14);
    files.put(0x010F, doc.dg15);
    files.put(0x011D, doc.sod);
  }

  @Override
  public byte[] transmit(byte[] command) {
    apdus++;
    if (pullAfter > 0 && apdus > pullAfter) {
      throw Errors.cardRemoved("test card pulled", null);
    }
    if (kEnc == null) {
      return plain(Apdu.parse(command));
    }
    Apdu c = Apdu.parse(command);
    if ((c.cla & 0x0C) != 0x0C) {
      return sw(0x6987);
    }
    int block = family.block;
    byte[] body = c.data();
    incrementSsc();
    byte[] do87 = new byte[0];
    byte[] do97 = new byte[0];
    byte[] mac = null;
    int p = 0;
    while (p < body.length) {
      int tag = body[p] & 0xFF;
      int len = body[p + 1] & 0xFF;
      int hdr = 2;
      if (len == 0x81) {
        len = body[p + 2] & 0xFF;
        hdr = 3;
      } else if (len == 0x82) {
        len = ((body[p + 2] & 0xFF) << 8) | (body[p + 3] & 0xFF);
        hdr = 4;
      }
      byte[] whole = Arrays.copyOfRange(body, p, p + hdr + len);
      byte[] value = Arrays.copyOfRange(body, p + hdr, p + hdr + len);
      if (tag == 0x87) {
        do87 = whole;
      } else if (tag == 0x97) {
        do97 = whole;
      } else if (tag == 0x8E) {
        mac = value;
      }
      p += hdr + len;
    }
    byte[] header = {(byte) c.cla, (byte) c.ins, (byte) c.p1, (byte) c.p2};
    byte[] expected =
        Crypto.mac(
            family,
            kMac,
            Crypto.pad(Crypto.concat(ssc, Crypto.pad(header, block), do87, do97), block));
    if (mac == null || !MessageDigest.isEqual(mac, expected)) {
      kEnc = null;
      return sw(0x6988);
    }
    byte[] data = new byte[0];
    if (do87.length > 0) {
      int off = do87[1] == (byte) 0x81 ? 3 : do87[1] == (byte) 0x82 ? 4 : 2;
      byte[] enc = Arrays.copyOfRange(do87, off + 1, do87.length);
      data = Crypto.unpad(Crypto.cbc(family, false, kEnc, iv(), enc));
    }
    int ne = 0;
    if (do97.length == 3) {
      ne = do97[2] == 0 ? 256 : do97[2] & 0xFF;
    } else if (do97.length == 4) {
      ne = ((do97[2] & 0xFF) << 8) | (do97[3] & 0xFF);
      ne = ne == 0 ? 65536 : ne;
    }
    return secured(c.ins, c.p1, c.p2, data, ne);
  }

  private byte[] plain(Apdu c) {
    if (c.ins == 0xA4 && c.p1 == 0x04) {
      appSelected = Arrays.equals(c.data(), ReadFlow.MRTD_AID);
      return sw(appSelected ? 0x9000 : 0x6A82);
    }
    if (c.ins == 0xA4) {
      if (pace && Arrays.equals(c.data(), new byte[] {0x01, 0x1C})) {
        selected = 0x011C;
        return sw(0x9000);
      }
      return sw(0x6A82); // no EF.CardAccess: BAC only
    }
    if (c.ins == 0xB0 && (c.p1 & 0x80) != 0) {
      return sw(0x6A86); // no short file identifiers on this chip
    }
    if (c.ins == 0xB0 && selected == 0x011C) {
      byte[] f = Hex.decode("31143012060A04007F0007020204020202010202010D");
      int off = (c.p1 << 8) | c.p2;
      int n = Math.min(c.ne, f.length - off);
      return Crypto.concat(Arrays.copyOfRange(f, off, off + n), sw(n < c.ne ? 0x6282 : 0x9000));
    }
    if (c.ins == 0x22 && c.p1 == 0xC1 && c.p2 == 0xA4 && pace) {
      byte[] d = c.data();
      paceOid = Arrays.copyOfRange(d, 2, 2 + d[1]);
      passwordRef = d[d.length - 1];
      return sw(0x9000);
    }
    if (c.ins == 0x86 && pace && paceOid != null) {
      return paceStep(c);
    }
    if (c.ins == 0x84) {
      return Crypto.concat(rndIc, Hex.decode("9000"));
    }
    if (c.ins == 0x82 && appSelected) {
      byte[] seed = Bac.keySeed(mrzInfo);
      byte[] bEnc = Crypto.kdf(seed, 1, Family.DES3, 16);
      byte[] bMac = Crypto.kdf(seed, 2, Family.DES3, 16);
      byte[] d = c.data();
      byte[] e = Arrays.copyOfRange(d, 0, 32);
      byte[] m = Arrays.copyOfRange(d, 32, 40);
      if (!MessageDigest.isEqual(m, Crypto.mac(Family.DES3, bMac, Crypto.pad(e, 8)))) {
        return sw(0x6300);
      }
      byte[] s = Crypto.cbc(Family.DES3, false, bEnc, new byte[8], e);
      if (!MessageDigest.isEqual(Arrays.copyOfRange(s, 8, 16), rndIc)) {
        return sw(0x6300);
      }
      byte[] rndIfd = Arrays.copyOfRange(s, 0, 8);
      byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
      byte[] r = Crypto.concat(rndIc, rndIfd, kIc);
      byte[] eIc = Crypto.cbc(Family.DES3, true, bEnc, new byte[8], r);
      byte[] mIc = Crypto.mac(Family.DES3, bMac, Crypto.pad(eIc, 8));
      byte[] seed2 = new byte[16];
      for (int i = 0; i < 16; i++) {
        seed2[i] = (byte) (kIfd[i] ^ kIc[i]);
      }
      kEnc = Crypto.kdf(seed2, 1, Family.DES3, 16);
      kMac = Crypto.kdf(seed2, 2, Family.DES3, 16);
      ssc = Crypto.concat(Arrays.copyOfRange(rndIc, 4, 8), Arrays.copyOfRange(rndIfd, 4, 8));
      return Crypto.concat(eIc, mIc, Hex.decode("9000"));
    }
    return sw(0x6982);
  }

  private byte[] paceStep(Apdu c) {
    X9ECParameters curve = ECNamedCurveTable.getByName("brainpoolP256r1");
    byte[] d = c.data();
    // 7C L <tag> L value
    int tag = d.length > 2 ? d[2] & 0xFF : 0;
    byte[] value = d.length > 4 ? Arrays.copyOfRange(d, 4, d.length) : new byte[0];
    byte[] password =
        passwordRef == 2
            ? canDigits.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
            : Crypto.sha1(mrzInfo.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] kpi = Crypto.kdf(password, 3, Family.AES, 16);
    if (tag == 0) {
      byte[] s = new byte[16];
      rnd.nextBytes(s);
      nonce = new BigInteger(1, s);
      byte[] z = Crypto.cbc(Family.AES, true, kpi, new byte[16], s);
      return Crypto.concat(TestDocument.der(0x7C, TestDocument.der(0x80, z)), sw(0x9000));
    }
    if (tag == 0x81) {
      BigInteger k = new BigInteger(250, rnd).add(BigInteger.ONE);
      ECPoint h = curve.getCurve().decodePoint(value).multiply(k);
      mappedG = curve.getG().multiply(nonce).add(h).normalize();
      byte[] pub = curve.getG().multiply(k).normalize().getEncoded(false);
      return Crypto.concat(TestDocument.der(0x7C, TestDocument.der(0x82, pub)), sw(0x9000));
    }
    if (tag == 0x83) {
      BigInteger k = new BigInteger(250, rnd).add(BigInteger.ONE);
      pcdEph = value;
      chipEph = mappedG.multiply(k).normalize().getEncoded(false);
      paceShared =
          curve
              .getCurve()
              .decodePoint(value)
              .multiply(k)
              .normalize()
              .getAffineXCoord()
              .getEncoded();
      return Crypto.concat(TestDocument.der(0x7C, TestDocument.der(0x84, chipEph)), sw(0x9000));
    }
    if (tag == 0x85) {
      byte[] ksEnc = Crypto.kdf(paceShared, 1, Family.AES, 16);
      byte[] ksMac = Crypto.kdf(paceShared, 2, Family.AES, 16);
      byte[] expected = Crypto.mac(Family.AES, ksMac, paceKeyObject(chipEph));
      if (!MessageDigest.isEqual(expected, value)) {
        return sw(0x6300);
      }
      byte[] tPicc = Crypto.mac(Family.AES, ksMac, paceKeyObject(pcdEph));
      family = Family.AES;
      kEnc = ksEnc;
      kMac = ksMac;
      ssc = new byte[16];
      return Crypto.concat(TestDocument.der(0x7C, TestDocument.der(0x86, tPicc)), sw(0x9000));
    }
    return sw(0x6A80);
  }

  private byte[] paceKeyObject(byte[] point) {
    byte[] body = Crypto.concat(TestDocument.der(0x06, paceOid), TestDocument.der(0x86, point));
    byte[] inner = TestDocument.der(0x00, body);
    inner[0] = 0x49;
    return Crypto.concat(new byte[] {0x7F}, inner);
  }

  private byte[] secured(int ins, int p1, int p2, byte[] data, int ne) {
    switch (ins) {
      case 0xA4 -> {
        int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        if (p1 == 0x04) {
          return protect(new byte[0], 0x9000);
        }
        if (!files.containsKey(fid)) {
          return protect(new byte[0], 0x6A82);
        }
        selected = fid;
        return protect(new byte[0], 0x9000);
      }
      case 0xB0 -> {
        if ((p1 & 0x80) != 0) {
          return protect(new byte[0], 0x6A86); // no short file identifiers on this chip
        }
        if (ne > 256 && !extendedLength) {
          return protect(new byte[0], 0x6700);
        }
        byte[] f = files.get(selected);
        int offset = (p1 << 8) | p2;
        if (offset > f.length) {
          return protect(new byte[0], 0x6B00);
        }
        int n = Math.min(ne, f.length - offset);
        n = Math.min(n, maxPlain());
        if (oversize) {
          n = Math.min(ne + 1, f.length - offset);
        }
        return protect(Arrays.copyOfRange(f, offset, offset + n), n < ne ? 0x6282 : 0x9000);
      }
      case 0x88 -> {
        return protect(signAa(data), 0x9000);
      }
      case 0x22 -> {
        if (p1 == 0x41 && p2 == 0xA6) {
          byte[] pk = Arrays.copyOfRange(data, 2, 2 + (data[1] & 0xFF));
          X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
          ECPoint q = curve.getCurve().decodePoint(pk);
          BigInteger d = cloneCaKey ? BigInteger.valueOf(12345) : caKey.getS();
          byte[] shared = q.multiply(d).normalize().getAffineXCoord().getEncoded();
          byte[] reply = protect(new byte[0], 0x9000);
          family = Family.DES3;
          kEnc = Crypto.kdf(shared, 1, Family.DES3, 16);
          kMac = Crypto.kdf(shared, 2, Family.DES3, 16);
          ssc = new byte[8];
          return reply;
        }
        return protect(new byte[0], 0x6A80);
      }
      default -> {
        return protect(new byte[0], 0x6D00);
      }
    }
  }

  private int maxPlain() {
    return ((maxResponse - 21) / family.block) * family.block - 1;
  }

  private byte[] signAa(byte[] challenge) {
    try {
      java.security.interfaces.RSAPrivateKey key =
          otherAaKey != null
              ? (java.security.interfaces.RSAPrivateKey) otherAaKey.getPrivate()
              : aaKey;
      ISO9796d2Signer signer = new ISO9796d2Signer(new RSAEngine(), new SHA1Digest(), true);
      signer.init(true, new RSAKeyParameters(true, key.getModulus(), key.getPrivateExponent()));
      // M1 fills the recoverable part exactly (k - 20 - 2 bytes), so M2 (the challenge) is not
      // recovered: partial recovery, as on real chips.
      int k = (key.getModulus().bitLength() + 7) / 8;
      byte[] m1 = new byte[k - 22];
      Arrays.fill(m1, (byte) 0x5A);
      signer.update(m1, 0, m1.length);
      signer.update(challenge, 0, challenge.length);
      return signer.generateSignature();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] iv() {
    return family == Family.DES3 ? new byte[8] : Crypto.encryptBlock(Family.AES, kEnc, ssc);
  }

  private byte[] protect(byte[] data, int status) {
    incrementSsc();
    byte[] do87 = new byte[0];
    if (data.length > 0) {
      byte[] enc = Crypto.cbc(family, true, kEnc, iv(), Crypto.pad(data, family.block));
      do87 = TestDocument.der(0x87, Crypto.concat(new byte[] {1}, enc));
    }
    byte[] do99 = {(byte) 0x99, 2, (byte) (status >> 8), (byte) status};
    byte[] mac = Crypto.mac(family, kMac, Crypto.pad(Crypto.concat(ssc, do87, do99), family.block));
    protectedResponses++;
    if (protectedResponses == corruptMacAt) {
      mac[0] ^= 1;
    }
    return Crypto.concat(do87, do99, new byte[] {(byte) 0x8E, 8}, mac, Hex.decode("9000"));
  }

  private void incrementSsc() {
    for (int i = ssc.length - 1; i >= 0; i--) {
      if (++ssc[i] != 0) {
        return;
      }
    }
  }

  private static byte[] sw(int sw) {
    return new byte[] {(byte) (sw >> 8), (byte) sw};
  }

  @Override
  public void close() {}
}
