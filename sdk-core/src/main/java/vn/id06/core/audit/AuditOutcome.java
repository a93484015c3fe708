package vn.id06.core.audit;

/**
 * How an audited call ended. A mismatch found by a verification is a {@link #SUCCESS}: the call
 * worked and the gateway answered.
 *
 * <p>Immutable and thread-safe.
 */
public enum AuditOutcome {
  /** The gateway answered. */
  SUCCESS,
  /** The gateway answered that the subject is unknown. */
  NOT_FOUND,
  /** The gateway refused the request (forbidden, bad request, quota). */
  REFUSED,
  /** No answer after retries: overload, transport failure, open circuit, deadline. */
  UNAVAILABLE,
  /** An answer arrived but failed a security check (signature, request binding). */
  SECURITY_FAILURE,
  /** The request was refused locally before it was sent. */
  INVALID_INPUT,
  /** Anything else. */
  ERROR
}
