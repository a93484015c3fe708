package vn.id06.cardreader;

/** ICAO 9303 part 3 check digits and MRZ character values. Stateless and thread-safe. */
final class Mrz {
  private static final int[] WEIGHTS = {7, 3, 1};

  private Mrz() {}

  /** The value of an MRZ character, or -1 for a character outside the MRZ alphabet. */
  static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c == '<') {
      return 0;
    }
    return -1;
  }

  /** The check digit over {@code text}; characters outside the MRZ alphabet are refused. */
  static char checkDigit(String text) {
    int sum = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = value(text.charAt(i));
      if (v < 0) {
        throw Errors.malformed("mrz", "a character outside the MRZ alphabet");
      }
      sum += v * WEIGHTS[i % 3];
    }
    return (char) ('0' + sum % 10);
  }
}
