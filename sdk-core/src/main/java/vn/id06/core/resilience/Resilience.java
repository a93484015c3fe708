package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.UnavailableException;
import vn.id06.core.UnavailableException.Kind;

/**
 * Runs calls under a {@link Deadline}, a {@link RetryPolicy}, a {@link CircuitBreaker} and,
 * optionally, a {@link RateLimiter} and a {@link Bulkhead}.
 *
 * <p>Each attempt of a call: asks the breaker (open: {@link UnavailableException} of kind {@link
 * Kind#CIRCUIT_OPEN} at once), takes a rate-limit permit and a bulkhead slot (waiting at most until
 * the deadline), then runs. A failure is classified by the {@link FailureClassifier}: a retryable
 * one is retried after the policy's backoff (or the server's capped {@code Retry-After}) when the
 * operation allows it and the wait ends before the deadline; when the attempts or the time run out
 * the call throws {@link UnavailableException} with the number of attempts made and the last
 * failure as its cause. Permanent and pass-through failures are thrown as they are (a checked one
 * wrapped in {@link UnavailableException} of kind {@link Kind#TRANSPORT}).
 *
 * <p>Thread-safe: one executor serves any number of concurrent calls. Its metrics are read with
 * {@link #metrics()}.
 */
public final class Resilience {
  private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);

  private final RetryPolicy retryPolicy;
  private final CircuitBreaker breaker;
  private final RateLimiter rateLimiter;
  private final Bulkhead bulkhead;
  private final Deadline deadline;
  private final FailureClassifier classifier;
  private final Clock clock;
  private final Sleeper sleeper;

  private final LongAdder calls = new LongAdder();
  private final LongAdder successes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rejectedByBreaker = new LongAdder();
  private final LongAdder rejectedByRateLimiter = new LongAdder();
  private final LongAdder rejectedByBulkhead = new LongAdder();
  private final LatencyRecorder latency = new LatencyRecorder();

  private Resilience(Builder b) {
    this.retryPolicy = b.retryPolicy;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.breaker = b.breaker != null ? b.breaker : CircuitBreaker.builder().clock(b.clock).build();
    this.rateLimiter = b.rateLimiter;
    this.bulkhead = b.bulkhead;
    this.deadline = b.deadline;
    this.classifier = b.classifier;
  }

  /**
   * Starts a builder: default retry policy, deadlines and breaker, no rate limit, no bulkhead,
   * system clock and sleeper.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs an idempotent call (a read, a verification): retryable failures are retried.
   *
   * @param attempt the work of one attempt
   * @param <T> the result type
   * @return the first successful attempt's result
   * @throws UnavailableException when the breaker is open, no permit or slot came in time, or the
   *     attempts or the time ran out
   */
  public <T> T call(Attempt<T> attempt) {
    return call(Idempotency.IDEMPOTENT, attempt);
  }

  /**
   * Runs a call; it is retried only if {@code idempotency} allows it.
   *
   * @param idempotency what the caller says about repeating the operation
   * @param attempt the work of one attempt
   * @param <T> the result type
   * @return the first successful attempt's result
   * @throws UnavailableException when the breaker is open, no permit or slot came in time, or the
   *     attempts or the time ran out
   */
  public <T> T call(Idempotency idempotency, Attempt<T> attempt) {
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(attempt, "attempt");
    calls.increment();
    try {
      T result = run(idempotency, attempt);
      successes.increment();
      return result;
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
  }

  private <T> T run(Idempotency idempotency, Attempt<T> attempt) {
    Instant end = clock.instant().plus(deadline.overall());
    int maxAttempts = idempotency.allowsRetry() ? retryPolicy.maxAttempts() : 1;
    for (int n = 1; ; n++) {
      int made = n - 1;
      if (Durations.remaining(clock, end).isZero()) {
        throw new UnavailableException(
            Kind.TIMEOUT, Math.max(1, made), "the call's overall deadline passed", null);
      }
      if (!breaker.tryAcquirePermission()) {
        rejectedByBreaker.increment();
        throw new UnavailableException(
            Kind.CIRCUIT_OPEN, Math.max(1, made), "the circuit breaker is open", null);
      }
      boolean inBulkhead = false;
      Failure failure;
      Throwable thrown;
      try {
        if (rateLimiter != null && !rateLimiter.acquire(Durations.remaining(clock, end))) {
          rejectedByRateLimiter.increment();
          breaker.onIgnored();
          throw new UnavailableException(
              Kind.TIMEOUT, Math.max(1, made), "no rate-limit permit before the deadline", null);
        }
        if (bulkhead != null) {
          Duration wait = Durations.min(bulkhead.maxWait(), Durations.remaining(clock, end));
          if (!bulkhead.enter(wait)) {
            rejectedByBulkhead.increment();
            breaker.onIgnored();
            throw new UnavailableException(
                Kind.TIMEOUT, Math.max(1, made), "no free concurrency slot in time", null);
          }
          inBulkhead = true;
        }
        attempts.increment();
        if (n > 1) {
          retries.increment();
        }
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        try {
          T result = attempt.run(new AttemptContext(n, maxAttempts, end, deadline, clock));
          recordLatency(startedAt, started);
          breaker.onSuccess();
          return result;
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          recordLatency(startedAt, started);
          thrown = e;
          failure = classify(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        breaker.onIgnored();
        throw new UnavailableException(Kind.TIMEOUT, Math.max(1, made), "interrupted", e);
      } finally {
        if (inBulkhead) {
          bulkhead.exit();
        }
      }
      switch (failure.treatment()) {
        case RETRYABLE -> breaker.onFailure();
        case PERMANENT -> breaker.onSuccess();
        case PASS_THROUGH -> breaker.onIgnored();
      }
      if (!failure.isRetryable()) {
        if (thrown instanceof RuntimeException r) {
          throw r;
        }
        throw new UnavailableException(Kind.TRANSPORT, n, "the attempt failed", thrown);
      }
      if (n >= maxAttempts) {
        throw new UnavailableException(
            failure.kind(), n, "gave up after " + n + " attempt(s)", thrown);
      }
      if (Durations.remaining(clock, end).isZero()) {
        throw new UnavailableException(
            Kind.TIMEOUT,
            n,
            "the call's overall deadline passed after " + n + " attempt(s)",
            thrown);
      }
      Duration delay = retryPolicy.delayBeforeRetry(n, failure.retryAfter());
      if (clock.instant().plus(delay).compareTo(end) >= 0) {
        throw new UnavailableException(
            failure.kind(), n, "the next attempt would start after the deadline", thrown);
      }
      LOG.debug("attempt {} failed ({}), retrying in {}", n, failure.kind(), delay);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(Kind.TIMEOUT, n, "interrupted", e);
      }
    }
  }

  private Failure classify(Exception e) {
    try {
      return Objects.requireNonNull(classifier.classify(e), "classification");
    } catch (RuntimeException bug) {
      LOG.debug("failure classifier failed: {}", bug.getClass().getName());
      return Failure.passThrough();
    }
  }

  private void recordLatency(Instant startedAt, long startedNanos) {
    Duration byClock = Duration.between(startedAt, clock.instant());
    // A fixed or fake clock says nothing; the monotonic timer does.
    long nanos = byClock.isZero() ? System.nanoTime() - startedNanos : byClock.toNanos();
    latency.record(nanos);
  }

  /**
   * Returns the executor's circuit breaker.
   *
   * @return the breaker
   */
  public CircuitBreaker circuitBreaker() {
    return breaker;
  }

  /**
   * Returns the deadlines applied to every call.
   *
   * @return the deadlines
   */
  public Deadline deadline() {
    return deadline;
  }

  /**
   * Returns the retry policy.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the rate limiter, if one is configured.
   *
   * @return the limiter
   */
  public Optional<RateLimiter> rateLimiter() {
    return Optional.ofNullable(rateLimiter);
  }

  /**
   * Returns the bulkhead, if one is configured.
   *
   * @return the bulkhead
   */
  public Optional<Bulkhead> bulkhead() {
    return Optional.ofNullable(bulkhead);
  }

  /**
   * Returns a snapshot of the counters.
   *
   * @return the metrics
   */
  public ResilienceMetrics metrics() {
    return new ResilienceMetrics(
        calls.sum(),
        successes.sum(),
        failures.sum(),
        attempts.sum(),
        retries.sum(),
        rejectedByBreaker.sum(),
        rejectedByRateLimiter.sum(),
        rejectedByBulkhead.sum(),
        breaker.state(),
        latency.snapshot());
  }

  @Override
  public String toString() {
    return "Resilience{"
        + retryPolicy
        + ", "
        + breaker
        + ", "
        + deadline
        + (rateLimiter != null ? ", " + rateLimiter : "")
        + (bulkhead != null ? ", " + bulkhead : "")
        + "}";
  }

  /** Builds a {@link Resilience} executor. Not thread-safe; use from one thread. */
  public static final class Builder {
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private CircuitBreaker breaker;
    private RateLimiter rateLimiter;
    private Bulkhead bulkhead;
    private Deadline deadline = Deadline.defaults();
    private FailureClassifier classifier = FailureClassifier.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /**
     * Sets the retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the circuit breaker, which may be shared with other executors (default: a new breaker
     * with the defaults of {@link CircuitBreaker#builder()} on this builder's clock).
     *
     * @param breaker the breaker
     * @return this builder
     */
    public Builder circuitBreaker(CircuitBreaker breaker) {
      this.breaker = Objects.requireNonNull(breaker, "breaker");
      return this;
    }

    /**
     * Sets a rate limiter, which may be shared with other executors (default: none).
     *
     * @param rateLimiter the limiter
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * Sets a concurrency cap, which may be shared with other executors (default: none).
     *
     * @param bulkhead the bulkhead
     * @return this builder
     */
    public Builder bulkhead(Bulkhead bulkhead) {
      this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
      return this;
    }

    /**
     * Sets the deadlines (default {@link Deadline#defaults()}).
     *
     * @param deadline the deadlines
     * @return this builder
     */
    public Builder deadline(Deadline deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * Sets the failure classifier (default {@link FailureClassifier#defaults()}).
     *
     * @param classifier the classifier
     * @return this builder
     */
    public Builder classifier(FailureClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /**
     * Sets the clock for deadlines and latency (default {@link Clock#systemUTC()}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper for the waits between attempts (default {@link Sleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the executor.
     *
     * @return the executor
     */
    public Resilience build() {
      return new Resilience(this);
    }
  }
}
