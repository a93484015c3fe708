package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A concurrency cap: at most {@code maxConcurrent} calls in flight. A caller that finds every slot
 * taken waits up to {@code maxWait} (checking by the {@link Clock}, waiting through the {@link
 * Sleeper} in steps of at most {@code pollInterval}), then is refused: there is no unbounded queue.
 *
 * <p>Thread-safe; one bulkhead may be shared by every client that calls the same service. Every
 * successful {@link #tryEnter()} or {@link #enter(Duration)} must be followed by exactly one {@link
 * #exit()}.
 */
public final class Bulkhead {
  private final int maxConcurrent;
  private final Duration maxWait;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Semaphore slots;

  private Bulkhead(Builder b) {
    this.maxConcurrent = b.maxConcurrent;
    this.maxWait = b.maxWait;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.slots = new Semaphore(maxConcurrent);
  }

  /**
   * Starts a builder for at most {@code maxConcurrent} calls in flight (default wait: 1 s).
   *
   * @param maxConcurrent between 1 and 100,000
   * @return a new builder
   */
  public static Builder builder(int maxConcurrent) {
    return new Builder(maxConcurrent);
  }

  /**
   * Returns the cap.
   *
   * @return the largest number of calls in flight
   */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /**
   * Returns the default longest wait for a slot.
   *
   * @return the wait used by {@link #enter()}
   */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * Returns the number of calls in flight now.
   *
   * @return calls in flight
   */
  public int inFlight() {
    return maxConcurrent - slots.availablePermits();
  }

  /**
   * Takes a slot if one is free, without waiting.
   *
   * @return whether a slot was taken
   */
  public boolean tryEnter() {
    return slots.tryAcquire();
  }

  /**
   * Takes a slot, waiting up to the configured {@link #maxWait()}.
   *
   * @return whether a slot was taken
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean enter() throws InterruptedException {
    return enter(maxWait);
  }

  /**
   * Takes a slot, waiting up to {@code wait}.
   *
   * @param wait the longest acceptable wait (zero or negative: do not wait)
   * @return whether a slot was taken
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean enter(Duration wait) throws InterruptedException {
    return Waiting.until(clock, sleeper, wait, pollInterval, slots::tryAcquire);
  }

  /** Gives a slot back. */
  public void exit() {
    if (slots.availablePermits() >= maxConcurrent) {
      throw new IllegalStateException("exit() without a matching enter()");
    }
    slots.release();
  }

  @Override
  public String toString() {
    return "Bulkhead{maxConcurrent=" + maxConcurrent + ", maxWait=" + maxWait + "}";
  }

  /** Builds a {@link Bulkhead}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private final int maxConcurrent;
    private Duration maxWait = Duration.ofSeconds(1);
    private Duration pollInterval = Duration.ofMillis(1);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(int maxConcurrent) {
      if (maxConcurrent < 1 || maxConcurrent > 100_000) {
        throw new IllegalArgumentException("maxConcurrent must be between 1 and 100000");
      }
      this.maxConcurrent = maxConcurrent;
    }

    /**
     * Sets the longest wait for a slot (default 1 s; zero refuses at once).
     *
     * @param maxWait zero up to one day
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Durations.nonNegative(maxWait, "maxWait");
      return this;
    }

    /**
     * Sets how often a waiting caller checks for a free slot (default 1 ms).
     *
     * @param pollInterval positive, at most one day
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Durations.positive(pollInterval, "pollInterval");
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
     * Sets the sleeper used while waiting (default: {@link Sleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the bulkhead with every slot free.
     *
     * @return the bulkhead
     */
    public Bulkhead build() {
      return new Bulkhead(this);
    }
  }
}
