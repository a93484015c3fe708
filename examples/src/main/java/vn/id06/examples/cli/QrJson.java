package vn.id06.examples.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.qr.CardQr;

/**
 * What {@code qr parse} prints: the keys and value shapes of the command-line contract (a golden
 * test holds them). The BHYT card's fields sit at the top level; {@code address} is a string, and
 * {@code addressUnits} beside it carries its resolution to administrative units.
 *
 * @param kind the layout: CCCD_2021, CCCD_2021_SHORT, CAN_CUOC_2024 or BHYT
 * @param citizenId the 12-digit ID
 * @param legacyId the 9-digit old ID
 * @param fullName the name as the card writes it
 * @param dateOfBirth ISO, partial where the card is
 * @param sex MALE or FEMALE
 * @param address the permanent address as text
 * @param addressUnits the units the address names and today's units, as {@code address resolve}
 *     prints them; absent when there is no address
 * @param issueDate the issue date
 * @param expiryDate the expiry date, when the card has one
 * @param noExpiry true when the card says it never expires ("Không thời hạn"); absent otherwise
 * @param cardNumber BHYT: the card number
 * @param socialInsuranceNumber BHYT: the social-insurance number
 * @param facilityCode BHYT: the registered health facility
 * @param validFrom BHYT: first day of validity
 * @param validTo BHYT: last day of validity
 * @param extraFields fields after the known ones, as they came
 * @param repairs each repaired field and the kind of damage
 * @param inconsistencies each field that disagrees with the ID's structure
 */
record QrJson(
    String kind,
    Optional<CitizenId> citizenId,
    Optional<LegacyId> legacyId,
    Optional<VietnameseName> fullName,
    Optional<PartialDate> dateOfBirth,
    Optional<Sex> sex,
    Optional<Address> address,
    Optional<AddressCommand.Resolve.Output> addressUnits,
    Optional<LocalDate> issueDate,
    Optional<LocalDate> expiryDate,
    Optional<Boolean> noExpiry,
    Optional<String> cardNumber,
    Optional<String> socialInsuranceNumber,
    Optional<String> facilityCode,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    List<String> extraFields,
    List<FieldFinding> repairs,
    List<FieldFinding> inconsistencies) {

  /**
   * The layout, the masked ID and the findings (field names and kinds): no name, date, address or
   * card number.
   */
  @Override
  public String toString() {
    return "QrJson[kind="
        + kind
        + ", citizenId="
        + citizenId.map(CitizenId::masked).orElse("none")
        + ", legacyId="
        + legacyId.map(LegacyId::masked).orElse("none")
        + ", extraFields="
        + extraFields.size()
        + ", repairs="
        + repairs
        + ", inconsistencies="
        + inconsistencies
        + "]";
  }

  /**
   * One {@code repairs[]} or {@code inconsistencies[]} item.
   *
   * @param field the field's JSON name
   * @param kind the repair kind or the finding's code
   */
  record FieldFinding(String field, String kind) {}

  static QrJson of(CardQr qr) {
    CitizenRecord r = qr.record();
    Optional<HealthInsuranceCard> card = qr.healthInsurance();
    return new QrJson(
        qr.kind().name(),
        r.citizenId(),
        r.legacyId(),
        r.fullName(),
        r.dateOfBirth(),
        r.sex(),
        r.permanentAddress(),
        r.permanentAddress().flatMap(AddressCommand.Resolve::units),
        r.issueDate(),
        r.expiry()
            .flatMap(
                e -> e instanceof DocumentExpiry.On on ? Optional.of(on.date()) : Optional.empty()),
        r.expiry().filter(e -> e instanceof DocumentExpiry.None).map(e -> Boolean.TRUE),
        card.map(HealthInsuranceCard::cardNumber),
        card.map(HealthInsuranceCard::socialInsuranceNumber),
        card.flatMap(HealthInsuranceCard::facilityCode),
        card.flatMap(HealthInsuranceCard::validFrom),
        card.flatMap(HealthInsuranceCard::validTo),
        qr.extraFields(),
        qr.repairs().stream()
            .map(x -> new FieldFinding(x.field().jsonName(), x.kind().name()))
            .toList(),
        qr.inconsistencies().stream()
            .map(x -> new FieldFinding(x.field().jsonName(), x.finding().code()))
            .toList());
  }
}
