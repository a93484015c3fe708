package vn.id06.core.text;

import java.util.Objects;
import vn.id06.core.CitizenField;

/**
 * One repair made to one field: which field and what kind of damage was undone. Holds no personal
 * data, so the default {@code toString()} is safe.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the repaired field
 * @param kind the damage that was undone
 */
public record Repair(CitizenField field, RepairKind kind) {
  /** Checks that both parts are present. */
  public Repair {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
  }
}
