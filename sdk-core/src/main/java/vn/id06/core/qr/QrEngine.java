package vn.id06.core.qr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Provenance;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.internal.text.Utf8;
import vn.id06.core.text.Repair;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/**
 * The card-QR parser behind {@link CardQrParser}: layout detection, per-field repair and typing.
 *
 * <p>Immutable and thread-safe; all per-parse state lives in a {@link Run}.
 */
final class QrEngine {

  static final String CITIZEN_ID = "citizenId";
  static final String LEGACY_ID = "legacyId";
  static final String FULL_NAME = "fullName";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String SEX = "sex";
  static final String ADDRESS = "address";

  /** The text fields {@link Run#lineTexts} repairs together, in its order. */
  private static final String[] LINE_FIELDS = {FULL_NAME, SEX, ADDRESS};

  static final String ISSUE_DATE = "issueDate";
  static final String EXPIRY_DATE = "expiryDate";
  static final String CARD_NUMBER = CitizenField.HEALTH_INSURANCE_CARD_NUMBER.jsonName();
  static final String FACILITY_CODE = "facilityCode";
  static final String VALID_FROM = "validFrom";
  static final String VALID_TO = "validTo";

  /** Fields of the 2021 layout: id, old id, name, birth, sex, address, issue. */
  private static final int CCCD_FIELDS = 7;

  /** Fields of a BHYT QR before the optional ones and the terminator. */
  private static final int BHYT_FIELDS = 8;

  private final Clock clock;
  private final int maxInputLength;
  private final TextRepairer repairer;

  /**
   * Creates the engine.
   *
   * @param clock decides "today" for future-date checks
   * @param maxInputLength the longest input, in chars
   * @param repairer the text repairer
   */
  QrEngine(Clock clock, int maxInputLength, TextRepairer repairer) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxInputLength = maxInputLength;
    this.repairer = Objects.requireNonNull(repairer, "repairer");
  }

  /**
   * Parses QR text.
   *
   * @param input the text
   * @return the parsed fields
   */
  CardQr parse(String input) {
    if (input == null) {
      throw new InvalidInputException(QrFields.FIELD, InputReason.EMPTY, "no text");
    }
    if (input.length() > maxInputLength) {
      throw tooLong();
    }
    return new Run(List.of()).parse(input);
  }

  /**
   * Parses QR bytes. Valid UTF-8 is decoded strictly, which is what {@link TextRepairer#decode}
   * does with it, and the text repairs are then made field by field so that each names its field.
   * Other bytes go through {@link TextRepairer#decode}; the byte-level repairs it reports are
   * attributed to every text field holding non-ASCII text, since a single-byte decode changes only
   * those.
   *
   * @param raw the bytes
   * @return the parsed fields
   */
  CardQr parse(byte[] raw) {
    if (raw == null || raw.length == 0) {
      throw new InvalidInputException(QrFields.FIELD, InputReason.EMPTY, "no bytes");
    }
    // A char takes at most 3 bytes in UTF-8 (4 for a surrogate pair, which is 2 chars); plus a BOM.
    if (raw.length > (long) maxInputLength * 3 + 3) {
      throw tooLong();
    }
    if (isUtf16(raw)) {
      // PowerShell's ">" writes UTF-16; its NUL bytes would otherwise be reported as binary data.
      throw new InvalidInputException(
          QrFields.FIELD, InputReason.UNRECOGNISED_FORMAT, "UTF-16 text: the QR must be UTF-8");
    }
    String utf8 = Utf8.strict(raw);
    if (utf8 != null) {
      return parse(utf8);
    }
    RepairedText decoded = repairer.decode(QrFields.FIELD, raw);
    if (decoded.value().length() > maxInputLength) {
      throw tooLong();
    }
    return new Run(decoded.repairs()).parse(decoded.value());
  }

  /**
   * UTF-16: a byte-order mark (FE FF, FF FE), or NUL in every other byte of the first pairs (ASCII
   * text written as UTF-16 without a mark).
   */
  static boolean isUtf16(byte[] raw) {
    if (raw.length >= 2
        && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
            || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE))) {
      return true;
    }
    int pairs = Math.min(raw.length / 2, 8);
    if (pairs < 2) {
      return false;
    }
    boolean evenNul = true;
    boolean oddNul = true;
    for (int i = 0; i < pairs; i++) {
      evenNul &= raw[2 * i] == 0 && raw[2 * i + 1] != 0;
      oddNul &= raw[2 * i + 1] == 0 && raw[2 * i] != 0;
    }
    return evenNul || oddNul;
  }

  private static boolean isSexWord(String s) {
    try {
      Sex.parse(s);
      return true;
    } catch (InvalidInputException notASexWord) {
      return false;
    }
  }

  /** "Nữ" in exactly one legacy encoding (Nam is plain ASCII in all of them), or null. */
  private static RepairedText sexWordInOneLegacyEncoding(String raw) {
    RepairedText found = null;
    for (RepairKind kind : RepairKind.values()) {
      if (!kind.isLegacyEncoding()) {
        continue;
      }
      RepairedText r = TextRepairer.standard().readAs(raw, kind).orElse(null);
      if (r != null && isSexWord(r.value())) {
        if (found != null) {
          return null;
        }
        found = r;
      }
    }
    return found;
  }

  /** The one legacy encoding the repaired fields show, or null when none or several. */
  private static RepairKind oneLegacyEncoding(RepairedText[] done) {
    RepairKind found = null;
    for (RepairedText r : done) {
      if (r == null) {
        continue;
      }
      for (RepairKind k : r.repairs()) {
        if (k.isLegacyEncoding()) {
          if (found != null && found != k) {
            return null;
          }
          found = k;
        }
      }
    }
    return found;
  }

  private InvalidInputException tooLong() {
    return new InvalidInputException(
        QrFields.FIELD, InputReason.TOO_LONG, "longer than " + maxInputLength + " chars");
  }

  /** One parse: holds the repairs collected so far. */
  private final class Run {
    private final List<RepairKind> byteRepairs;
    private final Instant now = clock.instant();
    private final LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    private List<Repair> repairs;

    Run(List<RepairKind> byteRepairs) {
      this.byteRepairs = byteRepairs;
    }

    CardQr parse(String input) {
      QrFields f = QrFields.split(input);
      // No catch-all: a RuntimeException here is a bug of the SDK, not bad input.
      if (isBhyt(f)) {
        return bhyt(f);
      }
      return identityCard(f);
    }

    // ---- layout detection
    // -------------------------------------------------------------------------

    /** BHYT ends with a "$" field, or has 1/2 in the sex slot where a CCCD has a date or Nam/Nữ. */
    private boolean isBhyt(QrFields f) {
      int n = f.count();
      if (n >= 2 && f.is(n - 1, "$")) {
        return true;
      }
      return n >= BHYT_FIELDS && (f.is(3, "1") || f.is(3, "2"));
    }

    private CardQr identityCard(QrFields f) {
      f.stripLabels();
      int n = f.count();
      if (n < 6) {
        throw new InvalidInputException(
            QrFields.FIELD, InputReason.WRONG_FIELD_COUNT, "expected at least 6 fields");
      }
      if (f.hasLetterOrSpace(0)) {
        throw new InvalidInputException(
            QrFields.FIELD, InputReason.UNRECOGNISED_FORMAT, "first field is not a number");
      }
      boolean withOldId = hasOldIdSlot(f);
      int base = withOldId ? 1 : 0;
      int known = CCCD_FIELDS - 1 + base;
      CardQrKind kind;
      int expiryAt = -1;
      int extrasFrom = n;
      if (withOldId) {
        if (n < CCCD_FIELDS) {
          throw new InvalidInputException(
              QrFields.FIELD, InputReason.WRONG_FIELD_COUNT, "the issue date is missing");
        }
        if (n == CCCD_FIELDS) {
          kind = CardQrKind.CCCD_2021;
        } else if (n == CCCD_FIELDS + 1 && isExpiryField(f, CCCD_FIELDS)) {
          kind = CardQrKind.CCCD_2021;
          expiryAt = CCCD_FIELDS;
        } else {
          kind = CardQrKind.CAN_CUOC_2024;
          extrasFrom = CCCD_FIELDS;
        }
      } else {
        kind = CardQrKind.CCCD_2021_SHORT;
        if (n == known + 1 && isExpiryField(f, known)) {
          expiryAt = known;
        } else if (n != known) {
          throw new InvalidInputException(
              QrFields.FIELD,
              InputReason.WRONG_FIELD_COUNT,
              "expected 6 fields without the old ID");
        }
      }

      CitizenId id = CitizenId.parse(digits(CITIZEN_ID, f.get(0)));
      LegacyId legacyId = null;
      if (withOldId && !f.isEmpty(1)) {
        legacyId = LegacyId.parse(digits(LEGACY_ID, f.get(1)));
      }
      String[] texts = lineTexts(f.get(base + 1), f.get(base + 3), f.get(base + 4));
      VietnameseName name = VietnameseName.of(texts[0]);
      PartialDate dob = dateOfBirth(f.get(base + 2));
      Sex sex = Sex.parse(texts[1]);
      Address address = texts[2].isEmpty() ? null : Address.parse(texts[2]);
      LocalDate issue = fullDate(ISSUE_DATE, f.get(base + 5));
      if (issue.isAfter(today)) {
        throw new InvalidInputException(ISSUE_DATE, InputReason.FUTURE_DATE, "after today");
      }
      if (dob.isAfter(issue)) {
        throw new InvalidInputException(
            ISSUE_DATE, InputReason.IMPOSSIBLE_DATE, "before the date of birth");
      }
      DocumentExpiry expiry = null;
      if (expiryAt >= 0 && f.looksLikeDate(expiryAt)) {
        LocalDate expiryDate = fullDate(EXPIRY_DATE, f.get(expiryAt));
        if (expiryDate.isBefore(issue)) {
          throw new InvalidInputException(
              EXPIRY_DATE, InputReason.IMPOSSIBLE_DATE, "before the issue date");
        }
        expiry = DocumentExpiry.on(expiryDate);
      } else if (expiryAt >= 0 && !f.isEmpty(expiryAt)) {
        collect(EXPIRY_DATE, noExpiryReading(f.get(expiryAt)));
        expiry = DocumentExpiry.none();
      }

      CitizenRecord.Builder record =
          CitizenRecord.builder(Provenance.cardQr(now))
              .citizenId(id)
              .fullName(name)
              .dateOfBirth(dob)
              .sex(sex)
              .issueDate(issue);
      if (legacyId != null) {
        record.legacyId(legacyId);
      }
      if (address != null) {
        record.permanentAddress(address);
      }
      if (expiry != null) {
        record.expiry(expiry);
      }
      List<String> extras = extras(f, extrasFrom, n);
      refuseSecondCard(extras);
      return new CardQr(
          kind, record.build(), extras, repairs(), inconsistencies(id, dob, sex), null);
    }

    /**
     * Whether the 2021 layout's old-ID slot is there: the sex field (Nam/Nữ) sits at index 4 rather
     * than 3; when that does not decide, the second field holding no letter or space (an old ID, or
     * empty).
     */
    private boolean hasOldIdSlot(QrFields f) {
      boolean sexAt3 = f.looksLikeSex(3);
      boolean sexAt4 = f.looksLikeSex(4);
      if (sexAt4 != sexAt3) {
        return sexAt4;
      }
      return f.isEmpty(1) || !f.hasLetterOrSpace(1);
    }

    private boolean isExpiryField(QrFields f, int i) {
      return f.isEmpty(i) || f.looksLikeDate(i) || noExpiryReading(f.get(i)) != null;
    }

    /**
     * The field read as "Không thời hạn" (no expiry): as it is, or under any repair the field
     * allows (mojibake, a legacy encoding: VNI writes it "Khoâng thôøi haïn"), so that the layout
     * follows from the structure and not from whether a damaged field reads cleanly. Null when no
     * reading says it.
     */
    private RepairedText noExpiryReading(String raw) {
      if (raw.length() < NO_EXPIRY_MIN || raw.length() > NO_EXPIRY_MAX) {
        return null;
      }
      if (saysNoExpiry(raw)) {
        return new RepairedText(raw, List.of());
      }
      try {
        RepairedText r = repairer.text(EXPIRY_DATE, raw);
        if (saysNoExpiry(r.value())) {
          return r;
        }
      } catch (InvalidInputException unreadable) {
        // Not readable alone: the legacy readings below may still say it.
      }
      for (RepairKind kind : RepairKind.values()) {
        if (kind.isLegacyEncoding()) {
          RepairedText r = TextRepairer.standard().readAs(raw, kind).orElse(null);
          if (r != null && saysNoExpiry(r.value())) {
            return r;
          }
        }
      }
      return null;
    }

    private CardQr bhyt(QrFields all) {
      for (int i = 0; i < all.count() - 1; i++) {
        if (all.is(i, "$")) {
          throw new InvalidInputException(
              QrFields.FIELD, InputReason.MALFORMED, "fields after the end marker $");
        }
      }
      QrFields f = all.is(all.count() - 1, "$") ? all.withoutLast() : all;
      int n = f.count();
      if (n < BHYT_FIELDS) {
        throw new InvalidInputException(
            QrFields.FIELD,
            InputReason.WRONG_FIELD_COUNT,
            "expected at least " + BHYT_FIELDS + " fields before the terminator");
      }
      String cardNumber = HealthInsuranceCard.normaliseCardNumber(cardNumberDigits(f.get(0)));
      VietnameseName name = VietnameseName.of(hex(FULL_NAME, f.get(1)));
      PartialDate dob = dateOfBirth(f.get(2));
      Sex sex = bhytSex(digits(SEX, f.get(3)));
      Address address = f.isEmpty(4) ? null : Address.parse(hex(ADDRESS, f.get(4)));
      String facility = facility(f.get(5));
      LocalDate validFrom = optionalDate(VALID_FROM, f.get(6));
      LocalDate validTo = optionalDate(VALID_TO, f.get(7));
      if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
        throw new InvalidInputException(VALID_TO, InputReason.IMPOSSIBLE_DATE, "before validFrom");
      }
      HealthInsuranceCard card =
          HealthInsuranceCard.builder()
              .cardNumber(cardNumber)
              .fullName(name)
              .dateOfBirth(dob)
              .sex(sex)
              .address(address)
              .facilityCode(facility)
              .validFrom(validFrom)
              .validTo(validTo)
              .build();
      CitizenRecord.Builder record =
          CitizenRecord.builder(Provenance.cardQr(now)).fullName(name).dateOfBirth(dob).sex(sex);
      if (address != null) {
        record.permanentAddress(address);
      }
      return new CardQr(
          CardQrKind.BHYT, record.build(), extras(f, BHYT_FIELDS, n), repairs(), List.of(), card);
    }

    // ---- fields
    // -----------------------------------------------------------------------------------

    private PartialDate dateOfBirth(String raw) {
      PartialDate dob = PartialDate.parseVietnamese(DATE_OF_BIRTH, date(DATE_OF_BIRTH, raw));
      return dob.requireBirthDateBefore(CitizenField.DATE_OF_BIRTH, clock);
    }

    /** A date that must name a day. */
    private LocalDate fullDate(String field, String raw) {
      PartialDate d = PartialDate.parseVietnamese(field, date(field, raw));
      return d.toLocalDate()
          .orElseThrow(
              () ->
                  new InvalidInputException(field, InputReason.MALFORMED, "day and month missing"));
    }

    /** A BHYT validity date; "-" or empty means none. */
    private LocalDate optionalDate(String field, String raw) {
      if (raw.isEmpty() || raw.equals("-")) {
        return null;
      }
      return fullDate(field, raw);
    }

    private Sex bhytSex(String code) {
      if (code.equals("1")) {
        return Sex.MALE;
      }
      if (code.equals("2")) {
        return Sex.FEMALE;
      }
      throw new InvalidInputException(SEX, InputReason.UNKNOWN_VALUE, "expected 1 or 2");
    }

    /** "79 - 024" -> "79024": the form the gateway's maDKBD uses. */
    private String facility(String raw) {
      if (raw.isEmpty()) {
        return null;
      }
      int dash = raw.indexOf('-');
      String code;
      if (dash < 0) {
        code = digits(FACILITY_CODE, raw);
      } else {
        code =
            digits(FACILITY_CODE, raw.substring(0, dash).strip())
                + digits(FACILITY_CODE, raw.substring(dash + 1).strip());
      }
      if (code.length() != 5) {
        throw new InvalidInputException(
            FACILITY_CODE, InputReason.WRONG_LENGTH, "expected 2 + 3 digits");
      }
      return code;
    }

    /** The old form keeps its two group letters; only the number part can hold damaged digits. */
    private String cardNumberDigits(String raw) {
      String compact = raw.indexOf(' ') < 0 ? raw : raw.replace(" ", "");
      if (compact.length() > 2
          && isAsciiLetter(compact.charAt(0))
          && isAsciiLetter(compact.charAt(1))) {
        return compact.substring(0, 2) + digits(CARD_NUMBER, compact.substring(2));
      }
      return digits(CARD_NUMBER, compact);
    }

    /**
     * A date through {@link TextRepairer#digits}: the digit groups one by one when separated by '/'
     * or '-', so the separators are kept for {@link PartialDate#parseVietnamese}.
     */
    private String date(String field, String raw) {
      if (raw.isEmpty()) {
        throw new InvalidInputException(field, InputReason.EMPTY, "date missing");
      }
      char sep =
          raw.indexOf('/') >= 0 ? '/' : raw.indexOf('-') >= 0 && hasAsciiDigit(raw) ? '-' : 0;
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

    private String digits(String field, String raw) {
      if (raw.isEmpty()) {
        throw new InvalidInputException(field, InputReason.EMPTY, "value missing");
      }
      return collect(field, repairer.digits(field, raw));
    }

    /**
     * Repairs the name, sex and address of one CCCD line together. A QR line is written by one
     * program, so a legacy encoding proven in one field is the encoding of all. That settles a
     * field which alone reads two ways ("Lê Vån" is VISCII for "Lê Văn" and TCVN3 for "Lờ Vồn") and
     * one that reads as other clean Vietnamese by chance (VNI "Thò" for "Thị", which alone would
     * pass unrepaired). The sex field's closed vocabulary (Nam/Nữ) is evidence too. Without one
     * proven encoding every field stands on its own evidence, as {@link TextRepairer#text} gives
     * it.
     *
     * @return the repaired name, sex and address (empty when the card has none)
     */
    private String[] lineTexts(String rawName, String rawSex, String rawAddress) {
      String[] raws = {rawName, rawSex, rawAddress};
      RepairedText[] done = new RepairedText[3];
      // Allocated on the first refusal only: the clean path is the hot one.
      InvalidInputException[] refused = null;
      for (int i = 0; i < 3; i++) {
        if (raws[i].isEmpty()) {
          if (i < 2) {
            throw new InvalidInputException(LINE_FIELDS[i], InputReason.EMPTY, "value missing");
          }
          continue;
        }
        try {
          done[i] = repairer.text(LINE_FIELDS[i], raws[i]);
        } catch (InvalidInputException e) {
          if (e.reason() != InputReason.UNREPAIRABLE_TEXT) {
            throw e;
          }
          if (refused == null) {
            refused = new InvalidInputException[3];
          }
          refused[i] = e;
        }
      }
      if (done[1] == null || !isSexWord(done[1].value())) {
        RepairedText sexWord = sexWordInOneLegacyEncoding(raws[1]);
        if (sexWord != null) {
          done[1] = sexWord;
          if (refused != null) {
            refused[1] = null;
          }
        }
      }
      RepairKind lineEncoding = oneLegacyEncoding(done);
      for (int i = 0; i < 3 && lineEncoding != null; i++) {
        if (raws[i].isEmpty() || (done[i] != null && done[i].repairs().contains(lineEncoding))) {
          continue;
        }
        RepairedText asLine = TextRepairer.standard().readAs(raws[i], lineEncoding).orElse(null);
        if (asLine != null) {
          done[i] = asLine;
          if (refused != null) {
            refused[i] = null;
          }
        }
      }
      for (int i = 0; i < 3; i++) {
        if (refused != null && refused[i] != null) {
          throw refused[i];
        }
        if (done[i] != null) {
          addByteRepairs(LINE_FIELDS[i], raws[i]);
          raws[i] = collect(LINE_FIELDS[i], done[i]); // the array now carries the repaired values
        }
      }
      return raws;
    }

    private String hex(String field, String raw) {
      if (raw.isEmpty()) {
        throw new InvalidInputException(field, InputReason.EMPTY, "value missing");
      }
      addByteRepairs(field, raw);
      return collect(field, repairer.hexUtf8(field, raw));
    }

    private void addByteRepairs(String field, String raw) {
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

    private String collect(String field, RepairedText r) {
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

    private List<Repair> repairs() {
      return repairs == null ? List.of() : repairs;
    }

    private List<IdInconsistency> inconsistencies(CitizenId id, PartialDate dob, Sex sex) {
      List<IdFinding> findings = id.inconsistenciesWith(dob, sex);
      if (findings.isEmpty()) {
        return List.of();
      }
      List<IdInconsistency> out = new ArrayList<>(findings.size());
      for (IdFinding finding : findings) {
        out.add(IdInconsistency.of(finding));
      }
      return out;
    }

    /**
     * Extra fields of a 2024 card are kept as they are (the layout is not published), but extras
     * that form a card of their own (a 12-digit ID, a name and a date) are a second scan joined on,
     * and would put another person's data beside this one's.
     */
    private void refuseSecondCard(List<String> extras) {
      boolean id = false;
      boolean date = false;
      boolean name = false;
      for (String e : extras) {
        String v = e.strip();
        id |= v.length() == 12 && isAsciiDigits(v);
        date |= PartialDateShape.looksLikeDate(v);
        name |= hasLetter(v) && !isNoExpiryText(v);
      }
      if (id && date && name) {
        throw new InvalidInputException(
            QrFields.FIELD,
            InputReason.UNRECOGNISED_FORMAT,
            "the extra fields hold a second card (a 12-digit ID, a name and a date): two scans"
                + " joined?");
      }
    }

    private List<String> extras(QrFields f, int from, int to) {
      if (from >= to) {
        return List.of();
      }
      List<String> out = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        refuseControls(QrFields.FIELD, f.get(i));
        out.add(f.get(i));
      }
      return out;
    }
  }

  /** The field a QR field name stands for; every name this engine reports is a citizen field. */
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

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static final int NO_EXPIRY_MIN = 12;
  private static final int NO_EXPIRY_MAX = 40;

  private static boolean saysNoExpiry(String v) {
    return isNoExpiryText(v);
  }

  /** "Không thời hạn", accents, case and spacing ignored. */
  static boolean isNoExpiryText(String v) {
    String folded =
        vn.id06.core.internal.citizen.VietnameseText.lower(
                vn.id06.core.internal.citizen.VietnameseText.stripDiacritics(v))
            .strip()
            .replaceAll("\\s+", " ");
    return folded.equals("khong thoi han");
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

  /** Date shapes: ddMMyyyy, dd/MM/yyyy, dd-MM-yyyy. */
  private static final class PartialDateShape {
    private PartialDateShape() {}

    static boolean looksLikeDate(String v) {
      if (v.length() == 8) {
        return isAsciiDigits(v);
      }
      return v.length() == 10
          && (v.charAt(2) == '/' || v.charAt(2) == '-')
          && v.charAt(5) == v.charAt(2)
          && isAsciiDigits(v.substring(0, 2) + v.substring(3, 5) + v.substring(6));
    }
  }
}
