package vn.id06.testkit.card;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.id06.core.citizen.Sex;

/** The TD1 machine-readable zone of the Vietnamese chip card (ICAO Doc 9303 Part 5). Stateless. */
final class Mrz {
  static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private Mrz() {}

  static int checkDigit(String s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
      } else {
        v = 0;
      }
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  static String pad(String s, int n) {
    StringBuilder b = new StringBuilder(s.length() > n ? s.substring(0, n) : s);
    while (b.length() < n) {
      b.append('<');
    }
    return b.toString();
  }

  /** Transliterates a Vietnamese name into MRZ letters: marks dropped, Đ as D, apostrophes gone. */
  static String letters(String text) {
    String d = text.replace('Đ', 'D').replace('đ', 'd');
    d = Normalizer.normalize(d, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    d = d.replace("'", "").replace("’", "").toUpperCase(java.util.Locale.ROOT);
    return d.replaceAll("[^A-Z]+", "<");
  }

  private static String[] words(String letters) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < letters.length(); i++) {
      char ch = letters.charAt(i);
      if (ch == '<') {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(ch);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out.isEmpty() ? new String[] {""} : out.toArray(new String[0]);
  }

  /** SURNAME<<GIVEN<NAMES: the first word is the surname (family name). */
  static String nameLine(String fullName) {
    String[] words = words(letters(fullName.trim()));
    StringBuilder b = new StringBuilder(words[0]).append("<<");
    for (int i = 1; i < words.length; i++) {
      if (i > 1) {
        b.append('<');
      }
      b.append(words[i]);
    }
    return pad(b.toString(), 30);
  }

  static String td1(
      String citizenId, LocalDate dateOfBirth, Sex sex, LocalDate dateOfExpiry, String fullName) {
    String docNo = citizenId.substring(3);
    String optional = citizenId + "<<" + checkDigit(citizenId);
    String line1 = "IDVNM" + docNo + checkDigit(docNo) + optional;
    String dob = YYMMDD.format(dateOfBirth);
    String doe = YYMMDD.format(dateOfExpiry);
    String line2a =
        dob + checkDigit(dob) + (sex == Sex.FEMALE ? "F" : "M") + doe + checkDigit(doe) + "VNM";
    line2a = pad(line2a, 29);
    String composite =
        line1.substring(5, 30)
            + line2a.substring(0, 7)
            + line2a.substring(8, 15)
            + line2a.substring(18, 29);
    String line2 = line2a + checkDigit(composite);
    return line1 + line2 + nameLine(fullName);
  }

  /** The BAC/PACE key seed input: document number, birth and expiry, each with its check digit. */
  static String keyInformation(String docNo, LocalDate dateOfBirth, LocalDate dateOfExpiry) {
    String dob = YYMMDD.format(dateOfBirth);
    String doe = YYMMDD.format(dateOfExpiry);
    return docNo + checkDigit(docNo) + dob + checkDigit(dob) + doe + checkDigit(doe);
  }
}
