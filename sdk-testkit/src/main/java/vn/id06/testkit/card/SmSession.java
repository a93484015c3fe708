package vn.id06.testkit.card;

import java.util.Arrays;

/**
 * The chip side of ICAO Doc 9303 Part 11 secure messaging (section 9.8): unwraps protected commands
 * (DO'87'/DO'85', DO'97', DO'8E') and wraps responses (DO'87'/DO'85', DO'99', DO'8E'), with 3DES
 * (retail MAC) or AES (CMAC) and a send sequence counter. Not thread-safe: one session per card.
 */
final class SmSession {
  private final boolean aes;
  private final byte[] ksEnc;
  private final byte[] ksMac;
  private final byte[] ssc;

  /** Raised when a protected command does not verify; the chip answers 6988 and drops SM. */
  static final class SmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SmException(String message) {
      super(message);
    }
  }

  SmSession(boolean aes, byte[] ksEnc, byte[] ksMac, byte[] ssc) {
    this.aes = aes;
    this.ksEnc = ksEnc.clone();
    this.ksMac = ksMac.clone();
    this.ssc = ssc.clone();
  }

  boolean aes() {
    return aes;
  }

  int block() {
    return aes ? 16 : 8;
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

  private byte[] mac(byte[] data) {
    byte[] n = ChipCrypto.pad(Hex.concat(ssc, data), block());
    return aes ? ChipCrypto.cmac8(ksMac, n) : ChipCrypto.retailMac(ksMac, n);
  }

  private byte[] crypt(boolean encrypt, byte[] data) {
    if (aes) {
      byte[] iv = ChipCrypto.aesEcb(ksEnc, ssc);
      return ChipCrypto.aesCbc(encrypt, ksEnc, iv, data);
    }
    return ChipCrypto.tdes(encrypt, ksEnc, data);
  }

  /** Verifies and decrypts a protected command into the plain command it carries. */
  Apdu unwrap(Apdu cmd) {
    if ((cmd.cla() & 0x0C) != 0x0C) {
      throw new SmException("command not protected");
    }
    java.util.List<Tlv.Element> dos;
    try {
      dos = Tlv.parse(cmd.data());
    } catch (IllegalArgumentException e) {
      throw new SmException("malformed data objects");
    }
    byte[] macInput = new byte[0];
    byte[] cryptogram = null;
    boolean indicator = false;
    byte[] le = null;
    byte[] cc = null;
    for (Tlv.Element e : dos) {
      byte[] encoded = Tlv.of(e.tag(), e.value());
      switch (e.tag()) {
        case 0x87, 0x85 -> {
          cryptogram = e.value();
          indicator = e.tag() == 0x87;
          macInput = Hex.concat(macInput, encoded);
        }
        case 0x97 -> {
          le = e.value();
          macInput = Hex.concat(macInput, encoded);
        }
        case 0x8E -> cc = e.value();
        default -> throw new SmException("unexpected data object");
      }
    }
    if (cc == null) {
      throw new SmException("no MAC");
    }
    byte[] header = {(byte) (cmd.cla() | 0x0C), (byte) cmd.ins(), (byte) cmd.p1(), (byte) cmd.p2()};
    increment();
    byte[] expected = mac(Hex.concat(ChipCrypto.pad(header, block()), macInput));
    if (!java.security.MessageDigest.isEqual(expected, cc)) {
      throw new SmException("MAC does not verify");
    }
    byte[] data = new byte[0];
    if (cryptogram != null) {
      byte[] enc = cryptogram;
      if (indicator) {
        if (enc.length == 0 || enc[0] != 0x01) {
          throw new SmException("padding indicator");
        }
        enc = Arrays.copyOfRange(enc, 1, enc.length);
      }
      if (enc.length == 0 || enc.length % block() != 0) {
        throw new SmException("cryptogram length");
      }
      try {
        data = ChipCrypto.unpad(crypt(false, enc));
      } catch (IllegalArgumentException e) {
        throw new SmException("bad padding");
      }
    }
    int ne = 0;
    if (le != null) {
      int v = 0;
      for (byte b : le) {
        v = (v << 8) | (b & 0xFF);
      }
      ne = v == 0 ? (le.length == 1 ? 256 : 65536) : v;
    }
    return new Apdu(
        cmd.cla() & ~0x0C, cmd.ins(), cmd.p1(), cmd.p2(), data, ne, le != null && le.length > 1);
  }

  /** Protects a response: encrypted data (when any), the status word, the MAC. */
  byte[] wrap(byte[] data, int sw, boolean oddIns) {
    byte[] dataObject = new byte[0];
    if (data.length > 0) {
      increment();
      byte[] enc = crypt(true, ChipCrypto.pad(data, block()));
      decrement();
      dataObject = oddIns ? Tlv.of(0x85, enc) : Tlv.of(0x87, new byte[] {0x01}, enc);
    }
    byte[] do99 = {(byte) 0x99, 0x02, (byte) (sw >> 8), (byte) sw};
    increment();
    byte[] body = Hex.concat(dataObject, do99);
    byte[] cc = mac(body);
    return Hex.concat(
        body, new byte[] {(byte) 0x8E, 0x08}, cc, new byte[] {(byte) (sw >> 8), (byte) sw});
  }

  private void decrement() {
    for (int i = ssc.length - 1; i >= 0; i--) {
      ssc[i]--;
      if (ssc[i] != (byte) 0xFF) {
        return;
      }
    }
  }

  /** How many bytes a wrapped response with {@code n} plain data bytes takes, status included. */
  int wrappedSize(int n, boolean oddIns) {
    int tail = 4 + 10 + 2;
    if (n == 0) {
      return tail;
    }
    int enc = (n / block() + 1) * block();
    int value = enc + (oddIns ? 0 : 1);
    return 1 + Tlv.length(value).length + value + tail;
  }
}
