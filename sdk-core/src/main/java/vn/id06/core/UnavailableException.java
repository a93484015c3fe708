package vn.id06.core;

import java.util.Objects;

/**
 * Nothing usable came back: the gateway or the link failed after every allowed attempt, the circuit
 * breaker is open, a deadline passed, or the card was removed or the reader failed mid-read.
 *
 * <p>Immutable and safe to share between threads.
 */
public class UnavailableException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  /** What was unavailable. */
  public enum Kind {
    /** The gateway answered with transient errors on every attempt. */
    GATEWAY,
    /** The connection failed (refused, reset, TLS handshake or truncated answers). */
    TRANSPORT,
    /** The circuit breaker is open: the call was not attempted. */
    CIRCUIT_OPEN,
    /** A deadline passed before an answer came. */
    TIMEOUT,
    /** The card was removed (or lost power) mid-read. */
    CARD_REMOVED,
    /** The card reader or the PC/SC service failed. */
    READER_FAILURE
  }

  private final Kind kind;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param kind what was unavailable
   * @param attempts how many attempts were made (0 when none was allowed, e.g. an open breaker)
   * @param message what failed, without personal data
   * @param cause the last underlying failure, or null
   */
  public UnavailableException(Kind kind, int attempts, String message, Throwable cause) {
    super(message, cause);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts < 0");
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.attempts = attempts;
  }

  /**
   * What was unavailable.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * How many attempts were made.
   *
   * @return the attempt count
   */
  public int attempts() {
    return attempts;
  }
}
