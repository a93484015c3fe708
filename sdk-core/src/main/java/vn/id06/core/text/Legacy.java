package vn.id06.core.text;

import java.text.Normalizer;

/**
 * Single-byte code pages and legacy Vietnamese font encodings, as tables written for id06.
 *
 * <p>Sources of the facts: Windows-1252 and Windows-1258 from Microsoft's published code page
 * charts (bestfit1252.txt, bestfit1258.txt); VISCII from RFC 1456 ("Vietnamese Standard Code for
 * Information Interchange", 1993); TCVN3 from TCVN 5712:1993 (the VN1 table: the lower-case letters
 * and Ă Â Ê Ô Ơ Ư Đ sit at the same bytes as in the ABC/VN3 fonts, VN1 adds the upper-case letters
 * with tones); VNI from the VNI-Windows font layout (base letter followed by a mark byte, as listed
 * e.g. in the xvnkb keyboard driver's VNI table). Stateless.
 */
final class Legacy {
  private Legacy() {}

  /** Windows-1252 bytes 0x80..0x9F; the five undefined bytes map to their C1 control. */
  private static final String CP1252_80 =
      "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

  /** Windows-1258 bytes 0x80..0x9F; undefined bytes map to their C1 control. */
  private static final String CP1258_80 =
      "€\u0081‚ƒ„…†‡ˆ‰\u008a‹Œ\u008d\u008e\u008f\u0090‘’“”•–—˜™\u009a›œ\u009d\u009eŸ";

  /** Windows-1258 bytes that differ from Latin-1 in 0xC0..0xFF, and what they hold. */
  private static final String CP1258_DIFF_BYTES =
      "\u00c3\u00cc\u00d0\u00d2\u00d5\u00dd\u00de" + "\u00e3\u00ec\u00f0\u00f2\u00f5\u00fd\u00fe";

  private static final String CP1258_DIFF_CHARS = "Ă\u0300Đ\u0309ƠƯ\u0303ă\u0301đ\u0323ơư₫";

  /** TCVN 5712:1993 VN1, bytes 0x80..0xFF (0xB0..0xB4 are the five combining tone marks). */
  private static final String TCVN3_80 =
      "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ" // 80
          + "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ" // 90
          + "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ" // A0
          + "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" // B0
          + "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" // C0
          + "éẹềểễếệìỉỄẾỒĩíịò" // D0
          + "Ổỏõóọồổỗốộờởỡớợù" // E0
          + "ỖủũúụừửữứựỳỷỹýỵỐ"; // F0

  /** VISCII (RFC 1456), bytes 0x80..0xFF. */
  private static final String VISCII_80 =
      "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ" // 80
          + "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ" // 90
          + "Õắằặấầẩậẽẹếềểễệố" // A0
          + "ồổỗỠƠộờởịỰỨỪỬơớƯ" // B0
          + "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ" // C0
          + "ĐứÒÓÔạỷừửÙÚỹỵÝỡư" // D0
          + "àáâãảăữẫèéêẻìíĩỉ" // E0
          + "đựòóôõỏọụùúũủýợỮ"; // F0

  /** The C0 control bytes that TCVN3 (VN1) uses for letters, and the letters. */
  private static final String TCVN3_C0_BYTES =
      "\u0001\u0002\u0004\u0005\u0006\u0011\u0012\u0013\u0014\u0015\u0016\u0017";

  private static final String TCVN3_C0_CHARS = "ÚỤỪỬỮỨỰỲỶỸÝỴ";

  /** The C0 control bytes that VISCII uses for letters, and the letters. */
  private static final String VISCII_C0_BYTES = "\u0002\u0005\u0006\u0014\u0019\u001e";

  private static final String VISCII_C0_CHARS = "ẲẴẪỶỸỴ";

  /** A code page or encoding that maps one byte to one character. */
  enum Table {
    LATIN1,
    CP1252,
    CP1258,
    TCVN3,
    VISCII;

    /** The character for a byte (0..255). */
    char decode(int b) {
      return switch (this) {
        case LATIN1 -> (char) b;
        case CP1252 -> b >= 0x80 && b < 0xA0 ? CP1252_80.charAt(b - 0x80) : (char) b;
        case CP1258 -> cp1258(b);
        case TCVN3 -> b >= 0x80 ? TCVN3_80.charAt(b - 0x80) : c0(b, TCVN3_C0_BYTES, TCVN3_C0_CHARS);
        case VISCII ->
            b >= 0x80 ? VISCII_80.charAt(b - 0x80) : c0(b, VISCII_C0_BYTES, VISCII_C0_CHARS);
      };
    }

    /** The byte (0..255) for a character, or -1 when the table has no byte for it. */
    int encode(char c) {
      if (c < 0x80) {
        return c;
      }
      return switch (this) {
        case LATIN1 -> c <= 0xFF ? c : -1;
        case CP1252 -> c >= 0xA0 && c <= 0xFF ? c : at(CP1252_80, c);
        case CP1258 -> encodeCp1258(c);
        case TCVN3, VISCII -> reverse(c);
      };
    }

    private int reverse(char c) {
      for (int b = 0; b < 256; b++) {
        if (decode(b) == c) {
          return b;
        }
      }
      return -1;
    }

    /** Decodes bytes; the result is composed to NFC (Windows-1258 and TCVN3 carry marks). */
    String decode(byte[] bytes) {
      char[] out = new char[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        out[i] = decode(bytes[i] & 0xFF);
      }
      return Normalizer.normalize(new String(out), Normalizer.Form.NFC);
    }
  }

  private static char cp1258(int b) {
    if (b >= 0x80 && b < 0xA0) {
      return CP1258_80.charAt(b - 0x80);
    }
    int i = CP1258_DIFF_BYTES.indexOf(b);
    return i >= 0 ? CP1258_DIFF_CHARS.charAt(i) : (char) b;
  }

  private static int encodeCp1258(char c) {
    int d = CP1258_DIFF_CHARS.indexOf(c);
    if (d >= 0) {
      return CP1258_DIFF_BYTES.charAt(d);
    }
    if (c >= 0xA0 && c <= 0xFF) {
      return CP1258_DIFF_BYTES.indexOf(c) >= 0 ? -1 : c;
    }
    return at(CP1258_80, c);
  }

  private static int at(String row80, char c) {
    int i = row80.indexOf(c);
    return i >= 0 ? 0x80 + i : -1;
  }

  private static char c0(int b, String bytes, String chars) {
    int i = bytes.indexOf(b);
    return i >= 0 ? chars.charAt(i) : (char) b;
  }

  /**
   * The bytes a string came from if each character is one byte shown through Windows-1252 or
   * Latin-1 (how legacy-encoded bytes usually reach a Java string), or null when a character fits
   * neither.
   */
  static byte[] byteView(String s) {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      int v = c <= 0xFF ? c : Table.CP1252.encode(c);
      if (v < 0) {
        return null;
      }
      b[i] = (byte) v;
    }
    return b;
  }

  /**
   * Upper-cases the legacy letters of words typed in capitals (ABC "H" fonts reuse lower-case
   * codes).
   */
  static String fixCapitalWords(String s) {
    StringBuilder sb = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int asciiUpper = 0;
      boolean asciiLower = false;
      boolean otherLower = false;
      while (i < n && Character.isLetter(s.charAt(i))) {
        char c = s.charAt(i);
        asciiUpper += c >= 'A' && c <= 'Z' ? 1 : 0;
        asciiLower |= c >= 'a' && c <= 'z';
        otherLower |= c >= 0x80 && Character.isLowerCase(c);
        i++;
      }
      // Two capitals at least: "Hµ" may be Hà as well as HÀ, "NGUYÔN" is NGUYỄN.
      if (asciiUpper >= 2 && !asciiLower && otherLower) {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        for (int k = start; k < i; k++) {
          sb.setCharAt(k, Character.toUpperCase(s.charAt(k)));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  // VNI-Windows: a vowel is followed by one mark byte; some letters have a byte of their own.
  private static final String VNI_MARK_BYTES = "ùøûõïâáàåãäêéèúüë";
  private static final String[] VNI_MARKS = {
    "\u0301",
    "\u0300",
    "\u0309",
    "\u0303",
    "\u0323",
    "\u0302",
    "\u0302\u0301",
    "\u0302\u0300",
    "\u0302\u0309",
    "\u0302\u0303",
    "\u0302\u0323",
    "\u0306",
    "\u0306\u0301",
    "\u0306\u0300",
    "\u0306\u0309",
    "\u0306\u0303",
    "\u0306\u0323"
  };
  private static final String VNI_LETTER_BYTES = "ôöñíìæóòîÔÖÑÍÌÆÓÒÎ";
  private static final String VNI_LETTERS = "ơưđíìỉĩịỵƠƯĐÍÌỈĨỊỴ";

  /**
   * Decodes VNI-Windows text seen through Windows-1252 ("Nguyeãn" for "Nguyễn"), or returns null
   * when a mark byte has no vowel to sit on or a byte is not part of VNI.
   */
  static String decodeVni(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte value : bytes) {
      char c = (char) (value & 0xFF);
      if (c < 0x80) {
        out.append(c);
        continue;
      }
      int m = VNI_MARK_BYTES.indexOf(Character.toLowerCase(c));
      if (m >= 0) {
        if (out.length() == 0) {
          return null;
        }
        char prev = out.charAt(out.length() - 1);
        // VNI fonts have a capital form of each mark byte, drawn for capitals: a mark follows the
        // case of its letter ("Nguyeãn", "NGUYEÃN"), never the other one.
        if (Character.isUpperCase(c) != Character.isUpperCase(prev)) {
          return null;
        }
        String composed =
            Normalizer.normalize(
                Normalizer.normalize(String.valueOf(prev), Normalizer.Form.NFD) + VNI_MARKS[m],
                Normalizer.Form.NFC);
        if (composed.length() != 1 || !Vietnamese.isVietnameseLetter(composed.charAt(0))) {
          return null;
        }
        out.setCharAt(out.length() - 1, composed.charAt(0));
        continue;
      }
      int l = VNI_LETTER_BYTES.indexOf(c);
      if (l >= 0) {
        out.append(VNI_LETTERS.charAt(l));
      } else if (c == 0xA0) {
        out.append(c);
      } else {
        return null;
      }
    }
    return out.toString();
  }
}
