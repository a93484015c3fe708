package vn.id06.core.resilience;

import java.time.Duration;

/** Blocks the calling thread. Stateless and thread-safe. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    long nanos = Durations.saturatedNanos(duration);
    Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
