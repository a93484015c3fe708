package vn.id06.core;

import java.util.Objects;

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
   * Creates the exception.
   *
   * @param field name of the offending field, e.g. {@code "citizenId"}
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
   * Returns the name of the offending field.
   *
   * @return the field name
   */
  public String field() {
    return field;
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
