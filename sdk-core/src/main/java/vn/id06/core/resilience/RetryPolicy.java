package vn.id06.core.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait between attempts: at most {@link #maxAttempts()} attempts, with
 * exponential backoff and full jitter between them, and a server's {@code Retry-After} hint
 * honoured up to a cap.
 *
 * <p>Before retry {@code n} (the first retry is {@code n = 1}) the policy waits a uniformly random
 * duration in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]} ("full jitter": overloaded servers
 * see retries spread out instead of in waves). When the failure carried a {@code Retry-After} hint,
 * the wait is at least {@code min(hint, retryAfterCap)}.
 *
 * <p>Which failures are retried is not decided here: see {@link FailureClassifier} and {@link
 * Idempotency}.
 *
 * <p>Immutable and thread-safe. A generator given to {@link Builder#random(RandomGenerator)} is
 * only called while holding its monitor, so a plain {@link java.util.Random} or a seeded {@link
 * java.util.SplittableRandom} may be shared.
 */
public final class RetryPolicy {
  /** The default number of attempts (the first call included). */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** The largest number of attempts a policy accepts. */
  public static final int MAX_MAX_ATTEMPTS = 100;

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration retryAfterCap;
  private final RandomGenerator random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.retryAfterCap = b.retryAfterCap;
    this.random = b.random;
  }

  /**
   * Returns the default policy: 3 attempts, base delay 100 ms, max delay 5 s, Retry-After cap 30 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that makes exactly one attempt.
   *
   * @return a policy without retries
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Starts a builder with the defaults of {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the maximum number of attempts, the first one included.
   *
   * @return the attempt limit, at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the backoff base: the ceiling of the wait before the first retry.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the largest backoff ceiling.
   *
   * @return the maximum delay
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns the longest {@code Retry-After} hint that is honoured; a longer hint waits this long.
   *
   * @return the Retry-After cap
   */
  public Duration retryAfterCap() {
    return retryAfterCap;
  }

  /**
   * Returns the ceiling of the jittered wait before retry {@code retry}: {@code min(maxDelay,
   * baseDelay * 2^(retry-1))}.
   *
   * @param retry the retry number, starting at 1
   * @return the ceiling of the random wait
   */
  public Duration backoffCeiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1");
    }
    long base = Durations.saturatedNanos(baseDelay);
    long max = Durations.saturatedNanos(maxDelay);
    int shift = Math.min(retry - 1, 62);
    long ceiling = base > (max >> shift) ? max : Math.min(max, base << shift);
    return Duration.ofNanos(ceiling);
  }

  /**
   * Returns how long to wait before retry {@code retry}: a uniformly random duration up to {@link
   * #backoffCeiling(int)}, and at least the capped hint when one is given.
   *
   * @param retry the retry number, starting at 1
   * @param retryAfter the server's hint, if the failure carried one
   * @return the wait
   */
  public Duration delayBeforeRetry(int retry, Optional<Duration> retryAfter) {
    long ceiling = Durations.saturatedNanos(backoffCeiling(retry));
    long jittered;
    synchronized (random) {
      jittered =
          ceiling == Long.MAX_VALUE ? random.nextLong(ceiling) : random.nextLong(ceiling + 1);
    }
    Duration delay = Duration.ofNanos(jittered);
    Optional<Duration> hint =
        retryAfter.filter(h -> !h.isNegative()).map(h -> Durations.min(h, retryAfterCap));
    if (hint.isPresent() && hint.get().compareTo(delay) > 0) {
      return hint.get();
    }
    return delay;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", retryAfterCap="
        + retryAfterCap
        + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration retryAfterCap = Duration.ofSeconds(30);
    private RandomGenerator random = ThreadLocalRandomGenerator.INSTANCE;

    private Builder() {}

    /**
     * Sets the maximum number of attempts, the first one included (1 = no retry).
     *
     * @param maxAttempts between 1 and {@link #MAX_MAX_ATTEMPTS}
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_MAX_ATTEMPTS) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_MAX_ATTEMPTS);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the base delay and the maximum delay of the exponential backoff.
     *
     * @param baseDelay the ceiling before the first retry, positive
     * @param maxDelay the largest ceiling, at least {@code baseDelay}
     * @return this builder
     */
    public Builder backoff(Duration baseDelay, Duration maxDelay) {
      Durations.positive(baseDelay, "baseDelay");
      Durations.positive(maxDelay, "maxDelay");
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must be at least baseDelay");
      }
      this.baseDelay = baseDelay;
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} hint that is honoured.
     *
     * @param cap zero (ignore hints) up to one day
     * @return this builder
     */
    public Builder retryAfterCap(Duration cap) {
      this.retryAfterCap = Durations.nonNegative(cap, "retryAfterCap");
      return this;
    }

    /**
     * Sets the source of jitter (default: {@link ThreadLocalRandom}). A seeded generator makes the
     * waits repeatable; {@link java.util.Random} is a {@link RandomGenerator} too.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the immutable policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }

  /** Delegates to the calling thread's {@link ThreadLocalRandom}. Stateless. */
  private enum ThreadLocalRandomGenerator implements RandomGenerator {
    INSTANCE;

    @Override
    public long nextLong() {
      return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long bound) {
      return ThreadLocalRandom.current().nextLong(bound);
    }
  }
}
