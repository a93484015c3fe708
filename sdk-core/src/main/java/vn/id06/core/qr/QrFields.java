package vn.id06.core.qr;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The {@code |}-separated fields of a QR text, split by hand (no regex, no copies until a field is
 * read). Each field is trimmed; {@link #stripLabels()} drops vendor labels such as {@code CCCD:}.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class QrFields {
  static final String FIELD = "qr";

  /** More fields than any known layout plus generous room for unknown 2024 additions. */
  static final int MAX_FIELDS = 64;

  /** Labels some scanners put before a value, lower case; compared before the first colon. */
  private static final Set<String> LABELS =
      Set.of(
          "cccd",
          "số cccd",
          "so cccd",
          "cmnd",
          "số cmnd",
          "so cmnd",
          "cmnd cũ",
          "cmnd cu",
          "căn cước",
          "can cuoc",
          "số định danh",
          "so dinh danh",
          "số định danh cá nhân",
          "so dinh danh ca nhan",
          "id",
          "old id",
          "họ và tên",
          "ho va ten",
          "họ tên",
          "ho ten",
          "tên",
          "ten",
          "name",
          "full name",
          "fullname",
          "ngày sinh",
          "ngay sinh",
          "ngày tháng năm sinh",
          "ngay thang nam sinh",
          "dob",
          "date of birth",
          "giới tính",
          "gioi tinh",
          "sex",
          "gender",
          "địa chỉ",
          "dia chi",
          "nơi thường trú",
          "noi thuong tru",
          "thường trú",
          "thuong tru",
          "address",
          "ngày cấp",
          "ngay cap",
          "issue date",
          "date of issue",
          "ngày hết hạn",
          "ngay het han",
          "có giá trị đến",
          "co gia tri den",
          "expiry",
          "expiry date",
          "date of expiry");

  /** A label is short; looking further for a colon would only find colons inside values. */
  private static final int MAX_LABEL_LENGTH = 24;

  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final int count;

  private QrFields(String text, int[] starts, int[] ends, int count) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  /**
   * Splits the text: drops a leading BOM and surrounding whitespace (a trailing CR/LF included),
   * refuses control characters, line breaks inside the text and broken surrogate pairs, and splits
   * on {@code |}.
   */
  static QrFields split(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isOuterSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isOuterSpace(s.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "no text");
    }
    int[] starts = new int[12];
    int[] ends = new int[12];
    int n = 0;
    int fieldStart = from;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '|') {
        if (n + 1 >= MAX_FIELDS) {
          throw new InvalidInputException(
              FIELD, InputReason.WRONG_FIELD_COUNT, "more than " + MAX_FIELDS + " fields");
        }
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
          ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = fieldStart;
        ends[n] = i;
        n++;
        fieldStart = i + 1;
      } else if (c < 0x20 || c == 0x7F) {
        if (c == '\r' || c == '\n') {
          throw new InvalidInputException(
              FIELD, InputReason.MALFORMED, "line break inside the text");
        }
        if (c != '\t') {
          throw new InvalidInputException(FIELD, InputReason.BINARY_DATA, "control character");
        }
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < to
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new InvalidInputException(FIELD, InputReason.BINARY_DATA, "broken surrogate pair");
        }
      }
    }
    if (n == starts.length) {
      starts = Arrays.copyOf(starts, n + 1);
      ends = Arrays.copyOf(ends, n + 1);
    }
    starts[n] = fieldStart;
    ends[n] = to;
    n++;
    QrFields f = new QrFields(s, starts, ends, n);
    for (int i = 0; i < n; i++) {
      f.trim(i);
    }
    return f;
  }

  int count() {
    return count;
  }

  /** The trimmed field as a new string. */
  String get(int i) {
    return text.substring(starts[i], ends[i]);
  }

  boolean isEmpty(int i) {
    return starts[i] == ends[i];
  }

  int length(int i) {
    return ends[i] - starts[i];
  }

  char charAt(int i, int offset) {
    return text.charAt(starts[i] + offset);
  }

  /** Whether the field is exactly {@code value}. */
  boolean is(int i, String value) {
    int len = ends[i] - starts[i];
    return len == value.length() && text.regionMatches(starts[i], value, 0, len);
  }

  /** Drops the last field (the BHYT {@code $} terminator). */
  QrFields withoutLast() {
    return new QrFields(text, starts, ends, count - 1);
  }

  /** Drops a known label followed by a colon at the start of each field. */
  void stripLabels() {
    for (int i = 0; i < count; i++) {
      int limit = Math.min(ends[i], starts[i] + MAX_LABEL_LENGTH + 1);
      for (int p = starts[i]; p < limit; p++) {
        if (text.charAt(p) == ':') {
          String label = text.substring(starts[i], p).strip().toLowerCase(Locale.ROOT);
          if (LABELS.contains(label)) {
            starts[i] = p + 1;
            trim(i);
          }
          break;
        }
      }
    }
  }

  /** Whether the field is all ASCII digits (possibly empty). */
  boolean isAsciiDigits(int i) {
    for (int p = starts[i]; p < ends[i]; p++) {
      char c = text.charAt(p);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether the field has an ASCII letter or a space, which a number never has, even damaged. */
  boolean hasLetterOrSpace(int i) {
    for (int p = starts[i]; p < ends[i]; p++) {
      char c = text.charAt(p);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the field reads as a date in the card layouts: {@code ddMMyyyy}, {@code dd/MM/yyyy} or
   * {@code dd-MM-yyyy} in ASCII digits. Damaged dates do not count: this only tells layouts apart.
   */
  boolean looksLikeDate(int i) {
    int len = length(i);
    if (len == 8) {
      return isAsciiDigits(i);
    }
    if (len != 10) {
      return false;
    }
    char sep = charAt(i, 2);
    if ((sep != '/' && sep != '-') || charAt(i, 5) != sep) {
      return false;
    }
    for (int k = 0; k < 10; k++) {
      if (k != 2 && k != 5) {
        char c = charAt(i, k);
        if (c < '0' || c > '9') {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the field could be the sex field ("Nam" / "Nữ"), also damaged (mojibake, NFD, Telex,
   * VNI): short and starting with N. Names and addresses are longer; dates and IDs do not start
   * with N.
   */
  boolean looksLikeSex(int i) {
    int len = length(i);
    if (len < 2 || len > 6) {
      return false;
    }
    char c = charAt(i, 0);
    return c == 'N' || c == 'n';
  }

  /** Whether the field says the card has no expiry ("Không thời hạn"), accents and case ignored. */
  boolean saysNoExpiry(int i) {
    int len = length(i);
    if (len < 12 || len > 24) {
      return false;
    }
    String v = Normalizer.normalize(get(i), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return v.equals("không thời hạn") || v.equals("khong thoi han");
  }

  private void trim(int i) {
    int a = starts[i];
    int b = ends[i];
    while (a < b && isInnerSpace(text.charAt(a))) {
      a++;
    }
    while (b > a && isInnerSpace(text.charAt(b - 1))) {
      b--;
    }
    starts[i] = a;
    ends[i] = b;
  }

  // No U+00A0 here: it is the second byte of "à" (C3 A0) in UTF-8 read as CP1252 or Latin-1, so
  // trimming
  // it would destroy the evidence a name ending in "à" needs for its repair.
  private static boolean isOuterSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF';
  }

  private static boolean isInnerSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
