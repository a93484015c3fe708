package vn.id06.cardreader;

import java.util.Locale;

/** Hexadecimal text for bytes (logs and tests). Stateless and thread-safe. */
final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  static String encode(byte[] bytes, int offset, int length) {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xFF;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0F];
    }
    return new String(out);
  }

  /** Decodes hex digits, ignoring white space; odd counts and other characters are refused. */
  static byte[] decode(String text) {
    String s = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex digit");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
