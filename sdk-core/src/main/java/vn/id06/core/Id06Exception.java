package vn.id06.core;

/**
 * Root of id06's exception tree. Every exception id06 throws on purpose is one of these, unchecked.
 *
 * <p>Messages never contain personal data: they name the field and the reason, not the value.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class Id06Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that must not contain personal data.
   *
   * @param message what went wrong, without personal data
   */
  public Id06Exception(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message that must not contain personal data, and its cause.
   *
   * @param message what went wrong, without personal data
   * @param cause the underlying failure
   */
  public Id06Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
