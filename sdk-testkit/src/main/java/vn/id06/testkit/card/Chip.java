package vn.id06.testkit.card;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The eMRTD application's command processing (ICAO Doc 9303 Parts 10 and 11): SELECT, READ BINARY
 * (B0 and B1), GET CHALLENGE, EXTERNAL AUTHENTICATE (BAC), MSE:Set AT and GENERAL AUTHENTICATE
 * (PACE generic mapping over ECDH on brainpoolP256r1 with AES-128), INTERNAL AUTHENTICATE (active
 * authentication) and chip authentication (MSE:Set KAT with 3DES, MSE:Set AT + GENERAL AUTHENTICATE
 * with AES), under 3DES or AES secure messaging. Not thread-safe: {@link VirtualCard} serialises
 * calls.
 */
final class Chip {
  static final byte[] AID = Hex.parse("A0000002471001");
  static final int SW_OK = 0x9000;

  // Private answer holder, consumed at once and never compared.
  @SuppressWarnings("ArrayRecordComponent")
  private record Response(byte[] data, int sw) {
    static Response sw(int sw) {
      return new Response(new byte[0], sw);
    }
  }

  private final Map<Integer, byte[]> files;
  private final String mrzKeyInformation;
  private final String can;
  private final ChipKeys keys;
  private final RandomGenerator random;
  private final boolean extendedLength;
  private final int maxResponse;

  private boolean appSelected;
  private int currentFile = -1;
  private SmSession sm;
  private SmSession next;
  private boolean accessGranted;
  private byte[] challenge;

  private int paceStep;
  private int pacePassword;
  private byte[] paceNonce;
  private ECPoint paceGenerator;
  private BigInteger paceEphemeral;
  private byte[] pacePiccPublic;
  private byte[] pacePcdPublic;
  private byte[] paceKsEnc;
  private byte[] paceKsMac;

  private String caOid;

  Chip(
      Map<Integer, byte[]> files,
      String mrzKeyInformation,
      String can,
      ChipKeys keys,
      RandomGenerator random,
      boolean extendedLength,
      int maxResponse) {
    this.files = files;
    this.mrzKeyInformation = mrzKeyInformation;
    this.can = can;
    this.keys = keys;
    this.random = random;
    this.extendedLength = extendedLength;
    this.maxResponse = maxResponse;
  }

  /** Power cycle: nothing selected, no session. */
  void reset() {
    appSelected = false;
    currentFile = -1;
    drop();
  }

  private void drop() {
    sm = null;
    next = null;
    accessGranted = false;
    challenge = null;
    paceStep = 0;
    caOid = null;
  }

  byte[] process(byte[] bytes) {
    Apdu raw;
    try {
      raw = Apdu.parse(bytes);
    } catch (Apdu.MalformedException e) {
      return status(0x6700);
    }
    boolean protectedCommand = (raw.cla() & 0x0C) == 0x0C;
    if (raw.extended() && !extendedLength && !(protectedCommand && sm != null)) {
      return status(0x6700);
    }
    if (!protectedCommand && sm != null) {
      // A plain command ends secure messaging (ICAO Doc 9303 Part 11, 9.8.6).
      drop();
    }
    if (protectedCommand && sm == null) {
      return status(0x6987);
    }
    Apdu cmd = raw;
    if (protectedCommand) {
      try {
        cmd = sm.unwrap(raw);
      } catch (SmSession.SmException e) {
        drop();
        return status(0x6988);
      }
      if ((raw.extended() || cmd.extended()) && !extendedLength) {
        // Wrong length (ISO/IEC 7816-4): answered under secure messaging, so the session and its
        // send sequence counter stay in step and the reader can go on in short APDUs.
        return sm.wrap(new byte[0], 0x6700, false);
      }
    }
    Response r;
    try {
      r = dispatch(cmd, raw.extended(), protectedCommand);
    } catch (IllegalArgumentException e) {
      r = Response.sw(0x6A80);
    } catch (RuntimeException e) {
      r = Response.sw(0x6F00);
    }
    byte[] out;
    if (protectedCommand && sm != null) {
      out = sm.wrap(r.data(), r.sw(), (cmd.ins() & 1) == 1 && r.data().length > 0);
      if (next != null) {
        sm = next;
        next = null;
      }
    } else {
      out = Hex.concat(r.data(), new byte[] {(byte) (r.sw() >> 8), (byte) r.sw()});
    }
    return out;
  }

  private static byte[] status(int sw) {
    return new byte[] {(byte) (sw >> 8), (byte) sw};
  }

  private Response dispatch(Apdu cmd, boolean extendedOuter, boolean protectedCommand) {
    if ((cmd.cla() & 0xE0) != 0 && (cmd.cla() & 0xF0) != 0x10) {
      return Response.sw(0x6E00);
    }
    return switch (cmd.ins()) {
      case 0xA4 -> select(cmd);
      case 0xB0, 0xB1 -> readBinary(cmd, extendedOuter, protectedCommand);
      case 0x84 -> getChallenge(cmd);
      case 0x82 -> externalAuthenticate(cmd);
      case 0x88 -> internalAuthenticate(cmd);
      case 0x22 -> manageSecurityEnvironment(cmd);
      case 0x86 -> generalAuthenticate(cmd);
      default -> Response.sw(0x6D00);
    };
  }

  // ---- SELECT ----

  private Response select(Apdu cmd) {
    if (cmd.p1() == 0x04) {
      if (!Arrays.equals(cmd.data(), AID)) {
        return Response.sw(0x6A82);
      }
      appSelected = true;
      currentFile = -1;
      return Response.sw(SW_OK);
    }
    if (cmd.p1() == 0x00
        && (cmd.data().length == 0 || Arrays.equals(cmd.data(), Hex.parse("3F00")))) {
      // The Vietnamese chip does not know SELECT MF.
      return Response.sw(0x6D00);
    }
    if (cmd.p1() != 0x00 && cmd.p1() != 0x02) {
      return Response.sw(0x6A86);
    }
    if (cmd.data().length != 2) {
      return Response.sw(0x6A80);
    }
    int fid = ((cmd.data()[0] & 0xFF) << 8) | (cmd.data()[1] & 0xFF);
    Response r = selectFile(fid);
    if (r.sw() != SW_OK || (cmd.p2() & 0x0C) == 0x0C) {
      return r;
    }
    int size = files.get(fid).length;
    byte[] fcp =
        Tlv.of(
            0x62,
            Tlv.of(0x80, new byte[] {(byte) (size >> 8), (byte) size}),
            Tlv.of(0x82, new byte[] {0x01}),
            Tlv.of(0x83, new byte[] {(byte) (fid >> 8), (byte) fid}));
    return new Response(fcp, SW_OK);
  }

  private Response selectFile(int fid) {
    if (!files.containsKey(fid)) {
      return Response.sw(0x6A82);
    }
    if (fid != LdsFiles.EF_CARD_ACCESS && !appSelected) {
      return Response.sw(0x6A82);
    }
    currentFile = fid;
    return Response.sw(SW_OK);
  }

  // ---- READ BINARY ----

  private Response readBinary(Apdu cmd, boolean extendedOuter, boolean protectedCommand) {
    boolean odd = cmd.ins() == 0xB1;
    int offset;
    if (odd) {
      int fid = (cmd.p1() << 8) | cmd.p2();
      if (fid != 0) {
        Response s = selectFile(fid);
        if (s.sw() != SW_OK) {
          return s;
        }
      }
      List<Tlv.Element> dos = Tlv.parse(cmd.data());
      byte[] off = Tlv.find(dos, 0x54);
      if (off == null || off.length == 0 || off.length > 3) {
        return Response.sw(0x6A80);
      }
      offset = new BigInteger(1, off).intValue();
    } else if ((cmd.p1() & 0x80) != 0) {
      int sfi = cmd.p1() & 0x1F;
      int fid = 0x0100 | sfi;
      Response s = selectFile(fid);
      if (s.sw() != SW_OK) {
        return s;
      }
      offset = cmd.p2();
    } else {
      offset = (cmd.p1() << 8) | cmd.p2();
    }
    if (currentFile < 0) {
      return Response.sw(0x6986);
    }
    if (currentFile == LdsFiles.fidOfDataGroup(3)) {
      return Response.sw(0x6982);
    }
    if (currentFile != LdsFiles.EF_CARD_ACCESS && (!accessGranted || !protectedCommand)) {
      return Response.sw(0x6982);
    }
    byte[] file = files.get(currentFile);
    if (offset >= file.length) {
      return Response.sw(0x6B00);
    }
    int ne = cmd.ne();
    if (ne == 0) {
      return Response.sw(0x6700);
    }
    int want = Math.min(ne, file.length - offset);
    while (odd && want > 0 && 1 + Tlv.length(want).length + want > ne) {
      // Ne bounds the response data field: for B1 the '53' object, header included.
      want--;
    }
    int limit = extendedOuter ? maxResponse : Math.min(maxResponse, 258);
    int fits = want;
    while (fits > 0 && responseSize(fits, odd, protectedCommand) > limit) {
      fits--;
    }
    if (fits < want) {
      boolean wildcard = extendedOuter ? ne == 65536 : ne == 256;
      if (fits == 0) {
        return Response.sw(0x6700);
      } else if (!wildcard && extendedOuter) {
        return Response.sw(0x6700);
      } else if (!wildcard) {
        return Response.sw(0x6C00 | (fits & 0xFF));
      }
      want = fits;
    }
    byte[] data = Arrays.copyOfRange(file, offset, offset + want);
    return new Response(odd ? Tlv.of(0x53, data) : data, SW_OK);
  }

  private int responseSize(int n, boolean odd, boolean protectedCommand) {
    int plain = odd ? 1 + Tlv.length(n).length + n : n;
    return protectedCommand && sm != null ? sm.wrappedSize(plain, odd) : plain + 2;
  }

  // ---- BAC ----

  private Response getChallenge(Apdu cmd) {
    if (cmd.ne() != 8) {
      return Response.sw(0x6700);
    }
    challenge = new byte[8];
    random.nextBytes(challenge);
    return new Response(challenge.clone(), SW_OK);
  }

  private byte[] bacSeed() {
    return Arrays.copyOf(sha1(mrzKeyInformation.getBytes(StandardCharsets.US_ASCII)), 16);
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response externalAuthenticate(Apdu cmd) {
    byte[] rndIc = challenge;
    challenge = null;
    if (rndIc == null) {
      return Response.sw(0x6985);
    }
    if (cmd.data().length != 40) {
      return Response.sw(0x6700);
    }
    byte[] seed = bacSeed();
    byte[] kEnc = ChipCrypto.kdf(seed, 1, false, 16);
    byte[] kMac = ChipCrypto.kdf(seed, 2, false, 16);
    byte[] eIfd = Arrays.copyOf(cmd.data(), 32);
    byte[] mIfd = Arrays.copyOfRange(cmd.data(), 32, 40);
    if (!MessageDigest.isEqual(ChipCrypto.retailMac(kMac, ChipCrypto.pad(eIfd, 8)), mIfd)) {
      return Response.sw(0x6300);
    }
    byte[] s = ChipCrypto.tdes(false, kEnc, eIfd);
    byte[] rndIfd = Arrays.copyOf(s, 8);
    if (!MessageDigest.isEqual(Arrays.copyOfRange(s, 8, 16), rndIc)) {
      return Response.sw(0x6300);
    }
    byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
    byte[] kIc = new byte[16];
    random.nextBytes(kIc);
    byte[] eIc = ChipCrypto.tdes(true, kEnc, Hex.concat(rndIc, rndIfd, kIc));
    byte[] mIc = ChipCrypto.retailMac(kMac, ChipCrypto.pad(eIc, 8));
    byte[] ksSeed = new byte[16];
    for (int i = 0; i < 16; i++) {
      ksSeed[i] = (byte) (kIfd[i] ^ kIc[i]);
    }
    sm =
        new SmSession(
            false,
            ChipCrypto.kdf(ksSeed, 1, false, 16),
            ChipCrypto.kdf(ksSeed, 2, false, 16),
            Hex.concat(Arrays.copyOfRange(rndIc, 4, 8), Arrays.copyOfRange(rndIfd, 4, 8)));
    accessGranted = true;
    return new Response(Hex.concat(eIc, mIc), SW_OK);
  }

  // ---- Active authentication ----

  private Response internalAuthenticate(Apdu cmd) {
    if (!accessGranted) {
      return Response.sw(0x6982);
    }
    if (cmd.data().length == 0) {
      return Response.sw(0x6700);
    }
    try {
      Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
      PrivateKey key = keys.aaKeys.getPrivate();
      sig.initSign(key);
      sig.update(cmd.data());
      return new Response(sig.sign(), SW_OK);
    } catch (GeneralSecurityException e) {
      return Response.sw(0x6F00);
    }
  }

  // ---- MSE ----

  private static byte[] oidBytes(String oid) {
    try {
      byte[] der = new ASN1ObjectIdentifier(oid).getEncoded();
      return Arrays.copyOfRange(der, 2, der.length);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response manageSecurityEnvironment(Apdu cmd) {
    List<Tlv.Element> dos = Tlv.parse(cmd.data());
    int p1p2 = (cmd.p1() << 8) | cmd.p2();
    byte[] oid = Tlv.find(dos, 0x80);
    switch (p1p2) {
      case 0xC1A4 -> {
        byte[] ref = Tlv.find(dos, 0x83);
        if (oid == null
            || !Arrays.equals(oid, oidBytes(LdsFiles.OID_PACE_ECDH_GM_AES_128))
            || ref == null
            || ref.length != 1
            || (ref[0] != 1 && ref[0] != 2)) {
          return Response.sw(0x6A80);
        }
        pacePassword = ref[0];
        paceStep = 1;
        return Response.sw(SW_OK);
      }
      case 0x41A4 -> {
        if (!accessGranted) {
          return Response.sw(0x6982);
        }
        if (oid != null && Arrays.equals(oid, oidBytes(LdsFiles.OID_CA_ECDH_AES_128))) {
          caOid = LdsFiles.OID_CA_ECDH_AES_128;
        } else if (oid != null && Arrays.equals(oid, oidBytes(LdsFiles.OID_CA_ECDH_3DES))) {
          caOid = LdsFiles.OID_CA_ECDH_3DES;
        } else {
          return Response.sw(0x6A80);
        }
        return Response.sw(SW_OK);
      }
      case 0x41A6 -> {
        if (!accessGranted) {
          return Response.sw(0x6982);
        }
        byte[] pk = Tlv.find(dos, 0x91);
        if (pk == null) {
          return Response.sw(0x6A80);
        }
        return chipAuthenticate(pk, false);
      }
      default -> {
        return Response.sw(0x6A86);
      }
    }
  }

  // ---- GENERAL AUTHENTICATE: PACE and chip authentication ----

  private Response generalAuthenticate(Apdu cmd) {
    List<Tlv.Element> outer = Tlv.parse(cmd.data());
    byte[] dyn = Tlv.find(outer, 0x7C);
    if (dyn == null) {
      return Response.sw(0x6A80);
    }
    List<Tlv.Element> dos = Tlv.parse(dyn);
    if (paceStep > 0) {
      Response r;
      try {
        r = pace(dos);
      } catch (IllegalArgumentException e) {
        r = Response.sw(0x6A80);
      }
      if (r.sw() != SW_OK) {
        paceStep = 0;
      }
      return r;
    }
    if (caOid != null) {
      byte[] pk = Tlv.find(dos, 0x80);
      if (pk == null) {
        return Response.sw(0x6A80);
      }
      Response r = chipAuthenticate(pk, caOid.equals(LdsFiles.OID_CA_ECDH_AES_128));
      caOid = null;
      return r.sw() == SW_OK ? new Response(new byte[] {0x7C, 0x00}, SW_OK) : r;
    }
    return Response.sw(0x6985);
  }

  private Response chipAuthenticate(byte[] terminalPublic, boolean aes) {
    ECCurve curve = ChipKeys.BRAINPOOL_P256R1.getCurve();
    ECPoint p = curve.decodePoint(terminalPublic);
    byte[] shared = p.multiply(keys.caPrivate).normalize().getAffineXCoord().getEncoded();
    next =
        new SmSession(
            aes,
            ChipCrypto.kdf(shared, 1, aes, 16),
            ChipCrypto.kdf(shared, 2, aes, 16),
            new byte[aes ? 16 : 8]);
    return Response.sw(SW_OK);
  }

  private BigInteger randomScalar(BigInteger n) {
    byte[] b = new byte[(n.bitLength() + 7) / 8];
    BigInteger d;
    do {
      random.nextBytes(b);
      d = new BigInteger(1, b);
    } while (d.signum() == 0 || d.compareTo(n) >= 0);
    return d;
  }

  private byte[] publicKeyObject(byte[] point) {
    return Tlv.of(
        0x7F49, Tlv.of(0x06, oidBytes(LdsFiles.OID_PACE_ECDH_GM_AES_128)), Tlv.of(0x86, point));
  }

  private Response pace(List<Tlv.Element> dos) {
    ECPoint g = ChipKeys.BRAINPOOL_P256R1.getG();
    BigInteger n = ChipKeys.BRAINPOOL_P256R1.getN();
    ECCurve curve = ChipKeys.BRAINPOOL_P256R1.getCurve();
    switch (paceStep) {
      case 1 -> {
        byte[] k =
            pacePassword == 1
                ? sha1(mrzKeyInformation.getBytes(StandardCharsets.US_ASCII))
                : can.getBytes(StandardCharsets.ISO_8859_1);
        byte[] kpi = ChipCrypto.kdf(k, 3, true, 16);
        paceNonce = new byte[16];
        random.nextBytes(paceNonce);
        byte[] z = ChipCrypto.aesCbc(true, kpi, new byte[16], paceNonce);
        paceStep = 2;
        return new Response(Tlv.of(0x7C, Tlv.of(0x80, z)), SW_OK);
      }
      case 2 -> {
        byte[] pcdMapping = Tlv.find(dos, 0x81);
        if (pcdMapping == null) {
          return Response.sw(0x6A80);
        }
        ECPoint pcd = curve.decodePoint(pcdMapping);
        BigInteger d = randomScalar(n);
        byte[] piccMapping = g.multiply(d).normalize().getEncoded(false);
        ECPoint h = pcd.multiply(d);
        paceGenerator = g.multiply(new BigInteger(1, paceNonce)).add(h).normalize();
        if (paceGenerator.isInfinity()) {
          return Response.sw(0x6300);
        }
        paceStep = 3;
        return new Response(Tlv.of(0x7C, Tlv.of(0x82, piccMapping)), SW_OK);
      }
      case 3 -> {
        byte[] pcdEphemeral = Tlv.find(dos, 0x83);
        if (pcdEphemeral == null) {
          return Response.sw(0x6A80);
        }
        ECPoint pcd = curve.decodePoint(pcdEphemeral);
        paceEphemeral = randomScalar(n);
        pacePiccPublic = paceGenerator.multiply(paceEphemeral).normalize().getEncoded(false);
        pacePcdPublic = pcd.normalize().getEncoded(false);
        if (Arrays.equals(pacePiccPublic, pacePcdPublic)) {
          return Response.sw(0x6300);
        }
        byte[] k = pcd.multiply(paceEphemeral).normalize().getAffineXCoord().getEncoded();
        paceKsEnc = ChipCrypto.kdf(k, 1, true, 16);
        paceKsMac = ChipCrypto.kdf(k, 2, true, 16);
        paceStep = 4;
        return new Response(Tlv.of(0x7C, Tlv.of(0x84, pacePiccPublic)), SW_OK);
      }
      case 4 -> {
        byte[] token = Tlv.find(dos, 0x85);
        byte[] expected = ChipCrypto.cmac8(paceKsMac, publicKeyObject(pacePiccPublic));
        if (token == null || !MessageDigest.isEqual(token, expected)) {
          return Response.sw(0x6300);
        }
        byte[] answer = ChipCrypto.cmac8(paceKsMac, publicKeyObject(pacePcdPublic));
        sm = new SmSession(true, paceKsEnc, paceKsMac, new byte[16]);
        accessGranted = true;
        paceStep = 0;
        return new Response(Tlv.of(0x7C, Tlv.of(0x86, answer)), SW_OK);
      }
      default -> {
        return Response.sw(0x6985);
      }
    }
  }
}
