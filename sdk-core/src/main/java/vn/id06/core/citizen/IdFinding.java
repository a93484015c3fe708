package vn.id06.core.citizen;

import vn.id06.core.CitizenField;

/**
 * Something found when checking a 12-digit ID offline. The codes are stable and hold no personal
 * data.
 *
 * <p>Immutable and thread-safe.
 */
public enum IdFinding {
  /** The birth year encoded in the ID (G + YY) lies after the current year: the ID cannot exist. */
  BIRTH_YEAR_IN_FUTURE("The birth year encoded in the ID is in the future."),
  /** The province/country prefix (PPP) is not in any published table; not an error by itself. */
  UNKNOWN_PREFIX("The ID's province code is not in the known tables."),
  /** The sex encoded in the ID (G digit) differs from the declared sex. */
  SEX_MISMATCH("The sex encoded in the ID differs from the declared sex."),
  /** The birth year encoded in the ID (G + YY) differs from the declared date of birth. */
  BIRTH_YEAR_MISMATCH("The birth year encoded in the ID differs from the declared date of birth.");

  private final String description;

  IdFinding(String description) {
    this.description = description;
  }

  /**
   * The stable code, equal to {@link #name()}.
   *
   * @return the code
   */
  public String code() {
    return name();
  }

  /**
   * An English explanation without personal data.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The field this finding is about: {@link CitizenField#SEX} for a sex mismatch, {@link
   * CitizenField#DATE_OF_BIRTH} for a birth-year mismatch, {@link CitizenField#CITIZEN_ID} for
   * findings about the ID alone.
   *
   * @return the field
   */
  public CitizenField field() {
    return switch (this) {
      case SEX_MISMATCH -> CitizenField.SEX;
      case BIRTH_YEAR_MISMATCH -> CitizenField.DATE_OF_BIRTH;
      case BIRTH_YEAR_IN_FUTURE, UNKNOWN_PREFIX -> CitizenField.CITIZEN_ID;
    };
  }
}
