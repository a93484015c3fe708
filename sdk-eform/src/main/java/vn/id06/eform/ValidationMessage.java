package vn.id06.eform;

import java.util.Objects;

/**
 * One finding of {@link FormValidator}: the field, the rule it breaks and the message in Vietnamese
 * and English, which names the field by its label. Messages never quote the value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field's path: its id, {@code group[2].part} in a repeating group
 * @param rule the rule
 * @param message the message in both languages
 */
public record ValidationMessage(String field, ValidationRule rule, LocalizedText message) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if any is null
   */
  public ValidationMessage {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }
}
