package vn.id06.testkit.card;

import java.util.Arrays;

/**
 * A command APDU as the chip sees it (ISO/IEC 7816-3 cases 1-4, short and extended length).
 *
 * @param ne the expected response length (0 when absent; 256 or 65536 for a zero Le)
 */
// Package-private: the data array is never shared outside the chip; equals/hashCode are overridden.
@SuppressWarnings("ArrayRecordComponent")
record Apdu(int cla, int ins, int p1, int p2, byte[] data, int ne, boolean extended) {

  /** Raised for bytes that are not a well-formed command APDU; answered with 6700. */
  static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  static Apdu parse(byte[] b) {
    if (b.length < 4) {
      throw new MalformedException("shorter than a header");
    }
    int cla = b[0] & 0xFF;
    int ins = b[1] & 0xFF;
    int p1 = b[2] & 0xFF;
    int p2 = b[3] & 0xFF;
    byte[] none = new byte[0];
    if (b.length == 4) {
      return new Apdu(cla, ins, p1, p2, none, 0, false);
    }
    int b4 = b[4] & 0xFF;
    if (b.length == 5) {
      return new Apdu(cla, ins, p1, p2, none, b4 == 0 ? 256 : b4, false);
    }
    if (b4 != 0) {
      int lc = b4;
      if (b.length == 5 + lc) {
        return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), 0, false);
      }
      if (b.length == 6 + lc) {
        int le = b[5 + lc] & 0xFF;
        return new Apdu(
            cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), le == 0 ? 256 : le, false);
      }
      throw new MalformedException("length does not match Lc");
    }
    if (b.length == 7) {
      int le = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
      return new Apdu(cla, ins, p1, p2, none, le == 0 ? 65536 : le, true);
    }
    if (b.length < 7) {
      throw new MalformedException("truncated extended length");
    }
    int lc = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
    if (lc == 0) {
      throw new MalformedException("zero extended Lc");
    }
    if (b.length == 7 + lc) {
      return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 7, 7 + lc), 0, true);
    }
    if (b.length == 9 + lc) {
      int le = ((b[7 + lc] & 0xFF) << 8) | (b[8 + lc] & 0xFF);
      return new Apdu(
          cla, ins, p1, p2, Arrays.copyOfRange(b, 7, 7 + lc), le == 0 ? 65536 : le, true);
    }
    throw new MalformedException("length does not match extended Lc");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Apdu a
        && a.cla == cla
        && a.ins == ins
        && a.p1 == p1
        && a.p2 == p2
        && Arrays.equals(a.data, data)
        && a.ne == ne
        && a.extended == extended;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + ins;
  }

  @Override
  public String toString() {
    return String.format(
        "Apdu[%02X %02X %02X %02X Lc=%d Ne=%d]", cla, ins, p1, p2, data.length, ne);
  }
}
