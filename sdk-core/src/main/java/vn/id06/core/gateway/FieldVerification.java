package vn.id06.core.gateway;

import java.util.Objects;
import vn.id06.core.CitizenField;

/**
 * The gateway's answer for one field of a verification, with the explanation of a mismatch.
 *
 * <p>{@code explainedByNormalisation} is true when the field mismatched as written but matches
 * after the normalisation the REST profile specifies (case, spacing, tone-mark placement, Đ/Ð,
 * Unicode composition; a birth date the database holds only as a year or a year and month). It
 * tells a typo or a spelling variant from a real difference. It holds no personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field
 * @param result MATCH, MISMATCH or NOT_FOUND
 * @param explainedByNormalisation true if a mismatch disappears after normalisation
 */
public record FieldVerification(
    CitizenField field, VerificationOutcome result, boolean explainedByNormalisation) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a match is said to be explained by normalisation
   */
  public FieldVerification {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(result, "result");
    if (explainedByNormalisation && result != VerificationOutcome.MISMATCH) {
      throw new IllegalArgumentException("only a mismatch is explained by normalisation");
    }
  }
}
