package vn.id06.core.citizen;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.internal.citizen.Digits;

/**
 * The 12-digit personal identification number (số định danh cá nhân), printed on CCCD and Căn cước
 * cards: {@code PPP G YY RRRRRR} (Decree 137/2015/NĐ-CP art. 13, Circular 07/2016/TT-BCA).
 *
 * <ul>
 *   <li>PPP: province of birth registration (63-unit table, kept after the 2025 reform because
 *       existing numbers keep their historical codes) or, for 101..295, the country of registration
 *       abroad;
 *   <li>G: century and sex, century = (G / 2 + 19) * 100, female when G is odd;
 *   <li>YY: last two digits of the birth year;
 *   <li>RRRRRR: random. There is no check digit.
 * </ul>
 *
 * <p>{@link #parse(String)} checks the shape only; an unknown prefix is a warning, never a
 * rejection (the prefix given to births registered after the reform is not published). Use {@link
 * #inspect(String, Clock)} for the offline validity checks.
 *
 * <p>Immutable and thread-safe; equality by value. {@link #toString()} is masked ({@code
 * 079*******45}).
 */
public final class CitizenId {
  private static final String FIELD = "citizenId";
  private static final int ABROAD_FIRST = 101;
  private static final int ABROAD_LAST = 295;

  private final String value;

  private CitizenId(String value) {
    this.value = value;
  }

  /**
   * Parses an ID, checking its shape only: exactly 12 ASCII digits (surrounding spaces ignored).
   *
   * @param text the number
   * @return the ID
   * @throws InvalidInputException field "citizenId": EMPTY, NOT_DIGITS (any non-ASCII-digit
   *     character, including Arabic-Indic or full-width digits) or WRONG_LENGTH
   */
  public static CitizenId parse(String text) {
    return new CitizenId(Digits.require(FIELD, text, 12));
  }

  /**
   * Parses and checks an ID offline. The birth year encoded in the ID must not lie after the
   * current year of {@code clock} (reason {@link IdFinding#BIRTH_YEAR_IN_FUTURE}); a prefix in no
   * known table gives the warning {@link IdFinding#UNKNOWN_PREFIX}.
   *
   * @param number the number
   * @param clock the clock giving the current year (in its zone)
   * @return the inspection (valid or not)
   * @throws InvalidInputException if the shape is wrong (see {@link #parse(String)})
   */
  public static CitizenIdInspection inspect(String number, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    CitizenId id = parse(number);
    List<IdFinding> reasons = new ArrayList<>();
    List<IdFinding> warnings = new ArrayList<>();
    if (id.birthYear() > Year.now(clock).getValue()) {
      reasons.add(IdFinding.BIRTH_YEAR_IN_FUTURE);
    }
    if (!id.registeredAbroad() && id.birthRegistrationProvince().isEmpty()) {
      warnings.add(IdFinding.UNKNOWN_PREFIX);
    }
    return new CitizenIdInspection(id, reasons.isEmpty(), reasons, warnings);
  }

  /**
   * The 12 digits.
   *
   * @return the number
   */
  public String value() {
    return value;
  }

  /**
   * The masked number, safe to log: first three and last two digits ({@code 079*******45}).
   *
   * @return the masked number
   */
  public String masked() {
    return Digits.mask(value);
  }

  /**
   * The first three digits (PPP).
   *
   * @return the province or country code
   */
  public String provinceCode() {
    return value.substring(0, 3);
  }

  /**
   * The province where the birth was registered, decoded against the 63-unit table (whatever the
   * date: the prefix is a historical code).
   *
   * @return the unit, or empty when registered abroad or the prefix is unknown
   */
  public Optional<AdministrativeUnit> birthRegistrationProvince() {
    return AdministrativeUnits.builtIn().byLegacyProvinceCode(provinceCode());
  }

  /**
   * Whether the prefix is a country code (101..295): the birth was registered abroad. The country
   * is not named because public transcriptions of that table contain errors.
   *
   * @return true if registered abroad
   */
  public boolean registeredAbroad() {
    int ppp = Integer.parseInt(provinceCode());
    return ppp >= ABROAD_FIRST && ppp <= ABROAD_LAST;
  }

  private int genderCenturyDigit() {
    return value.charAt(3) - '0';
  }

  /**
   * The sex encoded in the G digit: odd is female.
   *
   * @return the sex
   */
  public Sex sex() {
    return genderCenturyDigit() % 2 == 1 ? Sex.FEMALE : Sex.MALE;
  }

  /**
   * The century encoded in the G digit: (G / 2 + 19) * 100, so 1900..2300.
   *
   * @return the first year of the century
   */
  public int century() {
    return (genderCenturyDigit() / 2 + 19) * 100;
  }

  /**
   * The birth year: century + YY.
   *
   * @return 1900..2399
   */
  public int birthYear() {
    return century() + Integer.parseInt(value.substring(4, 6));
  }

  /**
   * Compares the ID with declared data: {@link IdFinding#SEX_MISMATCH} and {@link
   * IdFinding#BIRTH_YEAR_MISMATCH}.
   *
   * @param dateOfBirth the declared date of birth, or null to skip that check
   * @param sex the declared sex, or null to skip that check
   * @return the findings, empty when consistent
   */
  public List<IdFinding> inconsistenciesWith(PartialDate dateOfBirth, Sex sex) {
    List<IdFinding> findings = new ArrayList<>(2);
    if (sex != null && sex != sex()) {
      findings.add(IdFinding.SEX_MISMATCH);
    }
    if (dateOfBirth != null && dateOfBirth.year() != birthYear()) {
      findings.add(IdFinding.BIRTH_YEAR_MISMATCH);
    }
    return List.copyOf(findings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CitizenId c && c.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: {@code CitizenId[079*******45]}. */
  @Override
  public String toString() {
    return "CitizenId[" + masked() + "]";
  }
}
