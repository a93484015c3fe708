package vn.id06.testkit.card;

import java.util.HexFormat;

/** Hex and byte-array helpers for the chip side. Stateless. */
final class Hex {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private Hex() {}

  static byte[] parse(String hex) {
    return HEX.parseHex(hex.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }
}
