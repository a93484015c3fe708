package vn.id06.core.citizen;

import java.util.Locale;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * Sex (giới tính) as recorded on Vietnamese identity documents. *
 *
 * <p>Immutable and thread-safe.
 */
public enum Sex {
  /** Nam. */
  MALE("Nam"),
  /** Nữ. */
  FEMALE("Nữ");

  private final String vietnamese;

  Sex(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  /**
   * The Vietnamese word as printed on cards: "Nam" or "Nữ".
   *
   * @return the word, NFC
   */
  public String vietnamese() {
    return vietnamese;
  }

  /**
   * Parses "MALE"/"FEMALE" or "Nam"/"Nữ" (also "Nu" without diacritics), in any case, NFC or NFD,
   * surrounding spaces ignored.
   *
   * @param text the text
   * @return the sex
   * @throws InvalidInputException field "sex": EMPTY when blank, UNKNOWN_VALUE otherwise
   */
  public static Sex parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("sex", InputReason.EMPTY, "a sex is required");
    }
    // The words cards and our own JSON carry, exactly as written: answered before the copies that
    // normalising, stripping and lower-casing make. Anything else takes the general path below.
    Sex exact =
        switch (text) {
          case "Nam", "MALE" -> MALE;
          case "N\u1eef", "FEMALE" -> FEMALE; // "Nữ" in NFC (precomposed ữ)
          default -> null;
        };
    if (exact != null) {
      return exact;
    }
    String s = VietnameseText.nfc(text).strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "male", "nam" -> MALE;
      case "female", "nữ", "nu" -> FEMALE;
      default ->
          throw new InvalidInputException(
              "sex", InputReason.UNKNOWN_VALUE, "expected MALE, FEMALE, Nam or Nữ");
    };
  }
}
