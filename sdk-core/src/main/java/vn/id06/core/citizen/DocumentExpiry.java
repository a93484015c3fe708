package vn.id06.core.citizen;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When an identity document expires: on a date, or never ("Không thời hạn", printed on cards of
 * citizens aged 60 and over). Distinct from "not carried", which a record says with an empty {@code
 * Optional}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface DocumentExpiry {

  /**
   * Expires on a date.
   *
   * @param date the last day of validity
   * @return the expiry
   */
  static DocumentExpiry on(LocalDate date) {
    return new On(date);
  }

  /**
   * Never expires (không thời hạn).
   *
   * @return the expiry
   */
  static DocumentExpiry none() {
    return new None();
  }

  /**
   * Whether the document is valid on a day (no expiry: always).
   *
   * @param day the day
   * @return true if not expired on that day
   */
  boolean validOn(LocalDate day);

  /**
   * Expires on a date.
   *
   * @param date the last day of validity
   */
  record On(LocalDate date) implements DocumentExpiry {
    /** Checks the component. */
    public On {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public boolean validOn(LocalDate day) {
      return !day.isAfter(date);
    }
  }

  /** Never expires. */
  record None() implements DocumentExpiry {
    @Override
    public boolean validOn(LocalDate day) {
      Objects.requireNonNull(day, "day");
      return true;
    }
  }
}
