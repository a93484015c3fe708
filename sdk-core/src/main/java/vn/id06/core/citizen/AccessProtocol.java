package vn.id06.core.citizen;

/** How a chip's data was unlocked (ICAO 9303 part 11). Immutable and thread-safe. */
public enum AccessProtocol {
  /** Basic Access Control, keyed by the MRZ. */
  BAC,
  /** Password Authenticated Connection Establishment, keyed by the MRZ or the CAN. */
  PACE,
  /** No access control (a test card). */
  NONE
}
