package vn.id06.core.qr;

import static vn.id06.core.qr.FieldReader.CITIZEN_ID;
import static vn.id06.core.qr.FieldReader.EXPIRY_DATE;
import static vn.id06.core.qr.FieldReader.ISSUE_DATE;
import static vn.id06.core.qr.FieldReader.LEGACY_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The identity card's QR (2021 CCCD, its 6-field variant, the 2024 Căn cước): the fields typed into
 * a record, the dates checked against each other and today. Stateless; the parse's state is in its
 * {@link FieldReader}.
 */
final class IdentityCardQr {
  private IdentityCardQr() {}

  static CardQr parse(QrFields f, FieldReader reader) {
    f.stripLabels();
    Layout layout = Layout.identityCard(f, reader.repairer());
    int base = layout.base;
    CitizenId id = CitizenId.parse(reader.digits(CITIZEN_ID, f.get(0)));
    LegacyId legacyId = null;
    if (layout.withOldId && !f.isEmpty(1)) {
      legacyId = LegacyId.parse(reader.digits(LEGACY_ID, f.get(1)));
    }
    String[] texts = LineText.repair(reader, f.get(base + 1), f.get(base + 3), f.get(base + 4));
    VietnameseName name = VietnameseName.of(texts[0]);
    PartialDate dob = reader.dateOfBirth(f.get(base + 2));
    Sex sex = Sex.parse(texts[1]);
    Address address = texts[2].isEmpty() ? null : Address.parse(texts[2]);
    LocalDate issue = reader.fullDate(ISSUE_DATE, f.get(base + 5));
    if (issue.isAfter(reader.today())) {
      throw new InvalidInputException(ISSUE_DATE, InputReason.FUTURE_DATE, "after today");
    }
    if (dob.isAfter(issue)) {
      throw new InvalidInputException(
          ISSUE_DATE, InputReason.IMPOSSIBLE_DATE, "before the date of birth");
    }
    DocumentExpiry expiry = expiry(f, layout.expiryAt, issue, reader);

    CitizenRecord.Builder record =
        CitizenRecord.builder(Provenance.cardQr(reader.now()))
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
    List<String> extras = ExtraFields.of(f, layout.extrasFrom, f.count());
    ExtraFields.refuseSecondCard(extras);
    return new CardQr(
        layout.kind, record.build(), extras, reader.repairs(), inconsistencies(id, dob, sex), null);
  }

  /** The expiry field: a date, "Không thời hạn" read through any repair, or none (null). */
  private static DocumentExpiry expiry(
      QrFields f, int expiryAt, LocalDate issue, FieldReader reader) {
    if (expiryAt >= 0 && f.looksLikeDate(expiryAt)) {
      LocalDate expiryDate = reader.fullDate(EXPIRY_DATE, f.get(expiryAt));
      if (expiryDate.isBefore(issue)) {
        throw new InvalidInputException(
            EXPIRY_DATE, InputReason.IMPOSSIBLE_DATE, "before the issue date");
      }
      return DocumentExpiry.on(expiryDate);
    }
    if (expiryAt >= 0 && !f.isEmpty(expiryAt)) {
      reader.collect(EXPIRY_DATE, NoExpiry.reading(reader.repairer(), f.get(expiryAt)));
      return DocumentExpiry.none();
    }
    return null;
  }

  private static List<IdInconsistency> inconsistencies(CitizenId id, PartialDate dob, Sex sex) {
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
}
