package vn.id06.core.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.Id06Exception;
import vn.id06.core.UnavailableException;

/**
 * Retries with exponential backoff and full jitter, honouring Retry-After up to a cap; a
 * consecutive-failure circuit breaker; a client-side rate limit; a concurrency cap; an overall
 * deadline. Waits go through the injected {@link Pause} and time through the injected clock.
 *
 * <p>Thread-safe: the breaker and limiter are guarded by this object's lock; counters are atomic.
 */
final class CallPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(CallPolicy.class);

  enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int maxAttempts;
  private final Duration base;
  private final Duration max;
  private final Duration retryAfterCap;
  private final Duration overall;
  private final int breakerThreshold;
  private final Duration breakerOpenTime;
  private final Duration interval;
  private final Semaphore inFlight;
  private final Clock clock;
  private final Pause pause;

  private int consecutiveFailures;
  private BreakerState state = BreakerState.CLOSED;
  private Instant openedAt = Instant.EPOCH;
  private boolean trialRunning;
  private Instant nextFree = Instant.EPOCH;

  final AtomicLong calls = new AtomicLong();
  final AtomicLong attempts = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong openings = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong successes = new AtomicLong();
  final AtomicLong latencyNanos = new AtomicLong();
  final AtomicLong maxLatencyNanos = new AtomicLong();

  CallPolicy(GatewayClientBuilder b) {
    this.maxAttempts = b.maxAttempts;
    this.base = b.backoffBase;
    this.max = b.backoffMax;
    this.retryAfterCap = b.retryAfterCap;
    this.overall = b.overallTimeout;
    this.breakerThreshold = b.breakerThreshold;
    this.breakerOpenTime = b.breakerOpenTime;
    this.interval = Duration.ofNanos((long) (1_000_000_000L / b.requestsPerSecond));
    this.inFlight = new Semaphore(b.maxInFlight, true);
    this.clock = b.clock;
    this.pause = b.pause;
  }

  /**
   * Runs a call: {@code attempt} gets the attempt number (1-based) and either returns, throws an
   * {@link AttemptFailure} (retried while attempts and time remain) or throws any other exception
   * (final).
   */
  <T> T run(String operation, IntFunction<T> attempt) {
    calls.incrementAndGet();
    Instant deadline = clock.instant().plus(overall);
    int n = 0;
    while (true) {
      n++;
      admit(n);
      AttemptFailure failure;
      try {
        limit();
        acquire(deadline, n);
        attempts.incrementAndGet();
        if (n > 1) {
          retries.incrementAndGet();
        }
        long start = System.nanoTime();
        T result;
        try {
          result = attempt.apply(n);
        } finally {
          inFlight.release();
        }
        record(System.nanoTime() - start);
        onSuccess();
        return result;
      } catch (AttemptFailure f) {
        failure = f;
      } catch (Id06Exception e) {
        if (!(e instanceof UnavailableException)) {
          onSuccessOrNeutral();
        }
        failures.incrementAndGet();
        throw e;
      } catch (RuntimeException e) {
        onSuccessOrNeutral();
        failures.incrementAndGet();
        throw e;
      }
      if (failure.kind() == AttemptFailure.Kind.THROTTLED) {
        throttled.incrementAndGet();
      }
      if (failure.kind() != AttemptFailure.Kind.TOKEN_EXPIRED) {
        onFailure();
      }
      LOG.debug("{}: attempt {} failed: {}", operation, n, failure.getMessage());
      if (n >= maxAttempts) {
        failures.incrementAndGet();
        throw failure.exhausted(n);
      }
      Duration wait = backoff(n, failure);
      if (clock.instant().plus(wait).isAfter(deadline)) {
        failures.incrementAndGet();
        throw new UnavailableException(
            UnavailableException.Kind.TIMEOUT,
            n,
            "no time left for another attempt within the overall deadline",
            failure);
      }
      sleep(wait, n);
    }
  }

  private Duration backoff(int n, AttemptFailure failure) {
    if (failure.kind() == AttemptFailure.Kind.TOKEN_EXPIRED) {
      return Duration.ZERO;
    }
    if (failure.retryAfter().isPresent()) {
      Duration ra = failure.retryAfter().get();
      return ra.compareTo(retryAfterCap) > 0 ? retryAfterCap : ra;
    }
    long ceiling = base.toNanos() << Math.min(n - 1, 20);
    ceiling = Math.min(Math.max(ceiling, 0), max.toNanos());
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  private void sleep(Duration d, int attemptsSoFar) {
    try {
      pause.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(
          UnavailableException.Kind.TIMEOUT, attemptsSoFar, "interrupted while waiting", e);
    }
  }

  private void acquire(Instant deadline, int n) {
    try {
      long left = Duration.between(clock.instant(), deadline).toNanos();
      if (left <= 0 || !inFlight.tryAcquire(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
        throw new UnavailableException(
            UnavailableException.Kind.TIMEOUT, n, "no free request slot within the deadline", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(
          UnavailableException.Kind.TIMEOUT, n, "interrupted while waiting for a slot", e);
    }
  }

  private void limit() {
    Duration wait;
    synchronized (this) {
      Instant now = clock.instant();
      Instant slot = nextFree.isAfter(now) ? nextFree : now;
      nextFree = slot.plus(interval);
      wait = Duration.between(now, slot);
    }
    if (!wait.isZero()) {
      sleep(wait, 1);
    }
  }

  private synchronized void admit(int n) {
    if (state == BreakerState.OPEN) {
      if (clock.instant().isBefore(openedAt.plus(breakerOpenTime))) {
        rejected.incrementAndGet();
        failures.incrementAndGet();
        throw new UnavailableException(
            UnavailableException.Kind.CIRCUIT_OPEN,
            Math.max(1, n - 1),
            "circuit breaker is open after repeated failures",
            null);
      }
      state = BreakerState.HALF_OPEN;
      trialRunning = false;
    }
    if (state == BreakerState.HALF_OPEN) {
      if (trialRunning) {
        rejected.incrementAndGet();
        failures.incrementAndGet();
        throw new UnavailableException(
            UnavailableException.Kind.CIRCUIT_OPEN,
            Math.max(1, n - 1),
            "circuit breaker is half open and its trial call is running",
            null);
      }
      trialRunning = true;
    }
  }

  private synchronized void onSuccess() {
    consecutiveFailures = 0;
    state = BreakerState.CLOSED;
    trialRunning = false;
  }

  private synchronized void onSuccessOrNeutral() {
    // A refusal or a security failure is an answer: the link works.
    if (state == BreakerState.HALF_OPEN) {
      state = BreakerState.CLOSED;
    }
    consecutiveFailures = 0;
    trialRunning = false;
  }

  private synchronized void onFailure() {
    consecutiveFailures++;
    if (state == BreakerState.HALF_OPEN
        || (state == BreakerState.CLOSED && consecutiveFailures >= breakerThreshold)) {
      state = BreakerState.OPEN;
      openedAt = clock.instant();
      openings.incrementAndGet();
      trialRunning = false;
    }
  }

  private void record(long nanos) {
    successes.incrementAndGet();
    latencyNanos.addAndGet(nanos);
    maxLatencyNanos.accumulateAndGet(nanos, Math::max);
  }

  synchronized BreakerState state() {
    return state;
  }

  GatewayMetrics metrics() {
    long s = successes.get();
    return new GatewayMetrics(
        calls.get(),
        attempts.get(),
        retries.get(),
        failures.get(),
        throttled.get(),
        state().name(),
        openings.get(),
        rejected.get(),
        Duration.ofNanos(s == 0 ? 0 : latencyNanos.get() / s),
        Duration.ofNanos(maxLatencyNanos.get()));
  }
}
