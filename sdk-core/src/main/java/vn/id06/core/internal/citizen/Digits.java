package vn.id06.core.internal.citizen;

import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** Shape checks and masking for digit strings. Stateless and thread-safe. */
public final class Digits {
  private Digits() {}

  /**
   * True if every char is an ASCII digit 0-9 (not Character.isDigit, which also accepts
   * Arabic-Indic, full-width and other Unicode digits that must never reach an ID field).
   *
   * @param s text
   * @return true if non-empty and all ASCII digits
   */
  public static boolean isAsciiDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that the text is ASCII digits of one of the allowed lengths, after stripping surrounding
   * whitespace.
   *
   * @param field field name for errors
   * @param text the input
   * @param lengths allowed lengths
   * @return the stripped digits
   * @throws InvalidInputException EMPTY, NOT_DIGITS or WRONG_LENGTH; messages never hold the input
   */
  public static String require(String field, String text, int... lengths) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "a number is required");
    }
    String s = text.strip();
    if (!isAsciiDigits(s)) {
      throw new InvalidInputException(field, InputReason.NOT_DIGITS, "only ASCII digits 0-9");
    }
    for (int n : lengths) {
      if (s.length() == n) {
        return s;
      }
    }
    StringBuilder expected = new StringBuilder("expected ");
    for (int i = 0; i < lengths.length; i++) {
      if (i > 0) {
        expected.append(" or ");
      }
      expected.append(lengths[i]);
    }
    throw new InvalidInputException(
        field, InputReason.WRONG_LENGTH, expected.append(" digits").toString());
  }

  /**
   * Masks all but the first three and last two digits: {@code 079*******45}.
   *
   * @param digits at least 5 digits
   * @return the masked form
   */
  public static String mask(String digits) {
    int n = digits.length();
    if (n <= 5) {
      return "*".repeat(n);
    }
    return digits.substring(0, 3) + "*".repeat(n - 5) + digits.substring(n - 2);
  }
}
