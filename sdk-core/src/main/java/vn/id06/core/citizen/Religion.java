package vn.id06.core.citizen;

import java.util.Objects;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * A religion (tôn giáo) as the source states it: the source's code where it gives one, and the name
 * as written. Any name is accepted (Vietnam recognises many religious organisations and sources
 * spell them variously); "Không" (none) is recognised as {@link #NONE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the source's code, or {@code ""} when it gave none
 * @param name the name as written
 */
public record Religion(String code, String name) {
  /** No religion ("Không"). */
  public static final Religion NONE = new Religion("", "Không");

  private static final int MAX_LENGTH = 100;

  /** Checks the components. */
  public Religion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Reads a religion by name; "Không", "không", "None" give {@link #NONE}.
   *
   * @param text the name as written
   * @return the religion
   * @throws InvalidInputException field "religion": EMPTY or TOO_LONG
   */
  public static Religion of(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(CitizenField.RELIGION, InputReason.EMPTY, "missing");
    }
    String t = VietnameseText.nfc(text.strip());
    if (t.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          CitizenField.RELIGION, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    String key = VietnameseText.stripDiacritics(VietnameseText.lower(t));
    if (key.equals("khong") || key.equals("none")) {
      return NONE;
    }
    return new Religion("", t);
  }

  /**
   * Whether this is "no religion".
   *
   * @return true for {@link #NONE}
   */
  public boolean isNone() {
    return equals(NONE);
  }
}
