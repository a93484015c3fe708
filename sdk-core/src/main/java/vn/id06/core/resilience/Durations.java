package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Small duration checks shared by the builders. Stateless. */
final class Durations {
  private Durations() {}

  static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException overflow) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Requires a strictly positive duration of at most a day (every setting here is finite). */
  static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    if (d.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(name + " must be at most one day");
    }
    return d;
  }

  /** Requires a duration between zero and a day. */
  static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    if (d.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(name + " must be at most one day");
    }
    return d;
  }

  static Duration remaining(Clock clock, Instant deadline) {
    Duration r = Duration.between(clock.instant(), deadline);
    return r.isNegative() ? Duration.ZERO : r;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
