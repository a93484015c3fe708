package vn.id06.core.citizen;

import java.util.Locale;
import java.util.Objects;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * A nationality (quốc tịch): an ISO 3166-1 alpha-3 code where known, and the name as the source
 * wrote it. Unknown names are kept with an empty code, never refused.
 *
 * <p>Immutable and thread-safe. Not masked: a nationality alone identifies nobody.
 *
 * @param code the ISO 3166-1 alpha-3 code (e.g. {@code VNM}), or {@code ""} when unknown
 * @param name the name as written (e.g. {@code Việt Nam})
 */
public record Nationality(String code, String name) {
  /** Vietnamese nationality. */
  public static final Nationality VIETNAM = new Nationality("VNM", "Việt Nam");

  private static final int MAX_LENGTH = 100;

  /** Checks the components. */
  public Nationality {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Reads a nationality as sources write it: {@code VNM}, {@code Việt Nam}, {@code Viet Nam},
   * {@code Vietnamese}; anything else is kept as a name with an unknown code.
   *
   * @param text the nationality as written
   * @return the nationality
   * @throws InvalidInputException field "nationality": EMPTY or TOO_LONG
   */
  public static Nationality of(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(CitizenField.NATIONALITY, InputReason.EMPTY, "missing");
    }
    String t = VietnameseText.nfc(text.strip());
    if (t.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          CitizenField.NATIONALITY, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    String key = VietnameseText.stripDiacritics(VietnameseText.lower(t)).replace(" ", "");
    if (key.equals("vnm") || key.equals("vietnam") || key.equals("vietnamese")) {
      return VIETNAM;
    }
    if (t.length() == 3 && t.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return new Nationality(t.toUpperCase(Locale.ROOT), t);
    }
    return new Nationality("", t);
  }
}
