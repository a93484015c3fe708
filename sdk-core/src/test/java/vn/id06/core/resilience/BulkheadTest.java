package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BulkheadTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private Bulkhead bulkhead(int k) {
    return Bulkhead.builder(k)
        .maxWait(Duration.ofMillis(300))
        .pollInterval(Duration.ofMillis(100))
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  @Test
  void atMostKInFlightThenABoundedWait() throws InterruptedException {
    Bulkhead b = bulkhead(2);
    assertThat(b.maxConcurrent()).isEqualTo(2);
    assertThat(b.maxWait()).isEqualTo(Duration.ofMillis(300));
    assertThat(b.tryEnter()).isTrue();
    assertThat(b.enter()).isTrue();
    assertThat(b.inFlight()).isEqualTo(2);
    assertThat(b.tryEnter()).isFalse();
    assertThat(b.enter()).isFalse();
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
    assertThat(b.enter(Duration.ZERO)).isFalse();
    assertThat(b.enter(Duration.ofMillis(-1))).isFalse();
    assertThat(sleeper.sleeps()).hasSize(3);
    b.exit();
    assertThat(b.inFlight()).isEqualTo(1);
    assertThat(b.enter(Duration.ZERO)).isTrue();
  }

  @Test
  void aWaiterGetsTheSlotThatIsGivenBack() throws InterruptedException {
    Bulkhead[] holder = new Bulkhead[1];
    Sleeper releasingSleeper =
        d -> {
          clock.advance(d);
          holder[0].exit();
        };
    holder[0] =
        Bulkhead.builder(1)
            .maxWait(Duration.ofSeconds(1))
            .clock(clock)
            .sleeper(releasingSleeper)
            .build();
    Bulkhead b = holder[0];
    assertThat(b.tryEnter()).isTrue();
    assertThat(b.enter()).isTrue();
    assertThat(b.inFlight()).isEqualTo(1);
  }

  @Test
  void exitWithoutEnterIsABug() {
    Bulkhead b = bulkhead(1);
    assertThatThrownBy(b::exit).isInstanceOf(IllegalStateException.class);
    assertThat(b.toString()).contains("maxConcurrent=1");
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> Bulkhead.builder(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bulkhead.builder(100_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bulkhead.builder(1).maxWait(Duration.ofDays(3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bulkhead.builder(1).pollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClockThatNeverMovesCannotMakeTheWaitEndless() throws InterruptedException {
    // A fixed clock and a sleeper that does not move it: the requested sleeps bound the wait.
    java.util.List<Duration> naps = new java.util.ArrayList<>();
    Bulkhead b =
        Bulkhead.builder(1)
            .maxWait(Duration.ofMillis(50))
            .pollInterval(Duration.ofMillis(20))
            .clock(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC))
            .sleeper(naps::add)
            .build();
    assertThat(b.tryEnter()).isTrue();
    assertThat(b.enter()).isFalse();
    assertThat(naps)
        .containsExactly(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(10));
    RateLimiter r =
        RateLimiter.builder(10)
            .clock(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC))
            .sleeper(naps::add)
            .build();
    assertThat(r.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(r.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(naps).hasSize(4).endsWith(Duration.ofMillis(100));
  }
}
