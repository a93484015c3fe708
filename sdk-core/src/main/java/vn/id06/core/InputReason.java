package vn.id06.core;

/** Why an input was refused. The names are stable reason codes; they hold no personal data. */
public enum InputReason {
  /** The value is empty or blank. */
  EMPTY,
  /** The value is longer than the field allows. */
  TOO_LONG,
  /** The value has the wrong number of characters. */
  WRONG_LENGTH,
  /** The value must be ASCII digits and is not. */
  NOT_DIGITS,
  /** The value does not have the expected shape. */
  MALFORMED,
  /** The date cannot exist (for example 31/02). */
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
  UNRECOGNISED_FORMAT
}
