package vn.id06.core.gateway;

import java.time.Duration;

/**
 * A snapshot of a client's counters: calls, attempts, retries, failures, the circuit breaker's
 * state and latency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param calls operations called (a batch request counts once)
 * @param attempts HTTP attempts made, retries included
 * @param retries attempts after the first of a call
 * @param failures calls that ended with an exception
 * @param throttled answers 429 or 503 received
 * @param breakerState {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param breakerOpenings how many times the breaker opened
 * @param rejectedByBreaker calls refused because the breaker was open
 * @param meanLatency mean latency of attempts, failed ones included
 * @param maxLatency the slowest attempt
 * @param medianLatency the approximate median attempt latency (within about 6%)
 * @param p99Latency the approximate 99th percentile of attempt latency (within about 6%)
 */
public record GatewayMetrics(
    long calls,
    long attempts,
    long retries,
    long failures,
    long throttled,
    String breakerState,
    long breakerOpenings,
    long rejectedByBreaker,
    Duration meanLatency,
    Duration maxLatency,
    Duration medianLatency,
    Duration p99Latency) {}
