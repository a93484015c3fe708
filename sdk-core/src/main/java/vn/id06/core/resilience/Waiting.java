package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The one wait loop of this package: waits through a {@link Sleeper}, in steps, until a condition
 * holds or a wait has passed. {@link Bulkhead} waits for a free slot with it, {@link RateLimiter}
 * for its reserved permit.
 *
 * <p>The end is reached when the {@link Clock} says so, or when the requested sleeps add up to the
 * wait, whichever comes first: a fixed clock, or a fake one that the sleeper does not move, can
 * therefore never make it loop for ever. Stateless.
 */
final class Waiting {
  private Waiting() {}

  /**
   * Checks {@code ready}; while it is false, sleeps at most {@code step} at a time, checking it
   * again after each sleep, until {@code wait} has passed.
   *
   * @param wait the longest wait (zero or negative: only one check)
   * @param step the longest single sleep, positive
   * @param ready the condition; may take something (a permit) when it returns true
   * @return whether {@code ready} returned true
   * @throws InterruptedException if interrupted while sleeping
   */
  static boolean until(
      Clock clock, Sleeper sleeper, Duration wait, Duration step, BooleanSupplier ready)
      throws InterruptedException {
    if (ready.getAsBoolean()) {
      return true;
    }
    Duration left = wait.isNegative() ? Duration.ZERO : wait;
    Instant end = clock.instant().plus(left);
    while (true) {
      Duration remaining = Durations.min(Durations.remaining(clock, end), left);
      if (remaining.isZero()) {
        return false;
      }
      Duration nap = Durations.min(remaining, step);
      sleeper.sleep(nap);
      left = left.minus(nap);
      if (ready.getAsBoolean()) {
        return true;
      }
    }
  }
}
