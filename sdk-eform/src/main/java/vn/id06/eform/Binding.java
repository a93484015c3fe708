package vn.id06.eform;

import java.util.Objects;
import vn.id06.core.CitizenField;

/**
 * Where a field is prefilled from: a citizen-record path such as {@code applicant.fullName} or
 * {@code applicant.address}: the subject ({@code applicant}, the person the records describe) and a
 * {@link CitizenField}, named by its JSON name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the person the path starts from; {@code applicant}
 * @param field the citizen field
 */
public record Binding(String subject, CitizenField field) {
  /** The one subject records describe: the person applying. */
  public static final String APPLICANT = "applicant";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if either is null
   */
  public Binding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(field, "field");
  }

  /**
   * The path as written in a definition.
   *
   * @return e.g. {@code applicant.fullName}
   */
  public String path() {
    return subject + "." + field.jsonName();
  }
}
