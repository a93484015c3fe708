package vn.id06.eform;

import java.util.List;
import java.util.Objects;

/**
 * Sources that disagree on one field, e.g. a card QR's address that differs from the population
 * database's. The prefill shows the strongest source's value; the conflict is reported so that the
 * portal and the citizen see it, not resolved silently.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the values.
 *
 * @param path the field id
 * @param candidates every source's value, strongest proof first; the first is the one prefilled
 */
public record Conflict(String path, List<PrefilledValue> candidates) {
  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if fewer than two candidates
   */
  public Conflict {
    Objects.requireNonNull(path, "path");
    candidates = List.copyOf(candidates);
    if (candidates.size() < 2) {
      throw new IllegalArgumentException("a conflict needs two candidates");
    }
  }

  /** Masked: the path and the sources' levels only. */
  @Override
  public String toString() {
    return "Conflict["
        + path
        + ", levels="
        + candidates.stream()
            .map(c -> c.provenance().map(p -> p.level().name()).orElse("none"))
            .toList()
        + "]";
  }
}
