package vn.id06.core.citizen;

/**
 * Whether the population database knows the person as alive, deceased or missing: the "sống" of
 * Project 06's data test "đúng, đủ, sạch, sống". Immutable and thread-safe.
 */
public enum LifeStatus {
  /** Alive (còn sống). */
  ALIVE,
  /** Deceased (đã chết). */
  DECEASED,
  /** Declared missing (mất tích). */
  MISSING
}
