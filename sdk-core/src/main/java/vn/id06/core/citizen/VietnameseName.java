package vn.id06.core.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * A Vietnamese full name (họ và tên): family name (họ), middle name (tên đệm, may be empty) and
 * given name (tên), written in that order.
 *
 * <p>{@link #of(String)} keeps the authority's spelling: case, apostrophes and tone placement stay
 * as written ("Ksor H'Bơ", "H'Hen Niê", a card's "NGUYỄN THỊ HÒA"), because a locked e-form field
 * must show the authority's text verbatim. Only what carries no meaning is normalised: NFC, the
 * look-alikes Ð/ð (U+00D0/U+00F0) replaced by Đ/đ, and spaces collapsed. {@link
 * #displayTitleCase()} gives a title-cased form for display. Two keys support matching: {@link
 * #comparisonKey()} (lower case, tone placement canonical, so "Hoà" and "Hòa" match) and {@link
 * #searchKey()} (no diacritics at all, đ to d).
 *
 * <p>Immutable and thread-safe; equality by {@link #value()}. {@link #toString()} never shows the
 * name.
 */
public final class VietnameseName {
  private static final String FIELD = "fullName";
  private static final int MAX_LENGTH = 100;
  private static final int MAX_INPUT = 1000;

  private final String value;
  private final List<String> words;

  private VietnameseName(String value, List<String> words) {
    this.value = value;
    this.words = words;
  }

  /**
   * Normalises and checks a full name.
   *
   * @param text the name as written
   * @return the name
   * @throws InvalidInputException field "fullName": EMPTY; TOO_LONG (over 100 characters after
   *     normalisation); MALFORMED (digits, control characters or other symbols)
   */
  public static VietnameseName of(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "a name is required");
    }
    if (text.length() > MAX_INPUT) {
      // Checked before normalising so a huge input costs nothing; spaces may still collapse below.
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    VietnameseName simple = ofSimpleText(text);
    return simple != null ? simple : ofAnyText(text);
  }

  /**
   * The general normalisation behind {@link #of}: NFC, then words split on any space, checked and
   * title-cased one by one. The reference {@link #ofSimpleText} is tested against.
   */
  static VietnameseName ofAnyText(String text) {
    String s = VietnameseText.nfc(text);
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (current.length() > 0) {
          words.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      check(cp);
      current.appendCodePoint(cp);
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    if (words.isEmpty()) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "a name is required");
    }
    String value = String.join(" ", words);
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    return new VietnameseName(value, List.copyOf(words));
  }

  /**
   * {@link #ofAnyText} in one pass for the usual name: letters from {@link #SIMPLE_LOWER}, single
   * ASCII spaces, hyphens and apostrophes. Such text is NFC already, so the value is built directly
   * (and is the input itself when only spaces were already single). Returns null for any other
   * text, which the general path then decides.
   */
  static VietnameseName ofSimpleText(String text) {
    int n = text.length();
    char[] out = new char[n];
    int len = 0;
    int wordCount = 0;
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        inWord = false;
        continue;
      }
      if (!inWord) {
        if (wordCount > 0) {
          out[len++] = ' ';
        }
        wordCount++;
        inWord = true;
      }
      if (c != '-' && c != '\'') {
        int k = simpleIndex(c);
        if (k < 0 || SIMPLE_LOWER[k] == 0) {
          return null;
        }
      }
      out[len++] = c;
    }
    if (wordCount == 0) {
      return null;
    }
    if (len > MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    // Same length: no space was dropped, so the input is the value.
    String value = len == n ? text : new String(out, 0, len);
    String[] words = new String[wordCount];
    int from = 0;
    for (int w = 0; w < wordCount; w++) {
      int to = w == wordCount - 1 ? len : value.indexOf(' ', from);
      words[w] = value.substring(from, to);
      from = to + 1;
    }
    return new VietnameseName(value, List.of(words));
  }

  // Non-zero (the lower case) for the letters ofSimpleText handles: letters below U+0250 and in
  // Latin Extended Additional (the precomposed Vietnamese letters), which are NFC on their own,
  // whose case maps to exactly one letter, and which are no Ð/ð (NFC replaces those); 0 for every
  // other char.
  private static final int SIMPLE_SPLIT = 0x250;
  private static final int SIMPLE_GAP = 0x1E00 - SIMPLE_SPLIT;
  private static final char[] SIMPLE_LOWER = new char[SIMPLE_SPLIT + 0x100];

  static {
    for (int k = 0; k < SIMPLE_LOWER.length; k++) {
      char c = (char) (k < SIMPLE_SPLIT ? k : k + SIMPLE_GAP);
      if (!Character.isLetter(c) || c == '\u00D0' || c == '\u00F0') {
        continue;
      }
      String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
      if (lower.length() != 1 || !Character.isLetter(lower.charAt(0))) {
        continue;
      }
      String title = lower.toUpperCase(Locale.ROOT);
      if (title.length() != 1) {
        continue;
      }
      SIMPLE_LOWER[k] = lower.charAt(0);
    }
  }

  /** The index of {@code c} in the simple tables, or -1 when it is outside them. */
  private static int simpleIndex(char c) {
    if (c < SIMPLE_SPLIT) {
      return c;
    }
    return c >= 0x1E00 && c <= 0x1EFF ? c - SIMPLE_GAP : -1;
  }

  private static void check(int cp) {
    if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
      return;
    }
    // Apostrophes and hyphens occur in names of ethnic minorities and foreign-born citizens.
    if (cp == '\'' || cp == '\u2019' || cp == '-') {
      return;
    }
    if (Character.isDigit(cp)) {
      throw new InvalidInputException(FIELD, InputReason.MALFORMED, "digits in a name");
    }
    if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
      throw new InvalidInputException(FIELD, InputReason.MALFORMED, "control characters in a name");
    }
    throw new InvalidInputException(FIELD, InputReason.MALFORMED, "symbols in a name");
  }

  /**
   * Upper-cases the first letter of the word and of each hyphen-separated part, lowers the rest.
   */
  private static String titleCase(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean start = true;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (start && Character.isLetter(cp)) {
        if (cp < 0x80 || cp == 'đ') {
          // One char in, one char out: no String needed (ß, ŉ and others expand, so not for all).
          out.append(Character.toUpperCase((char) cp));
        } else {
          out.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
        }
        start = false;
      } else {
        out.appendCodePoint(cp);
        if (cp == '-' || cp == '\'' || cp == '\u2019') {
          start = true;
        }
      }
    }
    return out.toString();
  }

  /**
   * The full name as the authority wrote it.
   *
   * @return NFC, Đ for Ð, single spaces; case and apostrophes as written
   */
  public String value() {
    return value;
  }

  /**
   * The name title-cased for display: each word and each hyphenated part starts with a capital, the
   * rest in lower case, except that a letter after an apostrophe keeps its case ("H'Bơ" stays).
   * Never use it as the value of a locked field: {@link #value()} is the authority's spelling.
   *
   * @return the title-cased name (personal data: do not log)
   */
  public String displayTitleCase() {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(titleCase(w));
    }
    return String.join(" ", out);
  }

  /**
   * The family name (họ): the first word; empty for a one-word name.
   *
   * @return the family name
   */
  public String familyName() {
    return words.size() == 1 ? "" : words.get(0);
  }

  /**
   * The middle name (tên đệm): the words between family and given name, possibly empty.
   *
   * @return the middle name
   */
  public String middleName() {
    return words.size() <= 2 ? "" : String.join(" ", words.subList(1, words.size() - 1));
  }

  /**
   * The given name (tên): the last word.
   *
   * @return the given name
   */
  public String givenName() {
    return words.get(words.size() - 1);
  }

  /**
   * A key for exact matching: lower case, NFC, with tone marks of oa/oe/uy syllables in one
   * canonical place, so "Nguyễn Thị Thuý Hoà" and "NGUYỄN THỊ THÚY HÒA" have the same key.
   *
   * @return the key (personal data: do not log)
   */
  public String comparisonKey() {
    return VietnameseText.canonicalTones(VietnameseText.lower(value));
  }

  /**
   * A key for lenient search: {@link #comparisonKey()} without any diacritics and with đ as d.
   *
   * @return the key (personal data: do not log)
   */
  public String searchKey() {
    return VietnameseText.stripDiacritics(comparisonKey());
  }

  /**
   * Whether two names are the same up to case, Unicode form and tone placement.
   *
   * @param other the other name
   * @return true if the comparison keys are equal
   */
  public boolean sameAs(VietnameseName other) {
    return comparisonKey().equals(Objects.requireNonNull(other, "other").comparisonKey());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VietnameseName n && n.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: a name is personal data. */
  @Override
  public String toString() {
    return "VietnameseName[****]";
  }
}
