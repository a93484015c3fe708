package vn.id06.core.qr;

import java.util.ArrayList;
import java.util.List;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The fields after a known layout: kept as they are (the 2024 card's layout is not published), but
 * refused when they hold controls or form a second card. Stateless.
 */
final class ExtraFields {
  private ExtraFields() {}

  /** Fields {@code [from, to)}, raw; controls refused. */
  static List<String> of(QrFields f, int from, int to) {
    if (from >= to) {
      return List.of();
    }
    List<String> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      FieldReader.refuseControls(QrFields.FIELD, f.get(i));
      out.add(f.get(i));
    }
    return out;
  }

  /**
   * Extras that form a card of their own (a 12-digit ID, a name and a date) are a second scan
   * joined on, and would put another person's data beside this one's.
   */
  static void refuseSecondCard(List<String> extras) {
    boolean id = false;
    boolean date = false;
    boolean name = false;
    for (String e : extras) {
      String v = e.strip();
      id |= v.length() == 12 && isAsciiDigits(v);
      date |= looksLikeDate(v);
      name |= hasLetter(v) && !NoExpiry.isNoExpiryText(v);
    }
    if (id && date && name) {
      throw new InvalidInputException(
          QrFields.FIELD,
          InputReason.UNRECOGNISED_FORMAT,
          "the extra fields hold a second card (a 12-digit ID, a name and a date): two scans"
              + " joined?");
    }
  }

  /** Date shapes: ddMMyyyy, dd/MM/yyyy, dd-MM-yyyy. */
  private static boolean looksLikeDate(String v) {
    if (v.length() == 8) {
      return isAsciiDigits(v);
    }
    return v.length() == 10
        && (v.charAt(2) == '/' || v.charAt(2) == '-')
        && v.charAt(5) == v.charAt(2)
        && isAsciiDigits(v.substring(0, 2) + v.substring(3, 5) + v.substring(6));
  }

  private static boolean isAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
