package vn.id06.core;

/**
 * Root of id06's exception tree. Every exception id06 throws on purpose is one of these, unchecked.
 *
 * <p>The tree splits where a caller acts differently:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: bad input, including access data a card refuses; fix the
 *       input, do not retry.
 *   <li>{@link RemoteRefusalException}: a gateway answered and refused; {@link
 *       RemoteRefusalException#isRetryable()} says whether trying again can help.
 *   <li>{@link UnavailableException}: nothing usable came back after the allowed attempts (gateway
 *       or transport down, circuit open, card removed mid-read, reader failure).
 *   <li>{@link VerificationException}: a signature, seal, proof or audit chain did not verify.
 * </ul>
 *
 * Anything else that escapes id06 is a bug in id06.
 *
 * <p>Messages never contain personal data: they name the field and the reason, not the value. A
 * wrapped cause (whose own message may carry data, e.g. a parser's excerpt of its input) is kept
 * for the stack trace but never copied into {@link #getMessage()}.
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
   * Creates an exception with a message that must not contain personal data, and its cause. The
   * cause's message is not part of this exception's message.
   *
   * @param message what went wrong, without personal data
   * @param cause the underlying failure
   */
  public Id06Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
