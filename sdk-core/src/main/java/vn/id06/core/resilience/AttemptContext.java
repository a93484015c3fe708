package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What an attempt knows about its call: its number, the attempt limit, and the time left before the
 * overall deadline, with the connect and response limits cut to it.
 *
 * <p>Immutable and thread-safe; the remaining time is read from the executor's clock on each call.
 */
public final class AttemptContext {
  private final int attempt;
  private final int maxAttempts;
  private final Instant deadline;
  private final Deadline limits;
  private final Clock clock;

  AttemptContext(int attempt, int maxAttempts, Instant deadline, Deadline limits, Clock clock) {
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
    this.deadline = deadline;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Returns this attempt's number, starting at 1.
   *
   * @return the attempt number
   */
  public int attempt() {
    return attempt;
  }

  /**
   * Returns the most attempts this call may make.
   *
   * @return the attempt limit
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns whether this is the first attempt (a retry can, e.g., reuse the same request id).
   *
   * @return {@code true} for attempt 1
   */
  public boolean isFirst() {
    return attempt == 1;
  }

  /**
   * Returns the instant at which the whole call must be over.
   *
   * @return the overall deadline
   */
  public Instant deadline() {
    return deadline;
  }

  /**
   * Returns the time left before the overall deadline, never negative.
   *
   * @return the remaining time
   */
  public Duration remaining() {
    return Durations.remaining(clock, deadline);
  }

  /**
   * Returns the connect limit for this attempt: the configured one, cut to the remaining time.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return Durations.min(limits.connect(), remaining());
  }

  /**
   * Returns the response limit for this attempt: the configured one, cut to the remaining time.
   *
   * @return the response timeout
   */
  public Duration responseTimeout() {
    return Durations.min(limits.response(), remaining());
  }

  @Override
  public String toString() {
    return "AttemptContext{attempt=" + attempt + "/" + maxAttempts + ", deadline=" + deadline + "}";
  }
}
