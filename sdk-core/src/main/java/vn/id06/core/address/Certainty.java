package vn.id06.core.address;

/**
 * How sure a mapping of an address to today's units is.
 *
 * <p>Thread-safe (an enum).
 */
public enum Certainty {
  /** One current commune: the address names it, or the unit it names went whole (or only) there. */
  EXACT,
  /**
   * Several current communes are possible: the old commune was divided, or its name is ambiguous;
   * all candidates are listed.
   */
  SPLIT,
  /** The commune was not found (or its mapping is not known): nothing is guessed. */
  UNKNOWN
}
