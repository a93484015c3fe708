package vn.id06.eform;

import java.util.Objects;

/**
 * A text in Vietnamese and in English: a field's label, a form's title, a validation message.
 *
 * <p>Immutable and thread-safe. Labels are not personal data.
 *
 * @param vi the Vietnamese text
 * @param en the English text
 */
public record LocalizedText(String vi, String en) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if either is null
   */
  public LocalizedText {
    Objects.requireNonNull(vi, "vi");
    Objects.requireNonNull(en, "en");
  }
}
