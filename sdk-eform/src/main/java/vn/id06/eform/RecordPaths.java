package vn.id06.eform;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.id06.core.citizen.CitizenRecord;

/**
 * The citizen-record paths a binding may name: the JSON names of the citizen fields. Fields a
 * record type does not carry yet bind and stay empty until a source fills them.
 */
final class RecordPaths {
  /** The citizen fields' JSON names (one name per field everywhere). */
  private static final Set<String> NAMES =
      Set.of(
          "citizenId",
          "legacyId",
          "fullName",
          "dateOfBirth",
          "sex",
          "nationality",
          "ethnicity",
          "religion",
          "placeOfOrigin",
          "address",
          "currentResidence",
          "identifyingMarks",
          "fatherName",
          "motherName",
          "spouseName",
          "documentNumber",
          "documentType",
          "issueDate",
          "expiryDate",
          "lifeStatus",
          "cardNumber",
          "socialInsuranceNumber",
          "facilityCode",
          "validFrom",
          "validTo");

  private static final Map<String, Function<CitizenRecord, Optional<?>>> READERS =
      Map.of(
          "citizenId", CitizenRecord::citizenId,
          "legacyId", CitizenRecord::legacyId,
          "fullName", CitizenRecord::fullName,
          "dateOfBirth", CitizenRecord::dateOfBirth,
          "sex", CitizenRecord::sex,
          "placeOfOrigin", CitizenRecord::placeOfOrigin,
          "address", CitizenRecord::permanentAddress,
          "issueDate", CitizenRecord::issueDate,
          "expiryDate", CitizenRecord::expiryDate);

  private RecordPaths() {}

  static boolean exists(String name) {
    return NAMES.contains(name);
  }

  static Optional<Object> read(CitizenRecord record, String name) {
    Function<CitizenRecord, Optional<?>> reader = READERS.get(name);
    return reader == null ? Optional.empty() : reader.apply(record).map(o -> (Object) o);
  }
}
