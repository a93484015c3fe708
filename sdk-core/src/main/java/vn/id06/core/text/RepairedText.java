package vn.id06.core.text;

import java.util.List;
import java.util.Objects;

/**
 * Text after repair, with the repairs made in the order they were undone (outermost damage first).
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the value, which may be personal data.
 *
 * @param value the repaired text, NFC
 * @param repairs the kinds of damage undone, empty when the input was clean
 */
public record RepairedText(String value, List<RepairKind> repairs) {
  /** Copies the list so the record stays immutable. */
  public RepairedText {
    Objects.requireNonNull(value, "value");
    repairs = List.copyOf(repairs);
  }

  /**
   * Tells whether any repair was made.
   *
   * @return true when {@link #repairs()} is not empty
   */
  public boolean repaired() {
    return !repairs.isEmpty();
  }

  /** Masks the value: only the repairs are shown. */
  @Override
  public String toString() {
    return "RepairedText[value=****, repairs=" + repairs + "]";
  }
}
