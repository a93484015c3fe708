package vn.id06.eform;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * A check a filled form's values go through, with its message in Vietnamese and in English. {@code
 * {0}} in a message is the field's label in the message's language; {@code {1}} a limit.
 *
 * <p>Immutable and thread-safe.
 */
public enum ValidationRule {
  /** A required field is empty. */
  REQUIRED("{0}: bắt buộc phải nhập.", "{0}: this field is required."),
  /** The value is longer than allowed. */
  MAX_LENGTH("{0}: không được dài quá {1} ký tự.", "{0}: at most {1} characters."),
  /** The value does not have the required form. */
  PATTERN("{0}: không đúng định dạng.", "{0}: the value is not in the expected format."),
  /** Not a date (yyyy-MM-dd), or a day that does not exist. */
  DATE_FORMAT(
      "{0}: ngày không hợp lệ (định dạng năm-tháng-ngày, ví dụ 1990-03-14).",
      "{0}: not a valid date (year-month-day, e.g. 1990-03-14)."),
  /** Not a date, year-month or year. */
  PARTIAL_DATE_FORMAT(
      "{0}: ngày không hợp lệ (năm, năm-tháng hoặc năm-tháng-ngày).",
      "{0}: not a valid date (year, year-month or year-month-day)."),
  /** A date that must not lie in the future does. */
  DATE_IN_FUTURE(
      "{0}: không được là ngày trong tương lai.", "{0}: the date cannot be in the future."),
  /** The value is not one of the field's options. */
  UNKNOWN_CHOICE(
      "{0}: giá trị không có trong danh sách.", "{0}: the value is not one of the options."),
  /** Not 12 digits. */
  CITIZEN_ID_FORMAT(
      "{0}: số định danh cá nhân phải gồm đúng 12 chữ số.",
      "{0}: a personal identification number has exactly 12 digits."),
  /** The ID cannot exist (e.g. it encodes a birth year in the future). */
  CITIZEN_ID_IMPOSSIBLE(
      "{0}: số định danh cá nhân không thể tồn tại.",
      "{0}: this personal identification number cannot exist."),
  /** The sex encoded in the ID differs from the sex given. */
  CITIZEN_ID_SEX_MISMATCH(
      "{0}: giới tính mã hóa trong số định danh không khớp với giới tính đã khai.",
      "{0}: the sex encoded in the number differs from the sex given."),
  /** The birth year encoded in the ID differs from the date of birth given. */
  CITIZEN_ID_BIRTH_YEAR_MISMATCH(
      "{0}: năm sinh mã hóa trong số định danh không khớp với ngày sinh đã khai.",
      "{0}: the birth year encoded in the number differs from the date of birth given."),
  /** An address that must be confirmed under the administrative units in force today. */
  ADDRESS_TO_CONFIRM(
      "{0}: cần xác nhận lại địa chỉ theo đơn vị hành chính hiện hành (sau sắp xếp năm 2025).",
      "{0}: confirm the address under today''s administrative units (after the 2025 reform)."),
  /** A repeating group has too few entries. */
  TOO_FEW_ENTRIES("{0}: cần ít nhất {1} người.", "{0}: at least {1} entries are needed."),
  /** A repeating group has too many entries. */
  TOO_MANY_ENTRIES("{0}: nhiều nhất {1} người.", "{0}: at most {1} entries.");

  private final String vi;
  private final String en;

  ValidationRule(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  /**
   * The message for a field, in both languages.
   *
   * @param label the field's label
   * @param limit the limit the rule names, or null
   * @return the message
   */
  public LocalizedText message(LocalizedText label, Object limit) {
    return new LocalizedText(format(vi, label.vi(), limit), format(en, label.en(), limit));
  }

  private static String format(String pattern, String label, Object limit) {
    return new MessageFormat(pattern, Locale.ROOT)
        .format(new Object[] {label, limit == null ? "" : String.valueOf(limit)});
  }
}
