package vn.id06.core.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free log-linear histogram of nanosecond latencies: exact below 16 ns, then 8 buckets per
 * power of two (relative bucket width 1/8, reported at the bucket's middle). Fixed memory.
 * Thread-safe.
 */
final class LatencyRecorder {
  private static final int SUB_BITS = 3;
  private static final int SUB = 1 << SUB_BITS;
  private static final int LINEAR = 2 * SUB;
  private static final int BUCKETS = LINEAR + (63 - (SUB_BITS + 1)) * SUB;

  private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
  private final LongAdder sum = new LongAdder();
  private final AtomicLong max = new AtomicLong();

  void record(long nanos) {
    long v = Math.max(0, nanos);
    buckets.incrementAndGet(index(v));
    sum.add(v);
    max.accumulateAndGet(v, Math::max);
  }

  static int index(long v) {
    if (v < LINEAR) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) ((v >>> (exponent - SUB_BITS)) & (SUB - 1));
    return LINEAR + (exponent - (SUB_BITS + 1)) * SUB + sub;
  }

  /** Returns the middle of a bucket (its value, for the exact buckets). */
  static long representative(int index) {
    if (index < LINEAR) {
      return index;
    }
    int exponent = (index - LINEAR) / SUB + SUB_BITS + 1;
    int sub = (index - LINEAR) % SUB;
    long width = 1L << (exponent - SUB_BITS);
    long lower = (1L << exponent) + sub * width;
    return lower + width / 2;
  }

  LatencySummary snapshot() {
    long[] counts = new long[BUCKETS];
    long count = 0;
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = buckets.get(i);
      count += counts[i];
    }
    if (count == 0) {
      return new LatencySummary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    long maxNanos = max.get();
    return new LatencySummary(
        count,
        Duration.ofNanos(sum.sum() / count),
        Duration.ofNanos(maxNanos),
        Duration.ofNanos(Math.min(maxNanos, quantile(counts, count, 0.50))),
        Duration.ofNanos(Math.min(maxNanos, quantile(counts, count, 0.99))));
  }

  private static long quantile(long[] counts, long count, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return representative(i);
      }
    }
    return representative(counts.length - 1);
  }
}
