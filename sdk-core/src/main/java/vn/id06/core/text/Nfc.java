package vn.id06.core.text;

import java.text.Normalizer;
import vn.id06.core.internal.citizen.VietnameseText;

/** Composition to NFC, with the marks in Vietnamese order first. Stateless and thread-safe. */
final class Nfc {
  private Nfc() {}

  /**
   * Composes to NFC. A tone mark typed before the circumflex or breve (e + ◌̃ + ◌̂) blocks
   * composition; the marks are put in Vietnamese order first.
   */
  static String compose(String s) {
    // Precomposed-only text also has no combining mark to put in order: compose() leaves it as is.
    return VietnameseText.isPrecomposedOnly(s) ? s : composeSlow(s);
  }

  /** {@link #compose} without the fast path, through the JDK normaliser. */
  static String composeSlow(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = null;
    for (int i = 0; i + 1 < d.length(); i++) {
      char a = d.charAt(i);
      char b = d.charAt(i + 1);
      if ("\u0300\u0301\u0303\u0309\u0323".indexOf(a) >= 0 && (b == '\u0302' || b == '\u0306')) {
        if (sb == null) {
          sb = new StringBuilder(d);
        }
        sb.setCharAt(i, b);
        sb.setCharAt(i + 1, a);
        i++;
      }
    }
    return Normalizer.normalize(sb == null ? d : sb, Normalizer.Form.NFC);
  }
}
