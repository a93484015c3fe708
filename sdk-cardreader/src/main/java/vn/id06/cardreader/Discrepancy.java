package vn.id06.cardreader;

import java.util.Objects;

/**
 * A difference found by the consistency check across DG1 (the MRZ), DG13 and the ID's own
 * structure. Reported, never thrown. Holds no personal data: it names the field and the sources.
 *
 * @param field the field's JSON name, e.g. {@code "dateOfBirth"}
 * @param detail which sources disagree, e.g. {@code "DG1 and DG13 differ"}
 */
public record Discrepancy(String field, String detail) {
  /**
   * Creates a discrepancy.
   *
   * @param field the field's JSON name
   * @param detail which sources disagree
   */
  public Discrepancy {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }
}
