package vn.id06.cardreader;

import java.io.ByteArrayOutputStream;

/**
 * A parsed or built ISO 7816-4 command APDU. Immutable value (arrays are copied on the way in and
 * out); thread-safe.
 */
final class Apdu {
  /** No response data expected. */
  static final int NO_LE = -1;

  final int cla;
  final int ins;
  final int p1;
  final int p2;
  private final byte[] data;

  /** Expected response length Ne: -1 for none, 1..65536. */
  final int ne;

  Apdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
    if (data.length > 65535 || ne > 65536 || ne == 0 || ne < NO_LE) {
      throw new IllegalArgumentException("APDU lengths out of range");
    }
    this.cla = cla;
    this.ins = ins;
    this.p1 = p1;
    this.p2 = p2;
    this.data = data.clone();
    this.ne = ne;
  }

  byte[] data() {
    return data.clone();
  }

  boolean extended() {
    return data.length > 255 || ne > 256;
  }

  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 9);
    out.write(cla);
    out.write(ins);
    out.write(p1);
    out.write(p2);
    boolean ext = extended();
    if (data.length > 0) {
      if (ext) {
        out.write(0);
        out.write(data.length >>> 8);
        out.write(data.length);
      } else {
        out.write(data.length);
      }
      out.write(data, 0, data.length);
    }
    if (ne != NO_LE) {
      if (ext) {
        if (data.length == 0) {
          out.write(0);
        }
        int le = ne == 65536 ? 0 : ne;
        out.write(le >>> 8);
        out.write(le);
      } else {
        out.write(ne == 256 ? 0 : ne);
      }
    }
    return out.toByteArray();
  }

  /** Parses the four ISO 7816-4 cases, short and extended. */
  static Apdu parse(byte[] c) {
    if (c.length < 4) {
      throw new IllegalArgumentException("an APDU has at least 4 bytes");
    }
    int cla = c[0] & 0xFF;
    int ins = c[1] & 0xFF;
    int p1 = c[2] & 0xFF;
    int p2 = c[3] & 0xFF;
    int rest = c.length - 4;
    if (rest == 0) {
      return new Apdu(cla, ins, p1, p2, new byte[0], NO_LE);
    }
    int b = c[4] & 0xFF;
    if (rest == 1) {
      return new Apdu(cla, ins, p1, p2, new byte[0], b == 0 ? 256 : b);
    }
    if (b != 0) {
      // short Lc
      if (rest == 1 + b) {
        return new Apdu(cla, ins, p1, p2, copy(c, 5, b), NO_LE);
      }
      if (rest == 2 + b) {
        int le = c[5 + b] & 0xFF;
        return new Apdu(cla, ins, p1, p2, copy(c, 5, b), le == 0 ? 256 : le);
      }
      throw new IllegalArgumentException("APDU lengths do not add up");
    }
    // extended
    if (rest == 3) {
      int le = ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
      return new Apdu(cla, ins, p1, p2, new byte[0], le == 0 ? 65536 : le);
    }
    int lc = ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
    if (lc == 0) {
      throw new IllegalArgumentException("extended Lc of 0");
    }
    if (rest == 3 + lc) {
      return new Apdu(cla, ins, p1, p2, copy(c, 7, lc), NO_LE);
    }
    if (rest == 5 + lc) {
      int le = ((c[7 + lc] & 0xFF) << 8) | (c[8 + lc] & 0xFF);
      return new Apdu(cla, ins, p1, p2, copy(c, 7, lc), le == 0 ? 65536 : le);
    }
    throw new IllegalArgumentException("APDU lengths do not add up");
  }

  private static byte[] copy(byte[] a, int from, int n) {
    byte[] out = new byte[n];
    System.arraycopy(a, from, out, 0, n);
    return out;
  }
}
