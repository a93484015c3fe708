package vn.id06.core.citizen;

/** The outcome of one proof made on a chip. Immutable and thread-safe. */
public enum ProofOutcome {
  /** The proof was made and holds. */
  PROVEN,
  /** The proof was made and failed: the data or the chip is not genuine. */
  FAILED,
  /** The proof could not be made (the card lacks DG14 or DG15, or no trust anchor was given). */
  NOT_AVAILABLE
}
