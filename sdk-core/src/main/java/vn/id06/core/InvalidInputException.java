package vn.id06.core;

import java.util.Objects;

/**
 * Bad input: names the field and a reason code, never the value.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class InvalidInputException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final InputReason reason;

  /**
   * Creates the exception.
   *
   * @param field name of the offending field
   * @param reason why the value was refused
   * @param detail a short explanation that must not contain personal data
   */
  public InvalidInputException(String field, InputReason reason, String detail) {
    super(field + ": " + reason + " (" + detail + ")");
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
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
