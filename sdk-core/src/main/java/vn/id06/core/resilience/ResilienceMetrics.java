package vn.id06.core.resilience;

import java.util.Objects;

/**
 * A snapshot of an executor's counters since it was built.
 *
 * <p>Immutable and thread-safe. The counters are read one after the other while calls may be
 * running, so they can be off by the calls in flight relative to each other.
 *
 * @param calls calls started
 * @param successes calls that returned a result
 * @param failures calls that ended with an exception (rejections included)
 * @param attempts attempts made (each retry is one more)
 * @param retries attempts after the first
 * @param rejectedByCircuitBreaker calls refused because the breaker was open
 * @param rejectedByRateLimiter calls refused because no permit came in time
 * @param rejectedByBulkhead calls refused because no slot came in time
 * @param breakerState the breaker's state at the snapshot
 * @param latency the latency of single attempts
 */
public record ResilienceMetrics(
    long calls,
    long successes,
    long failures,
    long attempts,
    long retries,
    long rejectedByCircuitBreaker,
    long rejectedByRateLimiter,
    long rejectedByBulkhead,
    CircuitBreaker.State breakerState,
    LatencySummary latency) {

  /**
   * Validates the snapshot.
   *
   * @param calls calls
   * @param successes successes
   * @param failures failures
   * @param attempts attempts
   * @param retries retries
   * @param rejectedByCircuitBreaker breaker rejections
   * @param rejectedByRateLimiter rate-limit rejections
   * @param rejectedByBulkhead bulkhead rejections
   * @param breakerState breaker state
   * @param latency latency summary
   */
  public ResilienceMetrics {
    Objects.requireNonNull(breakerState, "breakerState");
    Objects.requireNonNull(latency, "latency");
  }

  /**
   * Returns every rejection, whatever refused the call.
   *
   * @return the sum of the three rejection counters
   */
  public long rejections() {
    return rejectedByCircuitBreaker + rejectedByRateLimiter + rejectedByBulkhead;
  }
}
