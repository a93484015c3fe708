package vn.id06.core.citizen;

/**
 * How strongly a source proves what it says about a citizen, ordered strongest first (declaration
 * order is the order of strength).
 *
 * <p>The order is strength of proof, not freshness: a chip's address was true when the card was
 * issued and may since have gone stale, while the population database answers with today's data.
 * Choose by {@link #atLeast} for trust, and by {@link Provenance#obtainedAt()} and the field for
 * currency.
 *
 * <ol>
 *   <li>{@link #POPULATION_DATABASE}: a signed answer of the database, signature verified.
 *   <li>{@link #CHIP_AUTHENTICATED}: the state's signature over the data and a genuine chip.
 *   <li>{@link #CHIP_PASSIVE_ONLY}: the state's signature over the data; the chip may be a clone.
 *   <li>{@link #POPULATION_DATABASE_UNVERIFIED}: a database answer whose signature was not checked
 *       (a SOAP profile that does not sign, or verification turned off): only the transport vouches
 *       for it, so it ranks below data that carries the state's signature.
 *   <li>{@link #CHIP_UNVERIFIED}: read from a chip without any proof (the BAC key is guessable).
 *   <li>{@link #CARD_QR}: printed on the card, unsigned.
 *   <li>{@link #SELF_DECLARED}: typed by the citizen.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public enum ProofLevel {
  /**
   * Answered by the national population database (CSDLQG về dân cư) through the gateway, with the
   * answer's signature verified.
   */
  POPULATION_DATABASE,
  /**
   * Read from the chip with Passive Authentication and Chip or Active Authentication both passing.
   */
  CHIP_AUTHENTICATED,
  /**
   * Read from the chip with Passive Authentication only: data genuine, but the chip may be cloned.
   */
  CHIP_PASSIVE_ONLY,
  /**
   * Answered by the population database through a profile or configuration that did not verify a
   * signature over the answer.
   */
  POPULATION_DATABASE_UNVERIFIED,
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
