package vn.id06.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A summary of attempt latencies. The percentiles are approximations from a log-linear histogram,
 * within about 6% of the true value; the mean and the maximum are exact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count how many latencies were recorded
 * @param mean their mean (zero when none)
 * @param max the largest (zero when none)
 * @param p50 the approximate median (zero when none)
 * @param p99 the approximate 99th percentile (zero when none)
 */
public record LatencySummary(long count, Duration mean, Duration max, Duration p50, Duration p99) {

  /**
   * Validates the summary.
   *
   * @param count the count
   * @param mean the mean
   * @param max the maximum
   * @param p50 the median
   * @param p99 the 99th percentile
   */
  public LatencySummary {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p99, "p99");
  }
}
