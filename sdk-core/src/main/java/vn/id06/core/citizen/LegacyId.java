package vn.id06.core.citizen;

import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.Digits;

/**
 * The old identity card number (số CMND): 9 digits, or 12 digits for the CMND some provinces issued
 * from 2012. It appears as the "old ID" on CCCD cards, in QR codes and in the population database.
 *
 * <p>Immutable and thread-safe; equality by value. {@link #toString()} is masked.
 */
public final class LegacyId {
  private static final String FIELD = "legacyId";

  private final String value;

  private LegacyId(String value) {
    this.value = value;
  }

  /**
   * Parses 9 or 12 ASCII digits (surrounding spaces ignored).
   *
   * @param text the number
   * @return the number
   * @throws InvalidInputException field "legacyId": EMPTY, NOT_DIGITS or WRONG_LENGTH
   */
  public static LegacyId parse(String text) {
    return new LegacyId(Digits.require(FIELD, text, 9, 12));
  }

  /**
   * The digits.
   *
   * @return 9 or 12 digits
   */
  public String value() {
    return value;
  }

  /**
   * The masked number: first three and last two digits.
   *
   * @return the masked number
   */
  public String masked() {
    return Digits.mask(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LegacyId l && l.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: {@code LegacyId[123****89]}. */
  @Override
  public String toString() {
    return "LegacyId[" + masked() + "]";
  }
}
