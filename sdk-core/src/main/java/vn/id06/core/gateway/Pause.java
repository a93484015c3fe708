package vn.id06.core.gateway;

import java.time.Duration;

/** Waits: backoff, Retry-After and the rate limit. Tests substitute a recording one. */
@FunctionalInterface
interface Pause {
  /** The real thing: {@link Thread#sleep}. */
  Pause SYSTEM =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
      };

  /**
   * Waits.
   *
   * @param duration how long
   * @throws InterruptedException if interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
