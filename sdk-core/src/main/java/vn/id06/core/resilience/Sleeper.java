package vn.id06.core.resilience;

import java.time.Duration;

/**
 * Waits for a duration. Everything in this package that waits does so through a sleeper, so tests
 * can record the waits and advance a fake clock instead of sleeping.
 *
 * <p>Implementations must be thread-safe; {@link #system()} is.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given duration (zero or negative: returns at once).
   *
   * @param duration how long to wait
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns the sleeper that blocks the calling thread ({@link Thread#sleep(long, int)}).
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
