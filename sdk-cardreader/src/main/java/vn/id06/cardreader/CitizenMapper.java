package vn.id06.cardreader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import vn.id06.core.CitizenField;
import vn.id06.core.Id06Exception;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.DocumentType;
import vn.id06.core.citizen.Ethnicity;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.Nationality;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Provenance;
import vn.id06.core.citizen.Religion;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.qr.CardQr;

/**
 * Maps DG13 (and DG1 where DG13 is silent) to sdk-core's {@code CitizenRecord}, and checks DG1,
 * DG13 and the ID's structure against each other. A value that does not parse is left out and
 * reported, never thrown. Stateless and thread-safe.
 */
final class CitizenMapper {
  private static final DateTimeFormatter VN_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  static final String NO_EXPIRY = "Không thời hạn";

  private CitizenMapper() {}

  static CitizenRecord map(Dg13 dg13, MrzData mrz, Provenance provenance, List<Discrepancy> out) {
    CitizenRecord.Builder b = CitizenRecord.builder(provenance);
    String fromDg13 = dg13 != null ? dg13.text(1).orElse(null) : null;
    String id = fromDg13 == null && mrz != null ? mrz.citizenId() : fromDg13;
    CitizenId citizenId =
        id == null ? null : attempt(() -> CitizenId.parse(id), CitizenField.CITIZEN_ID, out);
    if (citizenId != null) {
      b.citizenId(citizenId);
    }
    b.documentType(DocumentType.CCCD_CHIP_2021);
    if (mrz != null && !mrz.documentNumber().isEmpty()) {
      b.documentNumber(mrz.documentNumber());
    }
    if (dg13 == null) {
      return b.build();
    }
    dg13.text(2)
        .map(t -> attempt(() -> VietnameseName.of(t), CitizenField.FULL_NAME, out))
        .ifPresent(b::fullName);
    PartialDate dob =
        dg13.text(3)
            .map(
                t ->
                    attempt(
                        () -> PartialDate.parseVietnamese("dateOfBirth", t),
                        CitizenField.DATE_OF_BIRTH,
                        out))
            .orElse(null);
    if (dob != null) {
      b.dateOfBirth(dob);
    }
    Sex sex =
        dg13.text(4).map(t -> attempt(() -> Sex.parse(t), CitizenField.SEX, out)).orElse(null);
    if (sex != null) {
      b.sex(sex);
    }
    dg13.text(5)
        .map(t -> attempt(() -> Nationality.of(t), CitizenField.NATIONALITY, out))
        .ifPresent(b::nationality);
    dg13.text(6)
        .map(t -> attempt(() -> Ethnicity.of(t), CitizenField.ETHNICITY, out))
        .ifPresent(b::ethnicity);
    dg13.text(7)
        .map(t -> attempt(() -> Religion.of(t), CitizenField.RELIGION, out))
        .ifPresent(b::religion);
    dg13.text(10).ifPresent(b::identifyingMarks);
    List<String> parents = dg13.texts(13);
    name(parents, 0, CitizenField.FATHER_NAME, out).ifPresent(b::fatherName);
    name(parents, 1, CitizenField.MOTHER_NAME, out).ifPresent(b::motherName);
    name(dg13.texts(14), 0, CitizenField.SPOUSE_NAME, out).ifPresent(b::spouseName);
    dg13.text(8)
        .map(t -> attempt(() -> Address.parse(t), CitizenField.PLACE_OF_ORIGIN, out))
        .ifPresent(b::placeOfOrigin);
    dg13.text(9)
        .map(t -> attempt(() -> Address.parse(t), CitizenField.PERMANENT_ADDRESS, out))
        .ifPresent(b::permanentAddress);
    dg13.text(11).map(t -> date(t, CitizenField.ISSUE_DATE, out)).ifPresent(b::issueDate);
    dg13.text(12)
        .map(
            t ->
                isNoExpiry(t)
                    ? DocumentExpiry.none()
                    : Optional.ofNullable(date(t, CitizenField.EXPIRY, out))
                        .map(DocumentExpiry::on)
                        .orElse(null))
        .ifPresent(b::expiry);
    legacyId(dg13)
        .map(t -> attempt(() -> LegacyId.parse(t), CitizenField.LEGACY_ID, out))
        .ifPresent(b::legacyId);
    return b.build();
  }

  static boolean isNoExpiry(String text) {
    String t = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
    return t.equalsIgnoreCase(NO_EXPIRY);
  }

  private static Optional<VietnameseName> name(
      List<String> values, int index, CitizenField field, List<Discrepancy> out) {
    if (values.size() <= index || values.get(index).isBlank()) {
      return Optional.empty();
    }
    String v = values.get(index).strip();
    return Optional.ofNullable(attempt(() -> VietnameseName.of(v), field, out));
  }

  /** The old ID: field 15 or 16, whichever holds 9 or 12 digits (sources disagree which). */
  static Optional<String> legacyId(Dg13 dg13) {
    for (int n : new int[] {15, 16}) {
      Optional<String> t = dg13.text(n);
      if (t.isPresent() && t.get().matches("[0-9]{9}|[0-9]{12}")) {
        return t;
      }
    }
    return Optional.empty();
  }

  static LocalDate date(String text, CitizenField field, List<Discrepancy> out) {
    try {
      return LocalDate.parse(text.strip(), VN_DATE);
    } catch (DateTimeParseException e) {
      out.add(new Discrepancy(field, "DG13 holds a date that does not parse"));
      return null;
    }
  }

  private static <T> T attempt(Supplier<T> s, CitizenField field, List<Discrepancy> out) {
    try {
      return s.get();
    } catch (Id06Exception | IllegalArgumentException e) {
      out.add(new Discrepancy(field, "DG13 holds a value that does not parse"));
      return null;
    }
  }

  /** DG1 against DG13 and the ID's structure. */
  static List<Discrepancy> consistency(
      CitizenRecord record, MrzData mrz, Dg13 dg13, Clock clock, List<Discrepancy> parsing) {
    List<Discrepancy> out = new ArrayList<>(parsing);
    if (mrz != null && dg13 != null) {
      String mrzId = mrz.citizenId();
      Optional<String> dgId = dg13.text(1);
      if (mrzId != null && dgId.isPresent() && !mrzId.equals(dgId.get())) {
        out.add(new Discrepancy(CitizenField.CITIZEN_ID, "DG1 and DG13 differ"));
      }
      if (mrzId != null && !mrzId.endsWith(mrz.documentNumber())) {
        out.add(
            new Discrepancy(
                CitizenField.DOCUMENT_NUMBER,
                "DG1's document number is not the ID's last 9 digits"));
      }
      record
          .dateOfBirth()
          .flatMap(PartialDate::toLocalDate)
          .ifPresent(
              d -> {
                if (!DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT)
                    .format(d)
                    .equals(mrz.dateOfBirth())) {
                  out.add(new Discrepancy(CitizenField.DATE_OF_BIRTH, "DG1 and DG13 differ"));
                }
              });
      record
          .expiry()
          .filter(e -> e instanceof DocumentExpiry.On)
          .map(e -> ((DocumentExpiry.On) e).date())
          .ifPresent(
              d -> {
                if (!DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT)
                    .format(d)
                    .equals(mrz.dateOfExpiry())) {
                  out.add(new Discrepancy(CitizenField.EXPIRY, "DG1 and DG13 differ"));
                }
              });
      record
          .sex()
          .ifPresent(
              s -> {
                char expected = s == Sex.MALE ? 'M' : 'F';
                if (mrz.sex() != expected) {
                  out.add(new Discrepancy(CitizenField.SEX, "DG1 and DG13 differ"));
                }
              });
      record
          .fullName()
          .ifPresent(
              n -> {
                if (!MrzData.fold(n.value()).equals(MrzData.fold(mrz.name()))) {
                  out.add(new Discrepancy(CitizenField.FULL_NAME, "DG1 and DG13 differ"));
                }
              });
    }
    record
        .citizenId()
        .ifPresent(
            id -> {
              if (record.dateOfBirth().isPresent() && record.sex().isPresent()) {
                for (IdFinding f :
                    id.inconsistenciesWith(record.dateOfBirth().get(), record.sex().get())) {
                  out.add(new Discrepancy(f.field(), "the ID's structure: " + f.name()));
                }
              }
            });
    return List.copyOf(out);
  }

  /** The fields a card's QR and its chip both carry. */
  private static final List<CitizenField> QR_FIELDS =
      List.of(
          CitizenField.CITIZEN_ID,
          CitizenField.LEGACY_ID,
          CitizenField.FULL_NAME,
          CitizenField.DATE_OF_BIRTH,
          CitizenField.SEX,
          CitizenField.PERMANENT_ADDRESS,
          CitizenField.ISSUE_DATE);

  /**
   * The chip's record against the card's QR: each field both hold that differs, and the QR's own
   * inconsistencies with the ID's structure. A field only one side holds is not a difference.
   */
  static List<Discrepancy> withQr(CitizenRecord chip, CardQr qr) {
    List<Discrepancy> out = new ArrayList<>();
    CitizenRecord fromQr = qr.record();
    for (CitizenField field : QR_FIELDS) {
      Optional<Object> a = chip.get(field);
      Optional<Object> b = fromQr.get(field);
      if (a.isPresent() && b.isPresent() && !same(a.get(), b.get())) {
        out.add(new Discrepancy(field, "the chip and the QR differ"));
      }
    }
    for (IdInconsistency i : qr.inconsistencies()) {
      out.add(new Discrepancy(i.field(), "the QR and the ID's structure: " + i.finding().name()));
    }
    return out;
  }

  private static boolean same(Object chip, Object qr) {
    if (chip instanceof VietnameseName a && qr instanceof VietnameseName b) {
      return a.sameAs(b);
    }
    if (chip instanceof Address a && qr instanceof Address b) {
      return fold(a.text()).equals(fold(b.text()));
    }
    return chip.equals(qr);
  }

  private static String fold(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
        .replaceAll("\\s+", " ")
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
