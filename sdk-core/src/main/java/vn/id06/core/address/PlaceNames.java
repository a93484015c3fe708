package vn.id06.core.address;

import vn.id06.core.internal.citizen.VietnameseText;

/**
 * Name keys for administrative units, built on the SDK's one place-name normaliser ({@link
 * VietnameseText#placeKey}: no diacritics, no case, no spacing or punctuation) and, to tell apart
 * names that differ only in their tones, its tone-placement-canonical form ({@link
 * VietnameseText#canonicalTones}). Also recognises the type word or abbreviation that starts a
 * component ("Xã", "P.", "TT.", "Q.1", "TP.", "H.", "Đặc khu"). Stateless and thread-safe.
 */
final class PlaceNames {
  /** Type words, lower case, longest first within a family; value: the canonical type word. */
  private static final String[][] TYPE_WORDS = {
    {"thành phố", "Thành phố"},
    {"thanh pho", "Thành phố"},
    {"thị trấn", "Thị trấn"},
    {"thi tran", "Thị trấn"},
    {"thị xã", "Thị xã"},
    {"thi xa", "Thị xã"},
    {"đặc khu", "Đặc khu"},
    {"dac khu", "Đặc khu"},
    {"phường", "Phường"},
    {"phuong", "Phường"},
    {"huyện", "Huyện"},
    {"huyen", "Huyện"},
    {"quận", "Quận"},
    {"quan", "Quận"},
    {"tỉnh", "Tỉnh"},
    {"tinh", "Tỉnh"},
    {"xã", "Xã"},
    {"xa", "Xã"},
    {"tp", "Thành phố"},
    {"tx", "Thị xã"},
    {"tt", "Thị trấn"},
    {"đk", "Đặc khu"},
    {"dk", "Đặc khu"},
    {"p", "Phường"},
    {"f", "Phường"},
    {"x", "Xã"},
    {"q", "Quận"},
    {"h", "Huyện"},
    {"t", "Tỉnh"},
  };

  private PlaceNames() {}

  /**
   * The lookup key of a name: {@link VietnameseText#placeKey}, with leading zeros dropped from an
   * all-digit name ("Phường 05" and "Phường 5" are one ward).
   */
  static String key(String s) {
    String k = VietnameseText.placeKey(s);
    if (!k.isEmpty() && allDigits(k)) {
      int i = 0;
      while (i < k.length() - 1 && k.charAt(i) == '0') {
        i++;
      }
      return k.substring(i);
    }
    return k;
  }

  private static boolean allDigits(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A unit's name without its type word ("Phước Lộc" for "Xã Phước Lộc"). */
  static String bare(String name, Division.Type type) {
    String p = type.prefix();
    // The register's spelling first (a case-sensitive compare is cheap), then any case.
    if (name.length() > p.length() + 1
        && (name.startsWith(p) || name.regionMatches(true, 0, p, 0, p.length()))
        && name.charAt(p.length()) == ' ') {
      return name.substring(p.length() + 1);
    }
    return name;
  }

  /**
   * A key that keeps the tones but not their placement: lower case, {@link
   * VietnameseText#canonicalTones}, letters and digits only ("Hòa"/"Hoà" equal, "Hòa"/"Hóa" not).
   */
  static String toneKey(String s) {
    String t = VietnameseText.canonicalTones(VietnameseText.lower(VietnameseText.nfc(s)));
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The type word at the start of a component and the rest, or null when there is none. A type word
   * counts when a space, a dot or a digit follows it ("Q.1", "P5", "TP.HCM", "Huyện Tuy Phước").
   */
  static String[] stripType(String component) {
    int length = component.length();
    for (String[] w : TYPE_WORDS) {
      String word = w[0];
      int n = word.length();
      if (length > n && startsWithLower(component, word)) {
        char c = component.charAt(n);
        if (c == ' ' || c == '.' || (c >= '0' && c <= '9')) {
          int i = n;
          while (i < length && (component.charAt(i) == ' ' || component.charAt(i) == '.')) {
            i++;
          }
          if (i < length) {
            return new String[] {component.substring(i), w[1]};
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code s.toLowerCase(Locale.ROOT)} starts with {@code lowerWord}, without the copy. Per
   * character the root locale lower-cases as {@link Character#toLowerCase(char)} does, except İ
   * (U+0130, two chars: "i" and a combining dot, which no type word holds) and a final Σ (no type
   * word holds σ or ς either); {@code PlaceNamesTest} holds this to the lower-case copy.
   */
  private static boolean startsWithLower(String s, String lowerWord) {
    for (int i = 0; i < lowerWord.length(); i++) {
      char c = s.charAt(i);
      char w = lowerWord.charAt(i);
      if (c != w && (c == '\u0130' || Character.toLowerCase(c) != w)) {
        return false;
      }
    }
    return true;
  }
}
