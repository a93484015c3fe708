package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket: permits are added at {@code permitsPerSecond}, up to {@code burst} stored. A
 * caller that finds no permit reserves the next one and waits for it (through the {@link Sleeper}),
 * or is refused at once when that wait would exceed its limit.
 *
 * <p>With the default burst of 1, grants are spaced at least {@code 1/permitsPerSecond} apart, so
 * any half-open window of one second holds at most {@code permitsPerSecond} grants: a vendor can
 * promise a gateway "never more than N requests per second" and keep it. A larger burst lets idle
 * time be saved up, at the price of that promise ({@code burst + N} grants in a second).
 *
 * <p>Thread-safe; one limiter may be shared by every client that calls the same service. Waiting
 * happens outside the limiter's lock, so waiting callers do not block each other's bookkeeping.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double permitsPerSecond;
  private final int burst;
  private final long interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant origin;

  // Guarded by this. The theoretical arrival time of the next permit, in nanoseconds since origin
  // (the "generic cell rate algorithm" form of a token bucket: exact integer arithmetic, no drift).
  private long nextFree;

  private RateLimiter(Builder b) {
    this.permitsPerSecond = b.permitsPerSecond;
    this.burst = b.burst;
    // Rounded up, so that N permits never fit in less than a second.
    this.interval = (long) Math.ceil(NANOS_PER_SECOND / permitsPerSecond);
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.origin = clock.instant();
    this.nextFree = 0;
  }

  /**
   * Starts a builder for a limit of {@code permitsPerSecond}.
   *
   * @param permitsPerSecond more than 0, at most 1,000,000
   * @return a new builder
   */
  public static Builder builder(double permitsPerSecond) {
    return new Builder(permitsPerSecond);
  }

  /**
   * Returns the configured rate.
   *
   * @return permits per second
   */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /**
   * Returns how many permits may be stored.
   *
   * @return the burst size
   */
  public int burst() {
    return burst;
  }

  /**
   * Takes a permit if one is free now, without waiting.
   *
   * @return whether a permit was taken
   */
  public boolean tryAcquire() {
    return reserve(0) == 0;
  }

  /**
   * Takes a permit, waiting for it when needed, but not longer than {@code maxWait}.
   *
   * @param maxWait the longest acceptable wait
   * @return {@code true} when a permit was taken, {@code false} when it would take longer than
   *     {@code maxWait} (then nothing is reserved)
   * @throws InterruptedException if interrupted while waiting (the reserved permit is then lost,
   *     which only makes the limit stricter)
   */
  public boolean acquire(Duration maxWait) throws InterruptedException {
    long limit = maxWait.isNegative() ? 0 : Durations.saturatedNanos(maxWait);
    long wait = reserve(limit);
    if (wait < 0) {
      return false;
    }
    if (wait > 0) {
      // The permit is reserved: wait for its time in one sleep (the loop ends there).
      Duration d = Duration.ofNanos(wait);
      Waiting.until(clock, sleeper, d, d, () -> false);
    }
    return true;
  }

  /**
   * Takes a permit, waiting until at the latest {@code deadline} by the limiter's clock.
   *
   * @param deadline the latest acceptable time to have the permit
   * @return whether a permit was taken
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean acquireBefore(Instant deadline) throws InterruptedException {
    return acquire(Duration.between(clock.instant(), deadline));
  }

  /** Returns the wait in nanoseconds for a reserved permit, or -1 when it would exceed limit. */
  private synchronized long reserve(long limitNanos) {
    long now = Durations.saturatedNanos(Duration.between(origin, clock.instant()));
    long earliest = nextFree - (burst - 1) * interval;
    long wait = Math.max(0, earliest - now);
    if (wait > limitNanos) {
      return -1;
    }
    nextFree = Math.max(nextFree, now + wait) + interval;
    return wait;
  }

  @Override
  public String toString() {
    return "RateLimiter{permitsPerSecond=" + permitsPerSecond + ", burst=" + burst + "}";
  }

  /** Builds a {@link RateLimiter}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private final double permitsPerSecond;
    private int burst = 1;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(double permitsPerSecond) {
      if (!(permitsPerSecond > 0) || permitsPerSecond > 1_000_000) {
        throw new IllegalArgumentException("permitsPerSecond must be in (0, 1000000]");
      }
      this.permitsPerSecond = permitsPerSecond;
    }

    /**
     * Sets how many unused permits may be saved up (default 1: strict pacing).
     *
     * @param burst between 1 and 1,000,000
     * @return this builder
     */
    public Builder burst(int burst) {
      if (burst < 1 || burst > 1_000_000) {
        throw new IllegalArgumentException("burst must be between 1 and 1000000");
      }
      this.burst = burst;
      return this;
    }

    /**
     * Sets the clock (default: {@link Clock#systemUTC()}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper used to wait for a permit (default: {@link Sleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the limiter with a full bucket.
     *
     * @return the limiter
     */
    public RateLimiter build() {
      return new RateLimiter(this);
    }
  }
}
