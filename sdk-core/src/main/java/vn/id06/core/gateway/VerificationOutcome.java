package vn.id06.core.gateway;

/**
 * The gateway's answer for a subject or a field.
 *
 * <p>Immutable and thread-safe.
 */
public enum VerificationOutcome {
  /** The value matches what the population database holds. */
  MATCH,
  /** The citizen is known, and the value differs from what the database holds. */
  MISMATCH,
  /** The database knows no citizen with that ID. */
  NOT_FOUND
}
