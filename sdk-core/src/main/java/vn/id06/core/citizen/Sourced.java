package vn.id06.core.citizen;

import java.util.Objects;

/**
 * One value with where it came from: what the e-form engine merges records into, field by field.
 *
 * <p>Immutable and thread-safe when the value is. {@link #toString()} never shows the value (it is
 * usually personal data), only its type and provenance.
 *
 * @param value the value
 * @param provenance where it came from
 * @param <T> the value's type
 */
public record Sourced<T>(T value, Provenance provenance) {
  /** Checks the components. */
  public Sourced {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * The proof level of the value's source.
   *
   * @return the level
   */
  public ProofLevel level() {
    return provenance.level();
  }

  /** Masked: names the value's type and the provenance, never the value. */
  @Override
  public String toString() {
    return "Sourced[" + value.getClass().getSimpleName() + ", " + provenance + "]";
  }
}
