package vn.id06.core.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.Digits;

/**
 * A date that may be known only to the year or the month, as birth dates often are in Vietnamese
 * records ("1950", "03/1950").
 *
 * <p>Years are limited to 1800..2399: the 12-digit ID encodes birth years 1900..2399, and older
 * dates appear in historical civil-status records. Ordering (compareTo) is by year, then month,
 * then day, a missing month or day sorting before any known one; it is consistent with equals.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is masked: a birth date is personal data.
 */
public final class PartialDate implements Comparable<PartialDate> {
  /** How much of the date is known. */
  public enum Precision {
    /** Only the year. */
    YEAR,
    /** Year and month. */
    MONTH,
    /** Year, month and day. */
    DAY
  }

  /** Earliest accepted year. */
  private static final int MIN_YEAR = 1800;

  /** Latest accepted year. */
  private static final int MAX_YEAR = 2399;

  private static final String DEFAULT_FIELD = "date";
  private static final int MAX_INPUT = 32;

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final Pattern VN_DAY = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern VN_MONTH = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");
  private static final Pattern VN_YEAR = Pattern.compile("\\d{4}");

  private final int year;
  private final int month; // 0 = unknown
  private final int day; // 0 = unknown

  private PartialDate(int year, int month, int day) {
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /**
   * A date known to the year.
   *
   * @param year 1800..2399
   * @return the date
   * @throws InvalidInputException (field "date", IMPOSSIBLE_DATE) if out of range
   */
  public static PartialDate of(int year) {
    return create(DEFAULT_FIELD, year, 0, 0);
  }

  /**
   * A date known to the month.
   *
   * @param year 1800..2399
   * @param month 1..12
   * @return the date
   * @throws InvalidInputException (field "date", IMPOSSIBLE_DATE) if impossible
   */
  public static PartialDate of(int year, int month) {
    requirePositive(DEFAULT_FIELD, month);
    return create(DEFAULT_FIELD, year, month, 0);
  }

  /**
   * A date known to the day.
   *
   * @param year 1800..2399
   * @param month 1..12
   * @param day 1..28/29/30/31 as the month allows
   * @return the date
   * @throws InvalidInputException (field "date", IMPOSSIBLE_DATE) if impossible
   */
  public static PartialDate of(int year, int month, int day) {
    requirePositive(DEFAULT_FIELD, month);
    requirePositive(DEFAULT_FIELD, day);
    return create(DEFAULT_FIELD, year, month, day);
  }

  /**
   * A full date.
   *
   * @param date the date
   * @return the date with day precision
   * @throws InvalidInputException (field "date", IMPOSSIBLE_DATE) if the year is out of range
   */
  public static PartialDate of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return create(DEFAULT_FIELD, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** Zero means "unknown" inside this class; callers that state a month or day must give one. */
  private static void requirePositive(String field, int monthOrDay) {
    if (monthOrDay < 1) {
      throw new InvalidInputException(
          field, InputReason.IMPOSSIBLE_DATE, "month and day start at 1");
    }
  }

  private static PartialDate create(String field, int year, int month, int day) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidInputException(
          field, InputReason.IMPOSSIBLE_DATE, "year outside " + MIN_YEAR + ".." + MAX_YEAR);
    }
    if (month == 0 && day != 0) {
      throw new InvalidInputException(field, InputReason.IMPOSSIBLE_DATE, "day without month");
    }
    if (month < 0 || month > 12) {
      throw new InvalidInputException(field, InputReason.IMPOSSIBLE_DATE, "no such month");
    }
    if (day < 0 || (month != 0 && day > YearMonth.of(year, month).lengthOfMonth())) {
      throw new InvalidInputException(field, InputReason.IMPOSSIBLE_DATE, "no such day in month");
    }
    return new PartialDate(year, month, day);
  }

  /**
   * Parses ISO-8601 forms: {@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd} (ASCII digits;
   * surrounding spaces ignored).
   *
   * @param field the field name used in errors
   * @param text the text
   * @return the date
   * @throws InvalidInputException EMPTY, TOO_LONG, MALFORMED or IMPOSSIBLE_DATE
   */
  public static PartialDate parseIso(String field, String text) {
    String s = prepare(field, text);
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      throw malformed(field, "expected yyyy, yyyy-MM or yyyy-MM-dd");
    }
    // In ISO text an absent part is left out, so a zero month or day is simply impossible.
    if (m.group(2) != null) {
      requirePositive(field, num(m.group(2)));
    }
    if (m.group(3) != null) {
      requirePositive(field, num(m.group(3)));
    }
    return create(field, num(m.group(1)), num(m.group(2)), num(m.group(3)));
  }

  /**
   * Parses the forms used on Vietnamese documents and QR codes: {@code ddMMyyyy}, {@code
   * dd/MM/yyyy}, {@code dd-MM-yyyy} (also with dots or one-digit day and month), {@code MM/yyyy}
   * and {@code yyyy}.
   *
   * <p>Records of people whose day or month of birth is unknown write zeros ("00/00/1950",
   * "00/03/1950"): a zero day or month is read as unknown, giving a year or month precision.
   *
   * @param field the field name used in errors
   * @param text the text
   * @return the date
   * @throws InvalidInputException EMPTY, TOO_LONG, MALFORMED or IMPOSSIBLE_DATE
   */
  public static PartialDate parseVietnamese(String field, String text) {
    String s = prepare(field, text);
    if (s.length() == 8 && Digits.isAsciiDigits(s)) {
      // ddMMyyyy, the card layout, read without a regex.
      return dayMonthYear(field, s.substring(0, 2), s.substring(2, 4), s.substring(4));
    }
    Matcher full = VN_DAY.matcher(s);
    if (full.matches()) {
      return dayMonthYear(field, full.group(1), full.group(3), full.group(4));
    }
    Matcher monthYear = VN_MONTH.matcher(s);
    if (monthYear.matches()) {
      return create(field, num(monthYear.group(2)), num(monthYear.group(1)), 0);
    }
    if (VN_YEAR.matcher(s).matches()) {
      return create(field, num(s), 0, 0);
    }
    throw malformed(field, "expected ddMMyyyy, dd/MM/yyyy, dd-MM-yyyy, MM/yyyy or yyyy");
  }

  private static PartialDate dayMonthYear(String field, String d, String m, String y) {
    int day = num(d);
    int month = num(m);
    if (month == 0 && day != 0) {
      throw new InvalidInputException(field, InputReason.IMPOSSIBLE_DATE, "day without month");
    }
    return create(field, num(y), month, day);
  }

  private static String prepare(String field, String text) {
    Objects.requireNonNull(field, "field");
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "a date is required");
    }
    String s = text.strip();
    if (s.length() > MAX_INPUT) {
      throw new InvalidInputException(field, InputReason.TOO_LONG, "not a date");
    }
    return s;
  }

  private static InvalidInputException malformed(String field, String detail) {
    return new InvalidInputException(field, InputReason.MALFORMED, detail);
  }

  /**
   * Parses ASCII digits only (the patterns use \d, which is ASCII-only without
   * UNICODE_CHARACTER_CLASS).
   */
  private static int num(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /**
   * The year.
   *
   * @return 1800..2399
   */
  public int year() {
    return year;
  }

  /**
   * The month, when known.
   *
   * @return 1..12, or empty
   */
  public OptionalInt month() {
    return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
  }

  /**
   * The day of month, when known.
   *
   * @return 1..31, or empty
   */
  public OptionalInt day() {
    return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
  }

  /**
   * How much is known.
   *
   * @return the precision
   */
  public Precision precision() {
    if (day != 0) {
      return Precision.DAY;
    }
    return month != 0 ? Precision.MONTH : Precision.YEAR;
  }

  /**
   * The full date, when the day is known.
   *
   * @return the date, or empty for year or month precision
   */
  public Optional<LocalDate> toLocalDate() {
    return day == 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
  }

  /**
   * ISO-8601 text: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}.
   *
   * @return the text
   */
  public String toIso() {
    // By hand rather than String.format: this runs once per subject on the gateway's batch path.
    StringBuilder b = new StringBuilder(10);
    padded(b, year, 4);
    if (month != 0) {
      padded(b.append('-'), month, 2);
      if (day != 0) {
        padded(b.append('-'), day, 2);
      }
    }
    return b.toString();
  }

  private static void padded(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int k = digits.length(); k < width; k++) {
      b.append('0');
    }
    b.append(digits);
  }

  /** The first day the date can stand for. */
  private LocalDate earliest() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day the date can stand for. */
  private LocalDate latest() {
    if (month == 0) {
      return LocalDate.of(year, 12, 31);
    }
    if (day == 0) {
      return YearMonth.of(year, month).atEndOfMonth();
    }
    return LocalDate.of(year, month, day);
  }

  /**
   * The one rule for a date of birth, wherever it comes from (a card QR, a declared date on the
   * command line, a form): it may not lie after today, as the clock's zone sees today.
   *
   * @param field the field the date was read from, named in the exception
   * @param clock the clock whose zone decides "today"
   * @return this date
   * @throws InvalidInputException with {@code FUTURE_DATE} when any day of this date is after today
   */
  public PartialDate requireBirthDateBefore(CitizenField field, Clock clock) {
    LocalDate today = LocalDate.now(Objects.requireNonNull(clock, "clock"));
    if (isAfter(today)) {
      throw new InvalidInputException(field, InputReason.FUTURE_DATE, "after today");
    }
    return this;
  }

  /**
   * Whether every day this date can stand for is after {@code date} ("certainly after").
   *
   * @param date the date to compare with
   * @return true if certainly after
   */
  public boolean isAfter(LocalDate date) {
    return earliest().isAfter(Objects.requireNonNull(date, "date"));
  }

  /**
   * Whether {@code date} is one of the days this date can stand for (1985-03 could be 1985-03-14).
   *
   * @param date the full date
   * @return true if compatible
   */
  public boolean couldBe(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !date.isBefore(earliest()) && !date.isAfter(latest());
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = Integer.compare(year, o.year);
    if (c == 0) {
      c = Integer.compare(month, o.month);
    }
    return c != 0 ? c : Integer.compare(day, o.day);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialDate p && year == p.year && month == p.month && day == p.day;
  }

  @Override
  public int hashCode() {
    return (year * 13 + month) * 32 + day;
  }

  /** Masked: a birth date is personal data. */
  @Override
  public String toString() {
    return "PartialDate[****]";
  }
}
