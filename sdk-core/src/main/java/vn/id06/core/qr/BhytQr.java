package vn.id06.core.qr;

import static vn.id06.core.qr.FieldReader.ADDRESS;
import static vn.id06.core.qr.FieldReader.CARD_NUMBER;
import static vn.id06.core.qr.FieldReader.FACILITY_CODE;
import static vn.id06.core.qr.FieldReader.FULL_NAME;
import static vn.id06.core.qr.FieldReader.SEX;
import static vn.id06.core.qr.FieldReader.VALID_FROM;
import static vn.id06.core.qr.FieldReader.VALID_TO;

import java.time.LocalDate;
import java.util.List;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Provenance;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * The health-insurance (BHYT) card's QR: card number, hex-encoded name and address, sex as 1/2, the
 * registered facility and the validity, ended by "$". Stateless; the parse's state is in its {@link
 * FieldReader}.
 */
final class BhytQr {
  private BhytQr() {}

  static CardQr parse(QrFields all, FieldReader reader) {
    for (int i = 0; i < all.count() - 1; i++) {
      if (all.is(i, "$")) {
        throw new InvalidInputException(
            QrFields.FIELD, InputReason.MALFORMED, "fields after the end marker $");
      }
    }
    QrFields f = all.is(all.count() - 1, "$") ? all.withoutLast() : all;
    int n = f.count();
    if (n < Layout.BHYT_FIELDS) {
      throw new InvalidInputException(
          QrFields.FIELD,
          InputReason.WRONG_FIELD_COUNT,
          "expected at least " + Layout.BHYT_FIELDS + " fields before the terminator");
    }
    String cardNumber = HealthInsuranceCard.normaliseCardNumber(cardNumberDigits(reader, f.get(0)));
    VietnameseName name = VietnameseName.of(reader.hex(FULL_NAME, f.get(1)));
    PartialDate dob = reader.dateOfBirth(f.get(2));
    Sex sex = sex(reader.digits(SEX, f.get(3)));
    Address address = f.isEmpty(4) ? null : Address.parse(reader.hex(ADDRESS, f.get(4)));
    String facility = facility(reader, f.get(5));
    LocalDate validFrom = reader.optionalDate(VALID_FROM, f.get(6));
    LocalDate validTo = reader.optionalDate(VALID_TO, f.get(7));
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
        CitizenRecord.builder(Provenance.cardQr(reader.now()))
            .fullName(name)
            .dateOfBirth(dob)
            .sex(sex);
    if (address != null) {
      record.permanentAddress(address);
    }
    return new CardQr(
        CardQrKind.BHYT,
        record.build(),
        ExtraFields.of(f, Layout.BHYT_FIELDS, n),
        reader.repairs(),
        List.of(),
        card);
  }

  private static Sex sex(String code) {
    if (code.equals("1")) {
      return Sex.MALE;
    }
    if (code.equals("2")) {
      return Sex.FEMALE;
    }
    throw new InvalidInputException(SEX, InputReason.UNKNOWN_VALUE, "expected 1 or 2");
  }

  /** "79 - 024" -> "79024": the form the gateway's maDKBD uses. */
  private static String facility(FieldReader reader, String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    int dash = raw.indexOf('-');
    String code;
    if (dash < 0) {
      code = reader.digits(FACILITY_CODE, raw);
    } else {
      code =
          reader.digits(FACILITY_CODE, raw.substring(0, dash).strip())
              + reader.digits(FACILITY_CODE, raw.substring(dash + 1).strip());
    }
    if (code.length() != 5) {
      throw new InvalidInputException(
          FACILITY_CODE, InputReason.WRONG_LENGTH, "expected 2 + 3 digits");
    }
    return code;
  }

  /** The old form keeps its two group letters; only the number part can hold damaged digits. */
  private static String cardNumberDigits(FieldReader reader, String raw) {
    String compact = raw.indexOf(' ') < 0 ? raw : raw.replace(" ", "");
    if (compact.length() > 2
        && isAsciiLetter(compact.charAt(0))
        && isAsciiLetter(compact.charAt(1))) {
      return compact.substring(0, 2) + reader.digits(CARD_NUMBER, compact.substring(2));
    }
    return reader.digits(CARD_NUMBER, compact);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
