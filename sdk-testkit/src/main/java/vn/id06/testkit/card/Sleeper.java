package vn.id06.testkit.card;

import java.time.Duration;

/**
 * Waits for a while: the virtual card's slow answers go through one, so tests pass a recording
 * sleeper and never sleep for real. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for {@code duration}.
   *
   * @param duration how long
   * @throws InterruptedException when interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real clock's sleeper.
   *
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
  }
}
