package vn.id06.core.qr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.text.Repair;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/**
 * One parse's per-field typing: digits, dates and hex text through the repairer, each repair
 * collected under its field, and the parse's "now" read once from the clock.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class FieldReader {
  static final String CITIZEN_ID = "citizenId";
  static final String LEGACY_ID = "legacyId";
  static final String FULL_NAME = "fullName";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String SEX = "sex";
  static final String ADDRESS = "address";
  static final String ISSUE_DATE = "issueDate";
  static final String EXPIRY_DATE = "expiryDate";
  static final String CARD_NUMBER = CitizenField.HEALTH_INSURANCE_CARD_NUMBER.jsonName();
  static final String FACILITY_CODE = "facilityCode";
  static final String VALID_FROM = "validFrom";
  static final String VALID_TO = "validTo";

  private final Clock clock;
  private final TextRepairer repairer;
  private final List<RepairKind> byteRepairs;
  private final Instant now;
  private final LocalDate today;
  private List<Repair> repairs;

  /**
   * Starts a parse.
   *
   * @param clock decides "today"; read once here
   * @param repairer the text repairer
   * @param byteRepairs repairs made to the whole input's bytes before it was split (a legacy
   *     decoding), attributed to each text field holding non-ASCII text
   */
  FieldReader(Clock clock, TextRepairer repairer, List<RepairKind> byteRepairs) {
    this.clock = clock;
    this.repairer = repairer;
    this.byteRepairs = byteRepairs;
    this.now = clock.instant();
    this.today = LocalDate.ofInstant(now, clock.getZone());
  }

  TextRepairer repairer() {
    return repairer;
  }

  Instant now() {
    return now;
  }

  LocalDate today() {
    return today;
  }

  PartialDate dateOfBirth(String raw) {
    PartialDate dob = PartialDate.parseVietnamese(DATE_OF_BIRTH, date(DATE_OF_BIRTH, raw));
    return dob.requireBirthDateBefore(CitizenField.DATE_OF_BIRTH, clock);
  }

  /** A date that must name a day. */
  LocalDate fullDate(String field, String raw) {
    PartialDate d = PartialDate.parseVietnamese(field, date(field, raw));
    return d.toLocalDate()
        .orElseThrow(
            () -> new InvalidInputException(field, InputReason.MALFORMED, "day and month missing"));
  }

  /** A BHYT validity date; "-" or empty means none. */
  LocalDate optionalDate(String field, String raw) {
    if (raw.isEmpty() || raw.equals("-")) {
      return null;
    }
    return fullDate(field, raw);
  }

  /**
   * A date through {@link TextRepairer#digits}: the digit groups one by one when separated by '/'
   * or '-', so the separators are kept for {@link PartialDate#parseVietnamese}.
   */
  private String date(String field, String raw) {
    if (raw.isEmpty()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "date missing");
    }
    char sep = raw.indexOf('/') >= 0 ? '/' : raw.indexOf('-') >= 0 && hasAsciiDigit(raw) ? '-' : 0;
    if (sep == 0) {
      return digits(field, raw);
    }
    StringBuilder out = new StringBuilder(raw.length());
    List<RepairKind> kinds = List.of();
    int from = 0;
    while (true) {
      int to = raw.indexOf(sep, from);
      String part = raw.substring(from, to < 0 ? raw.length() : to);
      if (part.isEmpty()) {
        throw new InvalidInputException(field, InputReason.MALFORMED, "empty date part");
      }
      RepairedText fixed = repairer.digits(field, part);
      if (!fixed.repairs().isEmpty()) {
        // The groups are repaired one by one: report each kind once for the whole date.
        kinds = kinds.isEmpty() ? new ArrayList<>(2) : kinds;
        for (RepairKind k : fixed.repairs()) {
          if (!kinds.contains(k)) {
            kinds.add(k);
          }
        }
      }
      if (from > 0) {
        out.append(sep);
      }
      out.append(fixed.value());
      if (to < 0) {
        break;
      }
      from = to + 1;
    }
    if (kinds.isEmpty()) {
      return raw;
    }
    for (RepairKind k : kinds) {
      add(new Repair(citizenField(field), k));
    }
    return out.toString();
  }

  String digits(String field, String raw) {
    if (raw.isEmpty()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "value missing");
    }
    return collect(field, repairer.digits(field, raw));
  }

  /** A hex field holding UTF-8 text (the BHYT card's name and address), decoded and repaired. */
  String hex(String field, String raw) {
    if (raw.isEmpty()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "value missing");
    }
    addByteRepairs(field, raw);
    return collect(field, repairer.hexUtf8(field, raw));
  }

  /** Reports the byte-level repairs for a field that holds non-ASCII text. */
  void addByteRepairs(String field, String raw) {
    if (byteRepairs.isEmpty()) {
      return;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) >= 0x80) {
        for (RepairKind k : byteRepairs) {
          add(new Repair(citizenField(field), k));
        }
        return;
      }
    }
  }

  /**
   * The repaired value, its repairs reported under the field; controls left after repair refused.
   */
  String collect(String field, RepairedText r) {
    refuseControls(field, r.value());
    for (RepairKind k : r.repairs()) {
      add(new Repair(citizenField(field), k));
    }
    return r.value();
  }

  /** In the order found; a kind repeats when it was undone twice (layered mojibake). */
  private void add(Repair r) {
    if (repairs == null) {
      repairs = new ArrayList<>(4);
    }
    repairs.add(r);
  }

  List<Repair> repairs() {
    return repairs == null ? List.of() : repairs;
  }

  /** The field a QR field name stands for; every name this parser reports is a citizen field. */
  private static CitizenField citizenField(String jsonName) {
    return CitizenField.fromJsonName(jsonName)
        .orElseThrow(() -> new IllegalStateException("not a citizen field: " + jsonName));
  }

  private static boolean hasAsciiDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses C1 controls (U+0080..U+009F, among them the terminal's CSI) and the line and paragraph
   * separators (U+2028, U+2029) that remain after repair: mojibake passes through C1 on its way to
   * being repaired, but repaired text never holds them.
   */
  static void refuseControls(String field, String v) {
    for (int i = 0, n = v.length(); i < n; i++) {
      char c = v.charAt(i);
      if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
        throw new InvalidInputException(
            field, InputReason.BINARY_DATA, "control character U+" + Integer.toHexString(c));
      }
    }
  }
}
