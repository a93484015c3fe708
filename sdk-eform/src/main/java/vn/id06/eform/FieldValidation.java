package vn.id06.eform;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The validation a definition asks of one field, beyond its type and whether it is required.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxLength the most characters the value may have
 * @param pattern a regular expression the whole value must match
 * @param notInFuture for dates: the date must not lie after today
 * @param dateOfBirthField for ID fields: the field in the same scope holding the holder's date of
 *     birth, checked against the birth year the ID encodes
 * @param sexField for ID fields: the field in the same scope holding the holder's sex, checked
 *     against the sex the ID encodes
 */
public record FieldValidation(
    OptionalInt maxLength,
    Optional<Pattern> pattern,
    boolean notInFuture,
    Optional<String> dateOfBirthField,
    Optional<String> sexField) {

  /** No validation beyond the field's type. */
  public static final FieldValidation NONE =
      new FieldValidation(
          OptionalInt.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any is null
   */
  public FieldValidation {
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(dateOfBirthField, "dateOfBirthField");
    Objects.requireNonNull(sexField, "sexField");
  }
}
