package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Duration MS100 = Duration.ofMillis(100);

  @Test
  void defaultsAreFinite() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.baseDelay()).isEqualTo(MS100);
    assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.retryAfterCap()).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(p.toString()).contains("maxAttempts=3");
  }

  @Test
  void ceilingDoublesUpToTheMaximum() {
    RetryPolicy p = RetryPolicy.builder().backoff(MS100, Duration.ofSeconds(1)).build();
    // 100 * 2^(n-1), capped at 1000, written out by hand.
    long[] expectedMillis = {100, 200, 400, 800, 1000, 1000};
    for (int retry = 1; retry <= expectedMillis.length; retry++) {
      assertThat(p.backoffCeiling(retry)).isEqualTo(Duration.ofMillis(expectedMillis[retry - 1]));
    }
    assertThat(p.backoffCeiling(64)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> p.backoffCeiling(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fullJitterSpansZeroToTheCeiling() {
    RetryPolicy low = RetryPolicy.builder().random(FixedRandom.lowest()).build();
    RetryPolicy high = RetryPolicy.builder().random(FixedRandom.highest()).build();
    assertThat(low.delayBeforeRetry(2, Optional.empty())).isEqualTo(Duration.ZERO);
    assertThat(high.delayBeforeRetry(2, Optional.empty())).isEqualTo(Duration.ofMillis(200));
  }

  @Property
  void jitteredDelayStaysWithinBounds(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int retry) {
    RetryPolicy p =
        RetryPolicy.builder()
            .backoff(Duration.ofMillis(50), Duration.ofSeconds(3))
            .random(new SplittableRandom(seed))
            .build();
    Duration d = p.delayBeforeRetry(retry, Optional.empty());
    long ceiling = Math.min(3000, 50L << Math.min(retry - 1, 20));
    assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
  }

  @Test
  void jitterIsSpreadOverTheWholeRange() {
    RetryPolicy p = RetryPolicy.builder().random(new Random(42)).build();
    long below = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      if (p.delayBeforeRetry(3, Optional.empty()).compareTo(Duration.ofMillis(200)) < 0) {
        below++;
      }
    }
    // Uniform on [0, 400 ms]: about half below 200 ms.
    assertThat(below).isBetween(n * 45L / 100, n * 55L / 100);
  }

  @Property
  void retryAfterIsHonouredUpToTheCap(
      @ForAll @LongRange(min = 0, max = 120_000) long hintMillis, @ForAll long seed) {
    RetryPolicy p =
        RetryPolicy.builder()
            .retryAfterCap(Duration.ofSeconds(10))
            .random(new SplittableRandom(seed))
            .build();
    Duration d = p.delayBeforeRetry(1, Optional.of(Duration.ofMillis(hintMillis)));
    Duration expectedFloor = Duration.ofMillis(Math.min(hintMillis, 10_000));
    assertThat(d).isGreaterThanOrEqualTo(expectedFloor);
    assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(Math.max(100, expectedFloor.toMillis())));
  }

  @Test
  void retryAfterExamples() {
    RetryPolicy p =
        RetryPolicy.builder()
            .retryAfterCap(Duration.ofSeconds(10))
            .random(FixedRandom.highest())
            .build();
    assertThat(p.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(2))))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayBeforeRetry(1, Optional.of(Duration.ofMinutes(5))))
        .isEqualTo(Duration.ofSeconds(10));
    // A hint shorter than the jittered backoff does not shorten it.
    assertThat(p.delayBeforeRetry(1, Optional.of(Duration.ofMillis(10)))).isEqualTo(MS100);
    assertThat(p.delayBeforeRetry(1, Optional.of(Duration.ofMillis(-10)))).isEqualTo(MS100);
    RetryPolicy ignoring =
        RetryPolicy.builder().retryAfterCap(Duration.ZERO).random(FixedRandom.lowest()).build();
    assertThat(ignoring.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(3))))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ofSeconds(2), MS100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ZERO, MS100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(MS100, Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().retryAfterCap(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().random(null))
        .isInstanceOf(NullPointerException.class);
  }
}
