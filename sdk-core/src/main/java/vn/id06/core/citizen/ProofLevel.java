package vn.id06.core.citizen;

/**
 * How strongly a source proves what it says about a citizen, ordered strongest first (declaration
 * order is the order of strength).
 *
 * <p>Immutable and thread-safe.
 */
public enum ProofLevel {
  /** Answered by the national population database (CSDLQG về dân cư) through the gateway. */
  POPULATION_DATABASE,
  /**
   * Read from the chip with Passive Authentication and Chip or Active Authentication both passing.
   */
  CHIP_AUTHENTICATED,
  /**
   * Read from the chip with Passive Authentication only: data genuine, but the chip may be cloned.
   */
  CHIP_PASSIVE_ONLY,
  /** Read from the chip without verifying it: proves nothing (the BAC key is guessable). */
  CHIP_UNVERIFIED,
  /** Read from the QR code printed on the card: unsigned, anyone can print one. */
  CARD_QR,
  /** Typed or declared by the citizen. */
  SELF_DECLARED;

  /**
   * Whether this level is at least as strong as another.
   *
   * @param other the required level
   * @return true if this level is the same or stronger
   */
  public boolean atLeast(ProofLevel other) {
    return compareTo(other) <= 0;
  }
}
