package vn.id06.core.gateway;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.LegacyId;

/**
 * A look-up of one citizen: who, which fields (only those are returned: data minimisation under
 * Decree 13/2023), and the reference of the citizen's consent or of the legal basis. The purpose
 * comes from the operator context.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the ID.
 */
public final class LookupRequest {

  /** The fields the REST profile can return. */
  public static final Set<CitizenField> SUPPORTED_FIELDS =
      Collections.unmodifiableSet(
          EnumSet.of(
              CitizenField.CITIZEN_ID,
              CitizenField.LEGACY_ID,
              CitizenField.FULL_NAME,
              CitizenField.DATE_OF_BIRTH,
              CitizenField.SEX,
              CitizenField.NATIONALITY,
              CitizenField.ETHNICITY,
              CitizenField.PLACE_OF_ORIGIN,
              CitizenField.PERMANENT_ADDRESS,
              CitizenField.LIFE_STATUS,
              CitizenField.ISSUE_DATE));

  private final CitizenId citizenId;
  private final LegacyId legacyId;
  private final Set<CitizenField> fields;
  private final String consentReference;

  private LookupRequest(
      CitizenId citizenId, LegacyId legacyId, Set<CitizenField> fields, String consentReference) {
    Objects.requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      throw new InvalidInputException("fields", InputReason.EMPTY, "name at least one field");
    }
    for (CitizenField f : fields) {
      if (!SUPPORTED_FIELDS.contains(Objects.requireNonNull(f, "field"))) {
        throw new InvalidInputException(
            "fields", InputReason.UNKNOWN_VALUE, f.jsonName() + " cannot be looked up");
      }
    }
    if (consentReference == null || consentReference.isBlank()) {
      throw new InvalidInputException("consentReference", InputReason.EMPTY, "required");
    }
    if (consentReference.length() > 100) {
      throw new InvalidInputException(
          "consentReference", InputReason.TOO_LONG, "at most 100 characters");
    }
    this.citizenId = citizenId;
    this.legacyId = legacyId;
    this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
    this.consentReference = consentReference;
  }

  /**
   * A look-up by the 12-digit ID.
   *
   * @param id the ID
   * @param fields the fields wanted, among {@link #SUPPORTED_FIELDS}
   * @param consentReference the consent's or legal basis's reference
   * @return the request
   * @throws InvalidInputException if no field is named, a field cannot be looked up, or the
   *     reference is missing
   */
  public static LookupRequest of(CitizenId id, Set<CitizenField> fields, String consentReference) {
    return new LookupRequest(Objects.requireNonNull(id, "id"), null, fields, consentReference);
  }

  /**
   * A look-up by the old 9-digit ID.
   *
   * @param id the old ID
   * @param fields the fields wanted
   * @param consentReference the consent's reference
   * @return the request
   */
  public static LookupRequest ofLegacy(
      LegacyId id, Set<CitizenField> fields, String consentReference) {
    return new LookupRequest(null, Objects.requireNonNull(id, "id"), fields, consentReference);
  }

  /**
   * The 12-digit ID, if the look-up uses it.
   *
   * @return the ID
   */
  public Optional<CitizenId> citizenId() {
    return Optional.ofNullable(citizenId);
  }

  /**
   * The old ID, if the look-up uses it.
   *
   * @return the old ID
   */
  public Optional<LegacyId> legacyId() {
    return Optional.ofNullable(legacyId);
  }

  /**
   * The fields wanted.
   *
   * @return the fields
   */
  public Set<CitizenField> fields() {
    return fields;
  }

  /**
   * The consent's or legal basis's reference.
   *
   * @return the reference
   */
  public String consentReference() {
    return consentReference;
  }

  String maskedId() {
    return citizenId != null ? citizenId.masked() : legacyId.masked();
  }

  String idValue() {
    return citizenId != null ? citizenId.value() : legacyId.value();
  }

  @Override
  public String toString() {
    return "LookupRequest[" + maskedId() + ", fields=" + fields + "]";
  }
}
