package vn.id06.eform;

import java.util.Objects;
import java.util.Optional;
import vn.id06.core.citizen.Provenance;

/**
 * One prefilled value: the text shown in the form, where it came from, and whether it is locked.
 *
 * <p>Values are in the form's JSON conventions: ISO dates ({@code yyyy}, {@code yyyy-MM} for
 * partial dates), sex as {@code MALE}/{@code FEMALE}, the 12-digit ID as digits, names and
 * addresses in the authority's spelling. An address whose commune cannot be placed under today's
 * units with certainty gives two values: the field itself, editable and {@link #toConfirm()}, with
 * the old text as its {@link #origin()}, and {@code field.province}, today's province, locked.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the value.
 *
 * @param path the field id, or {@code id.province} for an address's province
 * @param value the value
 * @param provenance where it came from; empty for a value id06 derived without a source
 * @param locked whether it is locked (and sealed)
 * @param origin the source's text before it was mapped to today's units, if it was
 * @param toConfirm whether the citizen must confirm or complete it under today's units
 */
public record PrefilledValue(
    String path,
    String value,
    Optional<Provenance> provenance,
    boolean locked,
    Optional<String> origin,
    boolean toConfirm) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any is null
   */
  public PrefilledValue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** Masked: the path, lock and source only. */
  @Override
  public String toString() {
    return "PrefilledValue["
        + path
        + ", locked="
        + locked
        + ", toConfirm="
        + toConfirm
        + ", level="
        + provenance.map(p -> p.level().name()).orElse("none")
        + "]";
  }
}
