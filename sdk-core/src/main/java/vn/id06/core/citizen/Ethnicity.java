package vn.id06.core.citizen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * An ethnicity (dân tộc): the two-digit code of the General Statistics Office's list of Vietnam's
 * 54 ethnic groups (Decision 121-TCTK/PPCĐ of 1979, the list the population database uses), and the
 * name as the source wrote it. A name or code outside the list is kept, with the code as given or
 * empty, never refused: sources write names in several spellings and new codes may appear.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the two-digit code (e.g. {@code 01} for Kinh), or {@code ""} when unknown
 * @param name the name as written
 */
public record Ethnicity(String code, String name) {
  private static final int MAX_LENGTH = 100;

  // The GSO list, in code order (01..54). Names in the list's spelling; matching ignores case,
  // diacritics, spaces and hyphens, so "Ê Đê", "Ê-đê" and "Ede" all find code 12.
  private static final List<String> OFFICIAL =
      List.of(
          "Kinh",
          "Tày",
          "Thái",
          "Hoa",
          "Khơ-me",
          "Mường",
          "Nùng",
          "Hmông",
          "Dao",
          "Gia-rai",
          "Ngái",
          "Ê-đê",
          "Ba-na",
          "Xơ-đăng",
          "Sán Chay",
          "Cơ-ho",
          "Chăm",
          "Sán Dìu",
          "Hrê",
          "Mnông",
          "Ra-glai",
          "Xtiêng",
          "Bru-Vân Kiều",
          "Thổ",
          "Giáy",
          "Cơ-tu",
          "Gié-Triêng",
          "Mạ",
          "Khơ-mú",
          "Co",
          "Tà-ôi",
          "Chơ-ro",
          "Kháng",
          "Xinh-mun",
          "Hà Nhì",
          "Chu-ru",
          "Lào",
          "La Chí",
          "La Ha",
          "Phù Lá",
          "La Hủ",
          "Lự",
          "Lô Lô",
          "Chứt",
          "Mảng",
          "Pà Thẻn",
          "Cơ Lao",
          "Cống",
          "Bố Y",
          "Si La",
          "Pu Péo",
          "Brâu",
          "Ơ Đu",
          "Rơ-măm");

  private static final Map<String, Integer> BY_KEY = new HashMap<>();

  static {
    for (int i = 0; i < OFFICIAL.size(); i++) {
      BY_KEY.put(key(OFFICIAL.get(i)), i);
    }
    // Common other spellings of the same groups.
    BY_KEY.put(key("Khmer"), 4);
    BY_KEY.put(key("H'Mông"), 7);
    BY_KEY.put(key("Mông"), 7);
    BY_KEY.put(key("Jrai"), 9);
    BY_KEY.put(key("Bahnar"), 12);
    BY_KEY.put(key("M'nông"), 19);
    BY_KEY.put(key("Raglai"), 20);
    BY_KEY.put(key("X'tiêng"), 21);
  }

  /** Checks the components. */
  public Ethnicity {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Reads an ethnicity by name ("Kinh", "Ê Đê") or by its two-digit code ("01"); an unknown name is
   * kept with an empty code.
   *
   * @param text the name or code as written
   * @return the ethnicity, with the official name when the code was given
   * @throws InvalidInputException field "ethnicity": EMPTY or TOO_LONG
   */
  public static Ethnicity of(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(CitizenField.ETHNICITY, InputReason.EMPTY, "missing");
    }
    String t = VietnameseText.nfc(text.strip());
    if (t.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          CitizenField.ETHNICITY, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    if (t.length() == 2 && Character.isDigit(t.charAt(0)) && Character.isDigit(t.charAt(1))) {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= OFFICIAL.size()
          ? new Ethnicity(t, OFFICIAL.get(n - 1))
          : new Ethnicity(t, t);
    }
    Integer i = BY_KEY.get(key(t));
    return i == null ? new Ethnicity("", t) : new Ethnicity(String.format("%02d", i + 1), t);
  }

  /**
   * Whether the code is one of the 54 of the official list.
   *
   * @return true for a known code
   */
  public boolean isKnown() {
    if (code.length() != 2
        || !Character.isDigit(code.charAt(0))
        || !Character.isDigit(code.charAt(1))) {
      return false;
    }
    int n = Integer.parseInt(code);
    return n >= 1 && n <= OFFICIAL.size();
  }

  private static String key(String name) {
    StringBuilder b = new StringBuilder();
    String s = VietnameseText.stripDiacritics(VietnameseText.lower(VietnameseText.nfc(name)));
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
