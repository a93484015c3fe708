package vn.id06.eform;

import java.util.Objects;

/**
 * Where a field is prefilled from: a citizen-record path such as {@code applicant.fullName} or
 * {@code applicant.address}, the subject ({@code applicant}, the person the records describe) and a
 * citizen field's JSON name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the person the path starts from; {@code applicant}
 * @param fieldName the citizen field's JSON name, e.g. {@code fatherName}
 */
public record Binding(String subject, String fieldName) {
  /** The one subject records describe: the person applying. */
  public static final String APPLICANT = "applicant";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if either is null
   */
  public Binding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  /**
   * The path as written in a definition.
   *
   * @return e.g. {@code applicant.fullName}
   */
  public String path() {
    return subject + "." + fieldName;
  }
}
