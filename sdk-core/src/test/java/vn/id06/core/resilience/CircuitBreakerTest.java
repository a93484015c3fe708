package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.id06.core.resilience.CircuitBreaker.State;
import vn.id06.core.resilience.CircuitBreaker.StateChange;

class CircuitBreakerTest {
  private final FakeClock clock = new FakeClock();
  private final List<StateChange> changes = new CopyOnWriteArrayList<>();

  private CircuitBreaker breaker(int failures, int window, int trials) {
    return CircuitBreaker.builder()
        .failureThreshold(failures, window)
        .openDuration(Duration.ofSeconds(10))
        .halfOpenPermits(trials)
        .clock(clock)
        .onStateChange(changes::add)
        .onStateChange(
            c -> {
              throw new IllegalStateException("a broken listener is ignored");
            })
        .build();
  }

  private static void fail(CircuitBreaker b, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(b.tryAcquirePermission()).isTrue();
      b.onFailure();
    }
  }

  @Test
  void opensAtTheThresholdWithinTheWindow() {
    CircuitBreaker b = breaker(3, 5, 1);
    fail(b, 2);
    assertThat(b.state()).isEqualTo(State.CLOSED);
    assertThat(b.failuresInWindow()).isEqualTo(2);
    fail(b, 1);
    assertThat(b.state()).isEqualTo(State.OPEN);
    assertThat(b.tryAcquirePermission()).isFalse();
    assertThat(changes).containsExactly(new StateChange(State.CLOSED, State.OPEN, clock.instant()));
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    CircuitBreaker b = breaker(3, 4, 1);
    fail(b, 2);
    for (int i = 0; i < 4; i++) {
      assertThat(b.tryAcquirePermission()).isTrue();
      b.onSuccess();
    }
    assertThat(b.failuresInWindow()).isZero();
    fail(b, 2);
    assertThat(b.state()).isEqualTo(State.CLOSED);
    // Window now S S F F; one more failure pushes out an S: S F F F, three failures.
    fail(b, 1);
    assertThat(b.state()).isEqualTo(State.OPEN);
  }

  @Test
  void halfOpensAfterTheOpenDurationAndClosesAfterTheTrials() {
    CircuitBreaker b = breaker(1, 1, 2);
    fail(b, 1);
    clock.advance(Duration.ofSeconds(9));
    assertThat(b.tryAcquirePermission()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.state()).isEqualTo(State.HALF_OPEN);
    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.tryAcquirePermission()).isFalse();
    b.onSuccess();
    assertThat(b.state()).isEqualTo(State.HALF_OPEN);
    b.onSuccess();
    assertThat(b.state()).isEqualTo(State.CLOSED);
    assertThat(changes)
        .extracting(StateChange::to)
        .containsExactly(State.OPEN, State.HALF_OPEN, State.CLOSED);
    assertThat(changes.get(1).at()).isEqualTo(changes.get(0).at().plusSeconds(10));
  }

  @Test
  void aFailedTrialOpensAgain() {
    CircuitBreaker b = breaker(1, 1, 1);
    fail(b, 1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.tryAcquirePermission()).isTrue();
    b.onFailure();
    assertThat(b.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(5));
    assertThat(b.tryAcquirePermission()).isFalse();
    // Late reports from calls permitted earlier change nothing while open.
    b.onFailure();
    b.onSuccess();
    assertThat(b.state()).isEqualTo(State.OPEN);
  }

  @Test
  void anIgnoredTrialGivesItsPermitBack() {
    CircuitBreaker b = breaker(1, 1, 1);
    fail(b, 1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.tryAcquirePermission()).isFalse();
    b.onIgnored();
    assertThat(b.tryAcquirePermission()).isTrue();
    b.onSuccess();
    assertThat(b.state()).isEqualTo(State.CLOSED);
    b.onIgnored();
    assertThat(b.state()).isEqualTo(State.CLOSED);
    assertThat(b.toString()).contains("state=CLOSED");
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> CircuitBreaker.builder().failureThreshold(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().failureThreshold(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().failureThreshold(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().failureThreshold(1, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().halfOpenPermits(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().halfOpenPermits(1001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreaker.builder().openDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StateChange(null, State.OPEN, clock.instant()))
        .isInstanceOf(NullPointerException.class);
  }
}
