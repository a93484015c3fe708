package vn.id06.cardreader;

import java.security.MessageDigest;
import vn.id06.cardreader.Crypto.Family;

/**
 * ICAO 9303-11 §9.8 secure messaging: protects command APDUs (DO87 encrypted data, DO97 expected
 * length, DO8E MAC) and checks and decrypts response APDUs (DO87, DO99 status, DO8E). 3DES with the
 * retail MAC and a zero IV, or AES with CMAC and IV = E(KSenc, SSC). The send sequence counter is
 * incremented before each command and each response.
 *
 * <p>Not thread-safe: one instance belongs to one card session, and the counter is state.
 */
final class SecureMessaging {
  private final Family family;
  private final byte[] kEnc;
  private final byte[] kMac;
  private final byte[] ssc;

  SecureMessaging(Family family, byte[] kEnc, byte[] kMac, byte[] ssc) {
    if (ssc.length != family.block) {
      throw new IllegalArgumentException("SSC length must equal the block size");
    }
    this.family = family;
    this.kEnc = kEnc.clone();
    this.kMac = kMac.clone();
    this.ssc = ssc.clone();
  }

  Family family() {
    return family;
  }

  /** The bytes of plaintext data that fit in one protected response of {@code maxResponse}. */
  int maxPlainResponse(int maxResponse) {
    // DO87 header (up to 4 bytes) + padding indicator + DO99 (4) + DO8E (10) + SW (2)
    int room = maxResponse - 4 - 1 - 4 - 10 - 2;
    int blocks = room / family.block;
    return Math.max(1, blocks * family.block - 1);
  }

  byte[] ssc() {
    return ssc.clone();
  }

  private void increment() {
    for (int i = ssc.length - 1; i >= 0; i--) {
      ssc[i]++;
      if (ssc[i] != 0) {
        return;
      }
    }
  }

  private byte[] iv() {
    return family == Family.DES3 ? new byte[8] : Crypto.encryptBlock(Family.AES, kEnc, ssc);
  }

  /** Protects a plain command APDU. */
  byte[] wrap(Apdu plain) {
    if ((plain.cla & 0x0C) != 0) {
      throw new IllegalArgumentException("the command is already protected");
    }
    increment();
    byte[] header = {(byte) (plain.cla | 0x0C), (byte) plain.ins, (byte) plain.p1, (byte) plain.p2};
    byte[] data = plain.data();
    byte[] do87 = new byte[0];
    if (data.length > 0) {
      byte[] enc = Crypto.cbc(family, true, kEnc, iv(), Crypto.pad(data, family.block));
      // An odd instruction carries BER-TLV data: DO'85' without the padding-content indicator.
      do87 =
          (plain.ins & 1) == 1
              ? Tlv.encode(0x85, enc)
              : Tlv.encode(0x87, Crypto.concat(new byte[] {1}, enc));
    }
    byte[] do97 = new byte[0];
    boolean extendedLe = plain.ne > 256;
    if (plain.ne != Apdu.NO_LE) {
      if (extendedLe) {
        int le = plain.ne == 65536 ? 0 : plain.ne;
        do97 = new byte[] {(byte) 0x97, 2, (byte) (le >>> 8), (byte) le};
      } else {
        do97 = new byte[] {(byte) 0x97, 1, (byte) (plain.ne == 256 ? 0 : plain.ne)};
      }
    }
    byte[] m = Crypto.concat(Crypto.pad(header, family.block), do87, do97);
    byte[] cc = macOver(m);
    byte[] body = Crypto.concat(do87, do97, new byte[] {(byte) 0x8E, 8}, cc);
    int ne = extendedLe || body.length > 255 ? 65536 : 256;
    return new Apdu(header[0] & 0xFF, plain.ins, plain.p1, plain.p2, body, ne).encode();
  }

  private byte[] macOver(byte[] m) {
    byte[] n = Crypto.pad(Crypto.concat(ssc, m), family.block);
    return Crypto.mac(family, kMac, n);
  }

  /**
   * Checks and decrypts a protected response. A response of a bare status word (the card may drop
   * secure messaging to report an error) is returned as it is, with no data; any response with data
   * must carry a valid MAC.
   */
  Response unwrap(byte[] apdu) {
    Response outer = Response.of(apdu);
    increment();
    if (outer.length() == 0) {
      return outer;
    }
    byte[] body = outer.data();
    Tlv do87 = null;
    Tlv do99 = null;
    Tlv do8e = null;
    int p = 0;
    while (p < body.length) {
      Tlv t = Tlv.read(body, p, body.length, "secureMessaging");
      switch (t.tag()) {
        case 0x85, 0x87 -> do87 = once(do87, t);
        case 0x99 -> do99 = once(do99, t);
        case 0x8E -> do8e = once(do8e, t);
        default -> throw Errors.secureMessaging("an unexpected data object in a response");
      }
      p = t.end();
    }
    if (do8e == null) {
      throw Errors.secureMessaging("a protected response without a MAC");
    }
    if (do99 == null || do99.length() != 2) {
      throw Errors.secureMessaging("a protected response without a status word");
    }
    if (do8e.end() != body.length || do8e.length() != 8) {
      throw Errors.secureMessaging("the MAC is not the last data object of a response");
    }
    int macEnd = do8e.valueOffset() - 2;
    byte[] expected = macOver(Crypto.slice(body, 0, macEnd));
    if (!MessageDigest.isEqual(expected, do8e.value())) {
      throw Errors.secureMessaging("the response MAC does not verify");
    }
    byte[] sw = do99.value();
    byte[] data = new byte[0];
    if (do87 != null) {
      byte[] v = do87.value();
      int skip = do87.tag() == 0x87 ? 1 : 0;
      if (skip == 1 && (v.length < 1 || v[0] != 1)) {
        throw Errors.secureMessaging("an unknown padding indicator");
      }
      byte[] enc = Crypto.slice(v, skip, v.length);
      data = Crypto.unpad(Crypto.cbc(family, false, kEnc, ivForResponse(), enc));
    }
    return new Response(data, ((sw[0] & 0xFF) << 8) | (sw[1] & 0xFF));
  }

  private byte[] ivForResponse() {
    return iv();
  }

  private static Tlv once(Tlv previous, Tlv t) {
    if (previous != null) {
      throw Errors.secureMessaging("a data object repeated in a response");
    }
    return t;
  }
}
