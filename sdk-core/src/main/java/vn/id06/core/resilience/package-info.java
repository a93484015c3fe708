/**
 * Resilience for calls to an overloaded or flapping link: deadlines, retries with exponential
 * backoff and full jitter, {@code Retry-After} hints, a circuit breaker, a client-side rate limit
 * and a concurrency cap, combined by {@link vn.id06.core.resilience.Resilience}.
 *
 * <p>Every policy is immutable configuration made by a builder; the stateful parts (breaker, rate
 * limiter, bulkhead) are thread-safe and may be shared between clients that call the same service.
 * All time comes from an injected {@link java.time.Clock} and all waiting goes through an injected
 * {@link vn.id06.core.resilience.Sleeper}, so tests are exact and never sleep. Every default is
 * finite. The package depends on nothing outside the JDK and sdk-core's exception tree.
 */
package vn.id06.core.resilience;
