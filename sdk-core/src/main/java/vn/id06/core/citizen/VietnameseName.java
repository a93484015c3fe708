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
 * <p>{@link #of(String)} normalises what arrives from forms, QR codes and old databases: NFC, the
 * look-alikes Ð/ð (U+00D0/U+00F0) replaced by Đ/đ, spaces collapsed, each word title-cased. Two
 * keys support matching: {@link #comparisonKey()} (lower case, tone placement canonical, so "Hoà"
 * and "Hòa" match) and {@link #searchKey()} (no diacritics at all, đ to d).
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
    String s = VietnameseText.nfc(text);
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (current.length() > 0) {
          words.add(titleCase(current.toString()));
          current.setLength(0);
        }
        continue;
      }
      check(cp);
      current.appendCodePoint(cp);
    }
    if (current.length() > 0) {
      words.add(titleCase(current.toString()));
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
        if (cp == '-') {
          start = true;
        }
      }
    }
    return out.toString();
  }

  /**
   * The normalised full name.
   *
   * @return NFC, title-cased, single spaces
   */
  public String value() {
    return value;
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
