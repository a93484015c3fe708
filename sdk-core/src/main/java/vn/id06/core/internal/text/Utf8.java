package vn.id06.core.internal.text;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding without building a decoder per call, shared by text repair and the card-QR
 * parser. Depends on the JDK only. Stateless and thread-safe.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Decodes strict UTF-8, or returns null for malformed input (what a decoder set to report
   * malformed input accepts, without building one per call).
   *
   * @param bytes the bytes
   * @return the text, or null when the bytes are not well-formed UTF-8
   */
  public static String strict(byte[] bytes) {
    // The JDK's decoder (vectorised) replaces each malformed sequence with U+FFFD, so a result
    // without one proves the bytes well-formed; only a U+FFFD needs the strict scan to tell a
    // replacement from an encoded EF BF BD.
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') < 0) {
      return s;
    }
    return isWellFormed(bytes, 0, bytes.length) ? s : null;
  }

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no
   * surrogates, nothing above U+10FFFF, no truncated sequence).
   */
  public static boolean isWellFormed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c == 0xE0) {
        n = 2;
        lo = 0xA0;
      } else if (c == 0xED) {
        n = 2;
        hi = 0x9F;
      } else if (c >= 0xE1 && c <= 0xEF) {
        n = 2;
      } else if (c == 0xF0) {
        n = 3;
        lo = 0x90;
      } else if (c == 0xF4) {
        n = 3;
        hi = 0x8F;
      } else if (c >= 0xF1 && c <= 0xF3) {
        n = 3;
      } else {
        return false;
      }
      if (i + n >= to) {
        return false;
      }
      int c1 = b[i + 1] & 0xFF;
      if (c1 < lo || c1 > hi) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        int ck = b[i + k] & 0xFF;
        if (ck < 0x80 || ck > 0xBF) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}
