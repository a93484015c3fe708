package vn.id06.examples.cli;

import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.LegacyId;

/**
 * The masks the output records' {@code toString} use: sdk-core's own ({@link CitizenId#masked},
 * {@link LegacyId#masked}), applied to an ID the record holds as text. Stateless and thread-safe.
 */
final class Masked {
  private Masked() {}

  /**
   * An ID held as text, masked as {@code 079*******45}; {@code ****} for text that is not an ID (a
   * {@code toString} never throws, and never shows what it cannot mask).
   *
   * @param digits the 12-digit ID or the 9-digit old one, may be null
   * @return the masked form, {@code none} for null
   */
  static String id(String digits) {
    if (digits == null) {
      return "none";
    }
    try {
      return digits.length() == 12
          ? CitizenId.parse(digits).masked()
          : LegacyId.parse(digits).masked();
    } catch (InvalidInputException notAnId) {
      return "****";
    }
  }
}
