package vn.id06.core.internal.citizen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text helpers for Vietnamese names and place names: NFC with the Ð/ð look-alikes fixed, folding
 * for comparison and search, and tone-mark placement normalisation. Stateless and thread-safe.
 */
public final class VietnameseText {
  private static final char ETH_UPPER = '\u00D0';
  private static final char ETH_LOWER = '\u00F0';
  private static final char D_STROKE_UPPER = '\u0110';
  private static final char D_STROKE_LOWER = '\u0111';

  private VietnameseText() {}

  /**
   * Returns the NFC form with Icelandic eth (U+00D0/U+00F0), a frequent stand-in for Đ/đ, replaced.
   *
   * @param s any text
   * @return NFC text
   */
  public static String nfc(String s) {
    // Most text arrives precomposed and without eth: one scan proves that nothing below changes it.
    if (isPrecomposedWithoutEth(s)) {
      return s;
    }
    // Skip the normaliser's copy when it cannot change anything.
    String composed = isPrecomposedOnly(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    return composed.replace(ETH_UPPER, D_STROKE_UPPER).replace(ETH_LOWER, D_STROKE_LOWER);
  }

  /**
   * Lower case independent of the default locale (Vietnamese needs no special casing rules).
   *
   * @param s any text
   * @return lower-case text
   */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Removes every diacritic (tone and vowel marks) and maps đ/Đ to d/D.
   *
   * @param s any text
   * @return NFC text without diacritics
   */
  public static String stripDiacritics(String s) {
    String decomposed = Normalizer.normalize(nfc(s), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (c == D_STROKE_LOWER) {
        out.append('d');
      } else if (c == D_STROKE_UPPER) {
        out.append('D');
      } else {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * A lookup key for place names: no diacritics, lower case, ASCII letters and digits only (spaces,
   * dots and dashes dropped so "TP.HCM", "Bà Rịa - Vũng Tàu" and "Đắk Lắk"/"Daklak" compare equal).
   *
   * @param s a place name
   * @return the key
   */
  public static String placeKey(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int k = c < FOLD_SPLIT ? PLACE_FOLD[c] : c >= 0x1E00 && c <= 0x1EFF ? PLACE_FOLD[c - GAP] : 0;
      if (k == 0) {
        return placeKeySlow(s);
      }
      if (k != DROP) {
        out.append((char) k);
      }
    }
    return out.toString();
  }

  /** {@link #placeKey} through the normaliser: the rule the fold table is built from. */
  static String placeKeySlow(String s) {
    String folded = lower(stripDiacritics(s));
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether every character is below U+0300 or in Latin Extended Additional (U+1E00..U+1EFF, the
   * precomposed Vietnamese letters). Such text is already NFC (the tests check every character:
   * each is NFC alone and decomposes to a starter first, so nothing composes across characters).
   *
   * @param s any text
   * @return true when {@code s} needs no normalisation to NFC
   */
  public static boolean isPrecomposedOnly(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #isPrecomposedOnly} with no Ð/ð either: {@link #nfc} returns such text unchanged. */
  private static boolean isPrecomposedWithoutEth(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) || c == ETH_UPPER || c == ETH_LOWER) {
        return false;
      }
    }
    return true;
  }

  // placeKey, character by character, for Latin-1, Latin Extended-A/B and Latin Extended
  // Additional: 0 = not in the table (use the normaliser), DROP = the character adds nothing.
  // Each of these characters decomposes to one base letter and marks, so the key of a text of them
  // is the concatenation of the characters' keys; the tests check the table against placeKeySlow
  // on every character. Written out rather than computed: computing it runs the normaliser 848
  // times, about 10 ms in a fresh JVM, on the first use of any place-name method.
  private static final char FOLD_SPLIT = 0x250;
  private static final int GAP = 0x1E00 - FOLD_SPLIT;
  private static final char DROP = 0xFFFF;

  /** One character per code point: its key, '.' for DROP, '?' for not in the table. */
  private static final String PLACE_FOLD_TEXT =
      "................................................0123456789......" // U+0000
          + ".abcdefghijklmnopqrstuvwxyz......abcdefghijklmnopqrstuvwxyz....." // U+0040
          + "................................................................" // U+0080
          + "aaaaaa.ceeeeiiiidnooooo..uuuuy..aaaaaa.ceeeeiiiidnooooo..uuuuy.y" // U+00C0
          + "aaaaaaccccccccddddeeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." // U+0100
          + "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." // U+0140
          + "................................oo.............uu..............." // U+0180
          + ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." // U+01C0
          + "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" // U+0200
          + "................" // U+0240
          + "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" // U+1E00
          + "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" // U+1E40
          + "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" // U+1E80
          + "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......"; // U+1EC0

  private static final char[] PLACE_FOLD = placeFold();

  private static char[] placeFold() {
    char[] fold = new char[PLACE_FOLD_TEXT.length()];
    for (int i = 0; i < fold.length; i++) {
      char k = PLACE_FOLD_TEXT.charAt(i);
      fold[i] = k == '.' ? DROP : k == '?' ? 0 : k;
    }
    return fold;
  }

  /** True for the five combining tone marks (huyền, sắc, ngã, hỏi, nặng). */
  static boolean isToneMark(char c) {
    return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
  }

  /**
   * Moves tone marks to one canonical place so that old-style and new-style spellings compare
   * equal.
   *
   * <p>Rule (why: the same name arrives typed both ways, "Hòa"/"Hoà", "Thúy"/"Thuý",
   * "Khỏe"/"Khoẻ"): when a syllable ends in the rhyme oa, oe or uy with no final consonant, the old
   * style ("kiểu cũ") puts the tone on the first vowel and the new style ("kiểu mới") on the
   * second. We canonicalise to the old style, which the Launchpad Vietnamese spelling guide
   * (help.launchpad.net/Translations/Vietnamese/Spelling) describes as the one used by newspapers
   * and school books: tone on the second-to-last vowel when there is no final consonant, with "qu"
   * and "gi" counted as consonants. So after "qu" the tone of "uy" stays on y ("Quý", "Quỳ"), and a
   * tone put on that u is moved to y. Syllables with a final consonant ("hoàng", "khuyết") and all
   * other rhymes are left alone: both styles agree on them.
   *
   * @param text any text (any case, any normalisation form)
   * @return NFC text with canonical tone placement
   */
  public static String canonicalTones(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isWordChar(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.append(canonicalSyllable(s.substring(start, i)));
      }
      if (i < s.length()) {
        out.append(s.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static String canonicalSyllable(String word) {
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    // One entry per base letter: the letter with its vowel-shape marks, and its tone mark (or 0).
    List<StringBuilder> letters = new ArrayList<>();
    List<Character> tones = new ArrayList<>();
    int toneCount = 0;
    for (int k = 0; k < d.length(); k++) {
      char c = d.charAt(k);
      if (isToneMark(c) && !letters.isEmpty()) {
        tones.set(letters.size() - 1, c);
        toneCount++;
      } else if (Character.getType(c) == Character.NON_SPACING_MARK && !letters.isEmpty()) {
        letters.get(letters.size() - 1).append(c);
      } else {
        letters.add(new StringBuilder().append(c));
        tones.add('\0');
      }
    }
    int n = letters.size();
    if (toneCount != 1 || n < 2) {
      return word;
    }
    String first = lower(letters.get(n - 2).toString());
    String second = lower(letters.get(n - 1).toString());
    boolean oaOe = first.equals("o") && (second.equals("a") || second.equals("e"));
    boolean uy = first.equals("u") && second.equals("y");
    if (!oaOe && !uy) {
      return word;
    }
    boolean afterQ = uy && n >= 3 && lower(letters.get(n - 3).toString()).equals("q");
    int target = afterQ ? n - 1 : n - 2;
    int source = afterQ ? n - 2 : n - 1;
    if (tones.get(source) == '\0') {
      return word;
    }
    tones.set(target, tones.get(source));
    tones.set(source, '\0');
    StringBuilder rebuilt = new StringBuilder(d.length());
    for (int k = 0; k < n; k++) {
      rebuilt.append(letters.get(k));
      if (tones.get(k) != '\0') {
        rebuilt.append(tones.get(k).charValue());
      }
    }
    return Normalizer.normalize(rebuilt, Normalizer.Form.NFC);
  }
}
