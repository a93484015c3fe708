package vn.id06.core.citizen;

import java.util.Objects;
import vn.id06.core.CitizenField;

/**
 * A disagreement between a field and what the 12-digit ID encodes (for example the ID's sex digit
 * says female while the sex field says Nam). The card QR, the chip and the gateway all report it
 * this way. It is a finding, not an error: the data is still returned.
 *
 * <p>Holds no personal data; immutable and thread-safe.
 *
 * @param field the field that disagrees with the ID ({@link CitizenField#SEX}, {@link
 *     CitizenField#DATE_OF_BIRTH}, or {@link CitizenField#CITIZEN_ID} for findings about the ID
 *     alone)
 * @param finding what disagrees
 */
public record IdInconsistency(CitizenField field, IdFinding finding) {
  /** Checks that both components are present. */
  public IdInconsistency {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(finding, "finding");
  }

  /**
   * The inconsistency a finding reports, on the field it is about.
   *
   * @param finding the finding
   * @return the inconsistency
   */
  public static IdInconsistency of(IdFinding finding) {
    return new IdInconsistency(finding.field(), finding);
  }
}
