package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Property
  void bucketsAreWithinASixteenthOfTheValue(@ForAll @LongRange(min = 0) long v) {
    long r = LatencyRecorder.representative(LatencyRecorder.index(v));
    assertThat((double) r).isCloseTo((double) v, within(Math.max(0.0, v / 16.0)));
  }

  @Test
  void emptyIsAllZero() {
    LatencySummary s = new LatencyRecorder().snapshot();
    assertThat(s.count()).isZero();
    assertThat(s.p99()).isEqualTo(Duration.ZERO);
  }

  @Test
  void summaryOfAKnownSample() {
    LatencyRecorder r = new LatencyRecorder();
    for (int ms = 1; ms <= 1000; ms++) {
      r.record(ms * 1_000_000L);
    }
    r.record(-5); // clamped to zero
    LatencySummary s = r.snapshot();
    assertThat(s.count()).isEqualTo(1001);
    // Sum of 1..1000 ms = 500,500 ms over 1001 samples.
    long sumNanos = 500_500L * 1_000_000L;
    assertThat(s.mean().toNanos()).isEqualTo(sumNanos / 1001);
    assertThat(s.max()).isEqualTo(Duration.ofSeconds(1));
    assertThat((double) s.p50().toNanos()).isCloseTo(500e6, within(500e6 / 16));
    assertThat((double) s.p99().toNanos()).isCloseTo(990e6, within(990e6 / 16));
  }
}
