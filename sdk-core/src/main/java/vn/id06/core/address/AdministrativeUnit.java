package vn.id06.core.address;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A provincial-level administrative unit (đơn vị hành chính cấp tỉnh): a province (tỉnh) or a
 * centrally governed city (thành phố trực thuộc trung ương), with the period in which it existed
 * under this name.
 *
 * <p>{@code validUntil} is the last day (inclusive) on which the unit existed, or {@code null}
 * while it is current. Unit names are public geography, not personal data, so the record's default
 * {@code toString()} is fine. Immutable and thread-safe.
 *
 * @param code the three-digit code; for the 63 pre-reform units, the province code used in the
 *     12-digit ID (PPP)
 * @param name the name without the "Tỉnh"/"Thành phố" prefix, NFC, e.g. "Hồ Chí Minh"
 * @param level province or centrally governed city
 * @param validFrom first day on which the unit existed under this name in this table
 * @param validUntil last day on which the unit existed, or {@code null} if it still exists
 */
public record AdministrativeUnit(
    String code, String name, Level level, LocalDate validFrom, LocalDate validUntil) {

  /** The kind of provincial-level unit. */
  public enum Level {
    /** Tỉnh: a province. */
    PROVINCE,
    /** Thành phố trực thuộc trung ương: a centrally governed city. */
    CITY
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component but {@code validUntil} is null
   * @throws IllegalArgumentException if {@code validUntil} is before {@code validFrom}
   */
  public AdministrativeUnit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(validFrom, "validFrom");
    if (validUntil != null && validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("validUntil is before validFrom");
    }
  }

  /**
   * Whether the unit existed on the given day.
   *
   * @param date the day
   * @return true if {@code validFrom <= date <= validUntil}
   */
  public boolean isValidOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
  }

  // Written out rather than generated: a record's generated equals and hashCode bootstrap an
  // invokedynamic call site on first use, tens of milliseconds in a fresh JVM, and the built-in
  // table hashes its units when it is created. Same semantics: all components compared.
  @Override
  public boolean equals(Object o) {
    return o instanceof AdministrativeUnit u
        && u.code.equals(code)
        && u.name.equals(name)
        && u.level == level
        && u.validFrom.equals(validFrom)
        && Objects.equals(u.validUntil, validUntil);
  }

  @Override
  public int hashCode() {
    int h = code.hashCode();
    h = h * 31 + name.hashCode();
    h = h * 31 + level.hashCode();
    h = h * 31 + validFrom.hashCode();
    return h * 31 + Objects.hashCode(validUntil);
  }
}
