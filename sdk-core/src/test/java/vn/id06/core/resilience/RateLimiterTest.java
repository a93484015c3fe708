package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private RateLimiter limiter(double perSecond, int burst) {
    return RateLimiter.builder(perSecond).burst(burst).clock(clock).sleeper(sleeper).build();
  }

  @Test
  void pacesBackToBackCallsAtTheRate() throws InterruptedException {
    RateLimiter r = limiter(10, 1);
    List<Instant> grants = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assertThat(r.acquire(Duration.ofSeconds(1))).isTrue();
      grants.add(clock.instant());
    }
    Instant t0 = grants.get(0);
    assertThat(grants)
        .containsExactly(
            t0, t0.plusMillis(100), t0.plusMillis(200), t0.plusMillis(300), t0.plusMillis(400));
    assertThat(sleeper.sleeps()).hasSize(4).allMatch(d -> d.equals(Duration.ofMillis(100)));
  }

  @Test
  void aBurstSavesUpIdleTime() throws InterruptedException {
    RateLimiter r = limiter(2, 3);
    assertThat(r.burst()).isEqualTo(3);
    assertThat(r.permitsPerSecond()).isEqualTo(2.0);
    assertThat(r.tryAcquire()).isTrue();
    assertThat(r.tryAcquire()).isTrue();
    assertThat(r.tryAcquire()).isTrue();
    assertThat(r.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(10));
    // Only three are kept, however long the limiter was idle.
    for (int i = 0; i < 3; i++) {
      assertThat(r.tryAcquire()).isTrue();
    }
    assertThat(r.tryAcquire()).isFalse();
    assertThat(r.acquire(Duration.ofMillis(500))).isTrue();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void refusesWithoutReservingWhenTheWaitIsTooLong() throws InterruptedException {
    RateLimiter r = limiter(1, 1);
    assertThat(r.tryAcquire()).isTrue();
    assertThat(r.acquire(Duration.ofMillis(999))).isFalse();
    assertThat(r.acquireBefore(clock.instant().plusMillis(500))).isFalse();
    assertThat(r.acquire(Duration.ofMillis(-5))).isFalse();
    assertThat(sleeper.sleeps()).isEmpty();
    // Nothing was reserved by the refusals: the next permit is due after exactly one second.
    assertThat(r.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  /** However callers arrive, any one-second window [t, t+1s) holds at most N grants. */
  @Property
  void neverMoreThanNPerSecond(
      @ForAll @IntRange(min = 1, max = 50) int perSecond,
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 300) Integer> gapsMillis)
      throws InterruptedException {
    FakeClock c = new FakeClock();
    RateLimiter r =
        RateLimiter.builder(perSecond).clock(c).sleeper(new RecordingSleeper(c)).build();
    List<Instant> grants = new ArrayList<>();
    for (int gap : gapsMillis) {
      c.advance(Duration.ofMillis(gap));
      assertThat(r.acquire(Duration.ofMinutes(10))).isTrue();
      grants.add(c.instant());
    }
    for (int i = 0; i < grants.size(); i++) {
      Instant windowEnd = grants.get(i).plusSeconds(1);
      long inWindow =
          grants.subList(i, grants.size()).stream().filter(g -> g.isBefore(windowEnd)).count();
      assertThat(inWindow).isLessThanOrEqualTo(perSecond);
    }
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> RateLimiter.builder(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.builder(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.builder(2_000_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.builder(1).burst(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RateLimiter.builder(5).build().toString()).contains("permitsPerSecond=5.0");
  }
}
