package vn.id06.cardreader;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The fields of a TD1 MRZ (DG1) of the Vietnamese card: document number, the 12-digit ID in the
 * optional data, birth and expiry dates (YYMMDD), sex, and the name. Immutable; thread-safe.
 */
record MrzData(
    String documentNumber,
    String optionalData,
    String dateOfBirth,
    char sex,
    String dateOfExpiry,
    String name) {

  static MrzData parseTd1(String mrz) {
    if (mrz.length() != 90) {
      throw Errors.malformed("DG1", "not a TD1 MRZ");
    }
    String l1 = mrz.substring(0, 30);
    String l2 = mrz.substring(30, 60);
    String l3 = mrz.substring(60, 90);
    String doc = l1.substring(5, 14);
    if (Mrz.checkDigit(doc) != l1.charAt(14)) {
      throw Errors.malformed("DG1", "the document number's check digit does not match");
    }
    String opt = l1.substring(15, 30);
    String dob = l2.substring(0, 6);
    String doe = l2.substring(8, 14);
    if (Mrz.checkDigit(dob) != l2.charAt(6) || Mrz.checkDigit(doe) != l2.charAt(14)) {
      throw Errors.malformed("DG1", "a date's check digit does not match");
    }
    String name = l3.replaceAll("<+$", "").replace("<<", " ").replace('<', ' ').strip();
    return new MrzData(doc.replace("<", ""), opt, dob, l2.charAt(7), doe, name);
  }

  /** The 12-digit ID in the optional data, when it is there. */
  String citizenId() {
    String digits = optionalData.length() >= 12 ? optionalData.substring(0, 12) : "";
    return digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.length() == 12
        ? digits
        : null;
  }

  /** The MRZ form of a Vietnamese name: no diacritics, Đ as D, upper case, single spaces. */
  static String fold(String name) {
    String s = name.replace('Đ', 'D').replace('đ', 'd');
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
  }

  @Override
  public String toString() {
    return "MrzData[masked]";
  }
}
