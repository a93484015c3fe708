package vn.id06.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Bad input: names the field and a reason code, never the value.
 *
 * <p>The message is {@code field + ": " + reason + " (" + detail + ")"}; the detail is written by
 * id06 and never holds the input or any other personal data, so the message is safe to log.
 *
 * <p>Instances are immutable and safe to share between threads. Both state fields ({@code String}
 * and an enum) are serializable, so the exception survives serialization.
 */
public class InvalidInputException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final InputReason reason;

  /**
   * Creates the exception for a citizen field.
   *
   * @param field the offending field
   * @param reason why the value was refused
   * @param detail a short explanation that must not contain the input or other personal data
   */
  public InvalidInputException(CitizenField field, InputReason reason, String detail) {
    this(Objects.requireNonNull(field, "field").jsonName(), reason, detail);
  }

  /**
   * Creates the exception for an input that is not a citizen field (e.g. {@code "mrz"}, {@code
   * "formDefinition"}, {@code "gatewayUrl"}), or a citizen field by its JSON name.
   *
   * @param field name of the offending input; a {@link CitizenField}'s JSON name where it is one
   * @param reason why the value was refused
   * @param detail a short explanation that must not contain the input or other personal data
   */
  public InvalidInputException(String field, InputReason reason, String detail) {
    super(
        Objects.requireNonNull(field, "field")
            + ": "
            + Objects.requireNonNull(reason, "reason")
            + " ("
            + Objects.requireNonNullElse(detail, "")
            + ")");
    this.field = field;
    this.reason = reason;
  }

  /**
   * Returns the name of the offending field or input: a {@link CitizenField}'s JSON name where it
   * is one.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns the citizen field that was refused, when the input is one.
   *
   * @return the field, or empty for other inputs
   */
  public Optional<CitizenField> citizenField() {
    return CitizenField.fromJsonName(field);
  }

  /**
   * Returns why the value was refused.
   *
   * @return the reason code
   */
  public InputReason reason() {
    return reason;
  }
}
