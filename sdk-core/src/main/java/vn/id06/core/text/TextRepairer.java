package vn.id06.core.text;

import vn.id06.core.InvalidInputException;

/**
 * Repairs damaged Vietnamese text (lỗi phông chữ) from QR readers, old databases and keyboard-wedge
 * scanners: UTF-8 read as Windows-1252 / Latin-1 / Windows-1258 (also twice over), NFD, the
 * look-alike Ð, the legacy encodings TCVN3 (ABC), VNI and VISCII, and Telex / VNI / keyboard-layout
 * damage in digit and hex fields.
 *
 * <p>The rule: repair what can be proved, report each repair, refuse what cannot be proved. A value
 * is never guessed; ambiguous damage raises {@link InvalidInputException} naming the field only.
 *
 * <p>Immutable and thread-safe. Never logs the text.
 */
public final class TextRepairer {
  private static final TextRepairer STANDARD = new TextRepairer();

  private TextRepairer() {}

  /**
   * Returns the standard repairer.
   *
   * @return the shared standard instance
   */
  public static TextRepairer standard() {
    return STANDARD;
  }

  /**
   * Repairs a name or address (họ và tên, địa chỉ).
   *
   * @param field the field name used in reports and exceptions
   * @param input the text as received
   * @return the text in NFC with the repairs made
   * @throws InvalidInputException with {@code UNREPAIRABLE_TEXT} when damage is detected but cannot
   *     be undone with certainty
   */
  public RepairedText text(String field, String input) {
    return Repairs.text(field, input);
  }

  /**
   * Repairs a field that must be ASCII digits (an ID number, a date) damaged by an input method or
   * a keyboard layout.
   *
   * @param field the field name used in reports and exceptions
   * @param input the text as received
   * @return the ASCII digits with the repairs made
   * @throws InvalidInputException when the digits cannot be restored with certainty
   */
  public RepairedText digits(String field, String input) {
    return Repairs.digits(field, input);
  }

  /**
   * Repairs a hex field holding UTF-8 (the name and address of a health-insurance card QR), decodes
   * it and repairs the decoded text. The repairs of all steps are reported.
   *
   * @param field the field name used in reports and exceptions
   * @param hex the hex text as received
   * @return the decoded and repaired text
   * @throws InvalidInputException when the hex or the text cannot be restored with certainty
   */
  public RepairedText hexUtf8(String field, String hex) {
    return Repairs.hexUtf8(field, hex);
  }

  /**
   * Decodes raw bytes: strict UTF-8 when valid, otherwise a legacy Vietnamese single-byte encoding
   * where the bytes prove it, then repairs the text.
   *
   * @param field the field name used in reports and exceptions
   * @param raw the bytes as received
   * @return the decoded and repaired text
   * @throws InvalidInputException with {@code BINARY_DATA} for binary data, {@code
   *     UNREPAIRABLE_TEXT} when no encoding can be proved
   */
  public RepairedText decode(String field, byte[] raw) {
    return Repairs.decode(field, raw);
  }

  /**
   * Reads text as a legacy encoding that other evidence has proved (another field of the same QR
   * line, written by the same program), where the text alone cannot tell the encoding ("Thò" is VNI
   * for "Thị" and a syllable itself).
   *
   * @param input the text, its legacy bytes shown as characters
   * @param legacy the encoding; {@link RepairKind#isLegacyEncoding()} must hold
   * @return the decoding, when it differs from the input and reads as Vietnamese
   * @throws IllegalArgumentException when {@code legacy} is not a legacy encoding
   */
  public java.util.Optional<RepairedText> readAs(String input, RepairKind legacy) {
    return java.util.Optional.ofNullable(Repairs.textAs(input, legacy));
  }
}
