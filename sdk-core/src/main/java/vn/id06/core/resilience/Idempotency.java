package vn.id06.core.resilience;

/**
 * What the caller says about repeating an operation. Only operations that are safe to repeat are
 * retried.
 *
 * <p>Immutable and thread-safe.
 */
public enum Idempotency {
  /** Repeating the operation has no further effect (a read, a verification). Retried. */
  IDEMPOTENT,
  /** The request carries an idempotency key the server deduplicates on. Retried. */
  IDEMPOTENCY_KEY,
  /** The operation may take effect twice if repeated. Never retried. */
  NOT_IDEMPOTENT;

  /**
   * Returns whether an operation of this kind may be retried.
   *
   * @return {@code true} unless {@link #NOT_IDEMPOTENT}
   */
  public boolean allowsRetry() {
    return this != NOT_IDEMPOTENT;
  }
}
