package vn.id06.core.text;

import java.nio.charset.StandardCharsets;
import vn.id06.core.internal.text.Utf8;

/**
 * The lost-byte search: undoes Windows-1252 mojibake made by a decoder that turned the five bytes
 * the code page leaves undefined into U+FFFD. Stateless and thread-safe.
 */
final class LostBytes {
  private LostBytes() {}

  /** The five bytes Windows-1252 leaves undefined; Java's decoder turns them into U+FFFD. */
  private static final String UNDEFINED_1252 = "\u0081\u008d\u008f\u0090\u009d";

  private static final int MAX_UNDEFINED = 4;

  /**
   * Every choice of undefined byte is tried, and the repair stands only when exactly one choice
   * gives strict UTF-8 that reads as clean Vietnamese, Highlands words included ("Ä\ufffd" can only
   * be Đ; "Ã\ufffd" may be Á, Í or Ý and is refused unless the word settles it).
   *
   * <p>The choices are tried space-separated piece by piece, not over the whole text: a space is
   * byte 0x20 whatever the choices, so strict UTF-8 decoding, NFC composition and {@link
   * Vietnamese#damage} all add up piece by piece. Hence exactly one choice for the whole text reads
   * clean exactly when every piece has exactly one clean reading, and the search costs the sum of
   * the pieces' choices (at most 5 per U+FFFD in a word) instead of their product over the text.
   *
   * @return the one clean reading, or null when there is none, more than one, or too many holes
   */
  static String recoverUndefined(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\ufffd') {
        count++;
      }
    }
    if (count > MAX_UNDEFINED) {
      return null;
    }
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = s.charAt(i);
      int b = c == '\ufffd' ? UNDEFINED_1252.charAt(0) : Legacy.Table.CP1252.encode(c);
      if (b < 0) {
        return null;
      }
      bytes[i] = (byte) b;
    }
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    while (from <= s.length()) {
      int to = s.indexOf(' ', from);
      if (to < 0) {
        to = s.length();
      }
      String piece = recoverPiece(s, bytes, from, to);
      if (piece == null) {
        return null;
      }
      if (from > 0) {
        out.append(' ');
      }
      out.append(piece);
      from = to + 1;
    }
    return out.toString();
  }

  /**
   * The one clean strict-UTF-8 reading of {@code bytes[from, to)} over the choices for the U+FFFD
   * of {@code s} there, or null when there is none or more than one. Changes those bytes.
   */
  private static String recoverPiece(String s, byte[] bytes, int from, int to) {
    int holes = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\ufffd') {
        holes++;
      }
    }
    int combos = 1;
    for (int i = 0; i < holes; i++) {
      combos *= UNDEFINED_1252.length();
    }
    String found = null;
    for (int combo = 0; combo < combos; combo++) {
      int rest = combo;
      for (int i = from; i < to; i++) {
        if (s.charAt(i) == '\ufffd') {
          bytes[i] = (byte) UNDEFINED_1252.charAt(rest % UNDEFINED_1252.length());
          rest /= UNDEFINED_1252.length();
        }
      }
      if (!Utf8.isWellFormed(bytes, from, to)) {
        continue;
      }
      String decoded = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      if (!Vietnamese.isLooseUndamaged(Nfc.compose(decoded))) {
        continue;
      }
      if (found != null) {
        // Two choices give different bytes, so different text: ambiguous.
        return null;
      }
      found = decoded;
    }
    return found;
  }
}
