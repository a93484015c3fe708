package vn.id06.cardreader;

import java.util.Objects;
import java.util.Optional;
import vn.id06.core.CitizenField;

/**
 * A difference found by the consistency check across DG1 (the MRZ), DG13, the card's QR (when
 * given) and the ID's own structure, or a file that could not be read as its standard says.
 * Reported, never thrown. Holds no personal data: it names the field and the sources.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the citizen field concerned; empty when a whole file is at fault (DG1's MRZ with a
 *     wrong check digit, a malformed DG13 or DG2)
 * @param detail which sources disagree, e.g. {@code "DG1 and DG13 differ"}
 */
public record Discrepancy(Optional<CitizenField> field, String detail) {
  /**
   * Creates a discrepancy.
   *
   * @param field the field concerned, or empty for a whole file
   * @param detail which sources disagree
   */
  public Discrepancy {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Creates a discrepancy in one field.
   *
   * @param field the field concerned
   * @param detail which sources disagree
   */
  public Discrepancy(CitizenField field, String detail) {
    this(Optional.of(field), detail);
  }

  /** A whole file at fault. */
  static Discrepancy ofFile(String detail) {
    return new Discrepancy(Optional.empty(), detail);
  }
}
