package vn.id06.core.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Test-side damage: what broken readers, old databases and fonts do to Vietnamese text. */
public final class Damage {
  private Damage() {}

  /** UTF-8 bytes decoded byte by byte; undefined bytes become their C1 control, as Windows does. */
  static String utf8ReadAs(String s, String charset) {
    Charset cs = Charset.forName(charset);
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      String c = new String(new byte[] {b}, cs);
      sb.append(c.equals("\ufffd") ? (char) (b & 0xFF) : c.charAt(0));
    }
    return sb.toString();
  }

  public static String cp1252(String s) {
    return utf8ReadAs(s, "windows-1252");
  }

  public static String latin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  public static String cp1258(String s) {
    return utf8ReadAs(s, "windows-1258");
  }

  public static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  public static String eth(String s) {
    return s.replace('Đ', '\u00d0').replace('đ', '\u00f0');
  }

  /** TCVN 5712 (TCVN3) bytes as glibc iconv writes them, shown as Latin-1 characters. */
  public static String tcvn3(String s) {
    return IconvTables.TCVN3.encodeAsLatin1(s);
  }

  /** VISCII bytes as glibc iconv writes them, shown as Latin-1 characters. */
  public static String viscii(String s) {
    return IconvTables.VISCII.encodeAsLatin1(s);
  }

  /** VNI-Windows, written from the font layout: base letter plus one mark character. */
  public static String vni(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean upper = Character.isUpperCase(c);
      String d =
          Normalizer.normalize(String.valueOf(Character.toLowerCase(c)), Normalizer.Form.NFD);
      char base = d.charAt(0);
      // Put the shape mark (horn, circumflex, breve) before the tone mark, whatever NFD's order.
      String marks = d.substring(1);
      if (marks.length() == 2 && "\u031b\u0302\u0306".indexOf(marks.charAt(1)) >= 0) {
        marks = marks.substring(1) + marks.charAt(0);
      }
      String out;
      if (c == 'đ' || c == 'Đ') {
        out = "ñ";
      } else if (base == 'i' && !marks.isEmpty()) {
        out = String.valueOf("íìæóò".charAt("\u0301\u0300\u0309\u0303\u0323".indexOf(marks)));
      } else if (base == 'y' && marks.equals("\u0323")) {
        out = "î";
      } else if (marks.startsWith("\u031b")) {
        out = (base == 'o' ? "ô" : "ö") + tone(marks.substring(1), "\u0000ùøûõï");
      } else if (marks.startsWith("\u0302")) {
        out = base + tone(marks.substring(1), "âáàåãä");
      } else if (marks.startsWith("\u0306")) {
        out = base + tone(marks.substring(1), "êéèúüë");
      } else if (!marks.isEmpty() && base < 0x80) {
        out = base + tone(marks, "\u0000ùøûõï");
      } else {
        out = String.valueOf(Character.toLowerCase(c));
      }
      sb.append(upper ? out.toUpperCase(java.util.Locale.ROOT) : out);
    }
    return sb.toString();
  }

  /** Mark character for a tone: index 0 of {@code row} is the toneless mark (or none). */
  private static String tone(String toneMark, String row) {
    int t = toneMark.isEmpty() ? 0 : "\u0301\u0300\u0309\u0303\u0323".indexOf(toneMark) + 1;
    if (row.charAt(0) == '\u0000') {
      return t == 0 ? "" : String.valueOf(row.charAt(t));
    }
    return String.valueOf(row.charAt(t));
  }
}
