package vn.id06.core;

import java.util.Objects;

/**
 * A security check failed: a signature, seal, proof or audit chain did not verify. The data it
 * protected must not be used.
 *
 * <p>Immutable and safe to share between threads.
 */
public class VerificationException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  private final SecurityCheck check;

  /**
   * Creates the exception.
   *
   * @param check the check that failed
   * @param message what failed, without personal data
   */
  public VerificationException(SecurityCheck check, String message) {
    super(message);
    this.check = Objects.requireNonNull(check, "check");
  }

  /**
   * Creates the exception with its cause.
   *
   * @param check the check that failed
   * @param message what failed, without personal data
   * @param cause the underlying failure
   */
  public VerificationException(SecurityCheck check, String message, Throwable cause) {
    super(message, cause);
    this.check = Objects.requireNonNull(check, "check");
  }

  /**
   * The check that failed.
   *
   * @return the check
   */
  public SecurityCheck check() {
    return check;
  }
}
