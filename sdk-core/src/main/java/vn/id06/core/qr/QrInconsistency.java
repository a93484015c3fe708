package vn.id06.core.qr;

import java.util.Objects;
import vn.id06.core.citizen.IdFinding;

/**
 * A disagreement between a field printed in the QR code and what the 12-digit ID encodes (for
 * example the ID's sex digit says female while the sex field says Nam). It is a finding, not an
 * error: the QR is still returned.
 *
 * <p>Holds no personal data; immutable and thread-safe.
 *
 * @param field the QR field that disagrees with the ID ({@code "sex"}, {@code "dateOfBirth"}, or
 *     {@code "citizenId"} for findings about the ID alone)
 * @param finding what disagrees
 */
public record QrInconsistency(String field, IdFinding finding) {
  /** Checks that both components are present. */
  public QrInconsistency {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(finding, "finding");
  }
}
