package vn.id06.eform;

import java.util.Objects;

/**
 * One option of a {@link FieldType#CHOICE} field.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the value submitted when chosen
 * @param label what the citizen sees
 */
public record ChoiceOption(String value, LocalizedText label) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if either is null
   */
  public ChoiceOption {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
  }
}
