package vn.id06.core.gateway;

import java.util.Objects;
import java.util.Optional;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/**
 * One subject to verify: an ID (or an old ID) and the values to check against the population
 * database. Only the values given are checked. The values are sent as given: a birth date that
 * contradicts the year in the ID is still sent, since the gateway's answer is what counts.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the ID and leaves the rest out.
 */
public final class VerificationRequest {

  private final CitizenId citizenId;
  private final LegacyId legacyId;
  private final VietnameseName fullName;
  private final PartialDate dateOfBirth;
  private final Sex sex;

  private VerificationRequest(
      CitizenId citizenId,
      LegacyId legacyId,
      VietnameseName fullName,
      PartialDate dateOfBirth,
      Sex sex) {
    this.citizenId = citizenId;
    this.legacyId = legacyId;
    this.fullName = fullName;
    this.dateOfBirth = dateOfBirth;
    this.sex = sex;
  }

  /**
   * A subject identified by the 12-digit ID.
   *
   * @param id the ID
   * @param fullName the name to check, or null
   * @param dateOfBirth the birth date to check, or null
   * @param sex the sex to check, or null
   * @return the request
   */
  public static VerificationRequest of(
      CitizenId id, VietnameseName fullName, PartialDate dateOfBirth, Sex sex) {
    return new VerificationRequest(
        Objects.requireNonNull(id, "id"), null, fullName, dateOfBirth, sex);
  }

  /**
   * A subject identified by the old 9-digit ID, for citizens without a 12-digit number.
   *
   * @param id the old ID
   * @param fullName the name to check, or null
   * @param dateOfBirth the birth date to check, or null
   * @param sex the sex to check, or null
   * @return the request
   */
  public static VerificationRequest ofLegacy(
      LegacyId id, VietnameseName fullName, PartialDate dateOfBirth, Sex sex) {
    return new VerificationRequest(
        null, Objects.requireNonNull(id, "id"), fullName, dateOfBirth, sex);
  }

  /**
   * The 12-digit ID, if the subject is identified by it.
   *
   * @return the ID
   */
  public Optional<CitizenId> citizenId() {
    return Optional.ofNullable(citizenId);
  }

  /**
   * The old ID, if the subject is identified by it.
   *
   * @return the old ID
   */
  public Optional<LegacyId> legacyId() {
    return Optional.ofNullable(legacyId);
  }

  /**
   * The name to check.
   *
   * @return the name
   */
  public Optional<VietnameseName> fullName() {
    return Optional.ofNullable(fullName);
  }

  /**
   * The birth date to check.
   *
   * @return the date
   */
  public Optional<PartialDate> dateOfBirth() {
    return Optional.ofNullable(dateOfBirth);
  }

  /**
   * The sex to check.
   *
   * @return the sex
   */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /** The subject's ID, masked, for logs and audit. */
  String maskedId() {
    return citizenId != null ? citizenId.masked() : legacyId.masked();
  }

  /** The subject's ID as sent. */
  String idValue() {
    return citizenId != null ? citizenId.value() : legacyId.value();
  }

  @Override
  public String toString() {
    return "VerificationRequest[" + maskedId() + "]";
  }
}
