package vn.id06.testkit.population;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One synthetic citizen of a {@link SyntheticPopulation}: invented data, never a real person's.
 *
 * <p>Values are kept as the population database would write them: the name with its diacritics,
 * case and apostrophes, the birth date as {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, sex
 * as {@code MALE}/{@code FEMALE}. Immutable and thread-safe. {@link #toString()} masks the ID and
 * leaves the name out, as logs must.
 *
 * @param index the citizen's index in the population
 * @param citizenId the 12-digit personal identification number
 * @param legacyId the 9-digit old identity card number, if the citizen had one
 * @param fullName the full name
 * @param dateOfBirth the birth date, ISO, possibly partial
 * @param sex {@code MALE} or {@code FEMALE}
 * @param placeOfOrigin place of origin (quê quán)
 * @param permanentAddress permanent residence (nơi thường trú)
 * @param ethnicity ethnic group name
 * @param lifeStatus {@code ALIVE}, {@code DECEASED} or {@code MISSING}
 * @param householdId the household the citizen belongs to
 * @param insuranceCard the health-insurance card, if any
 * @param issueDate the card's issue date
 */
public record SyntheticCitizen(
    long index,
    String citizenId,
    Optional<String> legacyId,
    String fullName,
    String dateOfBirth,
    String sex,
    String placeOfOrigin,
    String permanentAddress,
    String ethnicity,
    String lifeStatus,
    String householdId,
    Optional<InsuranceCard> insuranceCard,
    LocalDate issueDate) {

  /** Checks the components. */
  public SyntheticCitizen {
    Objects.requireNonNull(citizenId, "citizenId");
    Objects.requireNonNull(legacyId, "legacyId");
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(insuranceCard, "insuranceCard");
  }

  /**
   * A synthetic health-insurance card.
   *
   * @param cardNumber the 10-digit card number (since 2021 the social-insurance number)
   * @param socialInsuranceNumber the 10-digit social-insurance number
   * @param facilityCode the registered initial-care facility, {@code "PP - FFF"}
   * @param validFrom first day of validity
   * @param validTo last day of validity
   */
  public record InsuranceCard(
      String cardNumber,
      String socialInsuranceNumber,
      String facilityCode,
      LocalDate validFrom,
      LocalDate validTo) {}

  @Override
  public String toString() {
    return "SyntheticCitizen[index="
        + index
        + ", citizenId="
        + citizenId.substring(0, 3)
        + "*******"
        + citizenId.substring(10)
        + "]";
  }
}
