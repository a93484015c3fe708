package vn.id06.core;

/**
 * Why an input was refused. The names are stable reason codes that callers may switch on and log;
 * they hold no personal data.
 *
 * <p>Immutable and thread-safe.
 */
public enum InputReason {
  /** The value is missing, empty or blank. */
  EMPTY,
  /** The value is longer than the field allows. */
  TOO_LONG,
  /**
   * The value has the wrong number of characters (for example an ID that is not 12 digits long).
   */
  WRONG_LENGTH,
  /** The value must consist of ASCII digits 0-9 and does not. */
  NOT_DIGITS,
  /** The value does not have the expected shape. */
  MALFORMED,
  /** The date cannot exist (for example 31/02) or lies outside the supported years. */
  IMPOSSIBLE_DATE,
  /** The date lies in the future where that is impossible. */
  FUTURE_DATE,
  /** The value is not one of the known values. */
  UNKNOWN_VALUE,
  /** A delimited record has the wrong number of fields. */
  WRONG_FIELD_COUNT,
  /** The text is damaged (lỗi phông chữ) and cannot be repaired with certainty. */
  UNREPAIRABLE_TEXT,
  /** The bytes are binary data, not text. */
  BINARY_DATA,
  /** The input is in no recognised format. */
  UNRECOGNISED_FORMAT,
  /**
   * A card refused the access data (the birth date, expiry, document number or CAN does not match
   * the card). Bad input, not a security failure: the caller typed or scanned something wrong.
   */
  ACCESS_REFUSED
}
