package vn.id06.core.insurance;

import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Shape rules of the health-insurance (BHYT) card number: the old 15-character form {@code XX Y ZZ
 * NNNNNNNNNN} (beneficiary group, benefit level 1..5, province, social-insurance number) and the
 * 10-digit form used since 2021. Stateless and thread-safe.
 */
final class BhytCardNumbers {
  /** Field name used in exceptions and repairs. */
  static final String FIELD = "cardNumber";

  private BhytCardNumbers() {}

  /**
   * Normalises a card number: drops spaces and hyphens (the printed form is grouped), upper-cases
   * the group letters, and checks the shape.
   *
   * @param raw the card number as printed or scanned
   * @return the normalised card number (15 or 10 characters)
   * @throws InvalidInputException with field {@code cardNumber} when the shape is wrong
   */
  static String normalise(String raw) {
    if (raw == null) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "card number is missing");
    }
    StringBuilder sb = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '-' || (c >= 'a' && c <= 'z')) {
        if (sb == null) {
          sb = new StringBuilder(raw.length());
          sb.append(raw, 0, i);
        }
        if (c >= 'a') {
          sb.append((char) (c - ('a' - 'A')));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String s = sb == null ? raw : sb.toString();
    if (s.isEmpty()) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "card number is missing");
    }
    if (s.length() == 10) {
      requireDigits(s, 0);
      return s;
    }
    if (s.length() == 15) {
      if (!isUpperAscii(s.charAt(0)) || !isUpperAscii(s.charAt(1))) {
        throw new InvalidInputException(
            FIELD, InputReason.MALFORMED, "the 15-character form starts with two letters");
      }
      requireDigits(s, 2);
      char level = s.charAt(2);
      if (level < '1' || level > '5') {
        throw new InvalidInputException(FIELD, InputReason.MALFORMED, "benefit level is not 1..5");
      }
      return s;
    }
    throw new InvalidInputException(
        FIELD, InputReason.WRONG_LENGTH, "expected 10 or 15 characters");
  }

  /**
   * Returns the 10-digit social-insurance number (mã số BHXH) of a normalised card number.
   *
   * @param normalised a value returned by {@link #normalise(String)}
   * @return the last 10 digits
   */
  static String socialInsuranceNumber(String normalised) {
    return normalised.length() == 10 ? normalised : normalised.substring(normalised.length() - 10);
  }

  /**
   * Masks a card or social-insurance number: first 3 and last 2 characters kept.
   *
   * @param value the number, may be null
   * @return the masked form
   */
  static String mask(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= 5) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 3)
        + "*".repeat(value.length() - 5)
        + value.substring(value.length() - 2);
  }

  private static void requireDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInputException(FIELD, InputReason.NOT_DIGITS, "expected ASCII digits");
      }
    }
  }

  private static boolean isUpperAscii(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
