package vn.id06.eform;

/**
 * Whether a prefilled value is locked.
 *
 * <p>Immutable and thread-safe.
 */
public enum LockPolicy {
  /**
   * A value from a source other than the citizen (population database, chip, card QR) is locked and
   * sealed, with its proof level shown; a value the citizen supplied stays editable.
   */
  AUTHORITATIVE,
  /** Never locked: the value is a suggestion the citizen may change. */
  EDITABLE
}
