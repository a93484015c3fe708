package vn.id06.cardreader;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The access data that opens a chip: the MRZ key (document number, birth date, expiry) for BAC and
 * PACE, or the card access number (CAN) for PACE.
 *
 * <p>On the Vietnamese chip ID card the document number is the last 9 digits of the 12-digit
 * personal identification number, so {@link #ofCitizenId} builds the key from the ID and the two
 * dates printed on the card.
 *
 * <p>Immutable and thread-safe. {@code toString()} reveals nothing of the key.
 */
public final class AccessKey {
  private static final DateTimeFormatter YYMMDD =
      DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

  private final String documentNumber;
  private final String dateOfBirth;
  private final String dateOfExpiry;
  private final String can;

  private AccessKey(String documentNumber, String dateOfBirth, String dateOfExpiry, String can) {
    this.documentNumber = documentNumber;
    this.dateOfBirth = dateOfBirth;
    this.dateOfExpiry = dateOfExpiry;
    this.can = can;
  }

  /**
   * The MRZ key from a document number and the two dates.
   *
   * @param documentNumber the document number as in the MRZ (letters, digits; up to 9 characters
   *     are used, shorter ones are padded with {@code <})
   * @param dateOfBirth the holder's date of birth
   * @param dateOfExpiry the document's expiry date
   * @return the key
   * @throws InvalidInputException when the document number is empty or has other characters
   */
  public static AccessKey ofDocument(
      String documentNumber, LocalDate dateOfBirth, LocalDate dateOfExpiry) {
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
    String doc = normaliseDocument(documentNumber);
    return new AccessKey(doc, YYMMDD.format(dateOfBirth), YYMMDD.format(dateOfExpiry), null);
  }

  /**
   * The MRZ key of a Vietnamese chip ID card: the document number is the ID's last 9 digits.
   *
   * @param citizenId the 12-digit personal identification number
   * @param dateOfBirth the holder's date of birth as printed on the card
   * @param dateOfExpiry the card's expiry date as printed on the card
   * @return the key
   * @throws InvalidInputException when the ID is not 12 ASCII digits
   */
  public static AccessKey ofCitizenId(
      String citizenId, LocalDate dateOfBirth, LocalDate dateOfExpiry) {
    if (citizenId == null || citizenId.isEmpty()) {
      throw new InvalidInputException("citizenId", InputReason.EMPTY, "the ID is required");
    }
    if (citizenId.length() != 12) {
      throw new InvalidInputException("citizenId", InputReason.WRONG_LENGTH, "12 digits expected");
    }
    for (int i = 0; i < 12; i++) {
      char c = citizenId.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInputException("citizenId", InputReason.NOT_DIGITS, "12 digits expected");
      }
    }
    return ofDocument(citizenId.substring(3), dateOfBirth, dateOfExpiry);
  }

  /**
   * The MRZ key read from a machine readable zone: TD1 (3 lines of 30, the ID card) or TD3 (2 lines
   * of 44, the passport), with or without line breaks. Check digits are verified.
   *
   * @param mrz the MRZ text
   * @return the key
   * @throws InvalidInputException when the text is not a TD1 or TD3 MRZ or a check digit is wrong
   */
  public static AccessKey ofMrz(String mrz) {
    if (mrz == null) {
      throw new InvalidInputException("mrz", InputReason.EMPTY, "the MRZ is required");
    }
    String s = mrz.replaceAll("[\\r\\n\\s]", "").toUpperCase(Locale.ROOT);
    String doc;
    String docCd;
    String dob;
    String dobCd;
    String doe;
    String doeCd;
    if (s.length() == 90) {
      doc = s.substring(5, 14);
      docCd = s.substring(14, 15);
      dob = s.substring(30, 36);
      dobCd = s.substring(36, 37);
      doe = s.substring(38, 44);
      doeCd = s.substring(44, 45);
    } else if (s.length() == 88) {
      doc = s.substring(44, 53);
      docCd = s.substring(53, 54);
      dob = s.substring(57, 63);
      dobCd = s.substring(63, 64);
      doe = s.substring(65, 71);
      doeCd = s.substring(71, 72);
    } else {
      throw new InvalidInputException(
          "mrz", InputReason.WRONG_LENGTH, "a TD1 (3x30) or TD3 (2x44) MRZ expected");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Mrz.value(s.charAt(i)) < 0) {
        throw new InvalidInputException(
            "mrz", InputReason.MALFORMED, "a character outside A-Z 0-9 <");
      }
    }
    if (Mrz.checkDigit(doc) != docCd.charAt(0)
        || Mrz.checkDigit(dob) != dobCd.charAt(0)
        || Mrz.checkDigit(doe) != doeCd.charAt(0)) {
      throw new InvalidInputException("mrz", InputReason.MALFORMED, "a check digit does not match");
    }
    if (!dob.chars().allMatch(Character::isDigit) || !doe.chars().allMatch(Character::isDigit)) {
      throw new InvalidInputException("mrz", InputReason.MALFORMED, "dates must be digits");
    }
    return new AccessKey(doc, dob, doe, null);
  }

  /**
   * A card access number for PACE.
   *
   * @param can the CAN printed on the card (digits, usually 6)
   * @return the key
   * @throws InvalidInputException when the CAN is empty or not digits
   */
  public static AccessKey ofCan(String can) {
    if (can == null || can.isEmpty()) {
      throw new InvalidInputException("can", InputReason.EMPTY, "the CAN is required");
    }
    if (!can.chars().allMatch(c -> c >= '0' && c <= '9') || can.length() > 12) {
      throw new InvalidInputException("can", InputReason.MALFORMED, "the CAN is up to 12 digits");
    }
    return new AccessKey(null, null, null, can);
  }

  private static String normaliseDocument(String documentNumber) {
    if (documentNumber == null || documentNumber.isEmpty()) {
      throw new InvalidInputException(
          "documentNumber", InputReason.EMPTY, "the document number is required");
    }
    String d = documentNumber.toUpperCase(Locale.ROOT);
    if (d.length() > 9) {
      throw new InvalidInputException(
          "documentNumber", InputReason.TOO_LONG, "at most 9 characters are supported");
    }
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        throw new InvalidInputException(
            "documentNumber", InputReason.MALFORMED, "letters and digits only");
      }
    }
    StringBuilder sb = new StringBuilder(d);
    while (sb.length() < 9) {
      sb.append('<');
    }
    return sb.toString();
  }

  /**
   * Tells whether this is a CAN (PACE only) rather than an MRZ key.
   *
   * @return true for a CAN
   */
  public boolean isCan() {
    return can != null;
  }

  /** The MRZ information: document number, birth date, expiry, each with its check digit. */
  String mrzInformation() {
    return documentNumber
        + Mrz.checkDigit(documentNumber)
        + dateOfBirth
        + Mrz.checkDigit(dateOfBirth)
        + dateOfExpiry
        + Mrz.checkDigit(dateOfExpiry);
  }

  /** The PACE password bytes: SHA-1 of the MRZ information, or the CAN's ASCII digits. */
  byte[] pacePassword() {
    if (can != null) {
      return can.getBytes(StandardCharsets.US_ASCII);
    }
    return Crypto.sha1(mrzInformation().getBytes(StandardCharsets.US_ASCII));
  }

  /** The PACE password reference of MSE:Set AT: 1 for the MRZ, 2 for the CAN. */
  int passwordReference() {
    return can != null ? 2 : 1;
  }

  @Override
  public String toString() {
    return can != null ? "AccessKey[CAN]" : "AccessKey[MRZ]";
  }
}
