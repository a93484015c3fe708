package vn.id06.core.gateway;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import vn.id06.core.Id06Exception;
import vn.id06.core.UnavailableException;
import vn.id06.core.resilience.Bulkhead;
import vn.id06.core.resilience.CircuitBreaker;
import vn.id06.core.resilience.Deadline;
import vn.id06.core.resilience.Failure;
import vn.id06.core.resilience.Idempotency;
import vn.id06.core.resilience.RateLimiter;
import vn.id06.core.resilience.Resilience;
import vn.id06.core.resilience.ResilienceMetrics;
import vn.id06.core.resilience.RetryPolicy;

/**
 * The gateway's calls under sdk-core's {@link Resilience} executor: the builder's settings become a
 * {@link RetryPolicy}, a {@link CircuitBreaker} that opens after that many failures in a row, a
 * {@link RateLimiter}, a {@link Bulkhead} and a {@link Deadline}, all on the builder's clock and
 * sleeper. What is specific to the gateway is only how its failures are classified and reported:
 *
 * <ul>
 *   <li>an {@link AttemptFailure} (a dropped connection, a timeout, a 429/503 from a proxy or the
 *       gateway, a 5xx problem) is retried and counts against the breaker; its {@code Retry-After}
 *       is honoured up to the policy's cap;
 *   <li>any other id06 error but {@link UnavailableException} (a refusal, a failed signature) is an
 *       answer from a working link: thrown at once, a success for the breaker;
 *   <li>an {@link UnavailableException} (a malformed or oversized answer) and anything else pass
 *       through: thrown at once, not counted.
 * </ul>
 *
 * When the attempts run out the caller gets the failure's own error (e.g. the gateway's retryable
 * refusal) or an {@link UnavailableException} of its kind; when the overall deadline leaves no room
 * for another attempt, an {@link UnavailableException} of kind {@code TIMEOUT}.
 *
 * <p>Thread-safe.
 */
final class GatewayResilience {

  private final Resilience resilience;
  private final int maxAttempts;
  private final LongAdder throttled = new LongAdder();
  private final LongAdder openings = new LongAdder();

  GatewayResilience(GatewayClientBuilder b) {
    this.maxAttempts = b.maxAttempts;
    CircuitBreaker breaker =
        CircuitBreaker.builder()
            // A window as long as the threshold: it opens after that many failures in a row.
            .failureThreshold(b.breakerThreshold, b.breakerThreshold)
            .openDuration(b.breakerOpenTime)
            .halfOpenPermits(1)
            .clock(b.clock)
            .onStateChange(
                c -> {
                  if (c.to() == CircuitBreaker.State.OPEN) {
                    openings.increment();
                  }
                })
            .build();
    this.resilience =
        Resilience.builder()
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(b.maxAttempts)
                    .backoff(b.backoffBase, b.backoffMax)
                    .retryAfterCap(b.retryAfterCap)
                    .build())
            .circuitBreaker(breaker)
            .rateLimiter(
                RateLimiter.builder(b.requestsPerSecond).clock(b.clock).sleeper(b.sleeper).build())
            .bulkhead(
                Bulkhead.builder(b.maxInFlight)
                    .maxWait(b.overallTimeout)
                    .clock(b.clock)
                    .sleeper(b.sleeper)
                    .build())
            .deadline(new Deadline(b.connectTimeout, b.responseTimeout, b.overallTimeout))
            .classifier(this::classify)
            .clock(b.clock)
            .sleeper(b.sleeper)
            .build();
  }

  private Failure classify(Throwable t) {
    if (t instanceof AttemptFailure f) {
      if (f.kind() == AttemptFailure.Kind.THROTTLED) {
        throttled.increment();
      }
      UnavailableException.Kind kind =
          switch (f.kind()) {
            case TIMEOUT -> UnavailableException.Kind.TIMEOUT;
            case TRANSPORT -> UnavailableException.Kind.TRANSPORT;
            default -> UnavailableException.Kind.GATEWAY;
          };
      return new Failure(Failure.Treatment.RETRYABLE, kind, f.retryAfter());
    }
    if (t instanceof Id06Exception && !(t instanceof UnavailableException)) {
      return Failure.permanent();
    }
    return Failure.passThrough();
  }

  /**
   * Runs a call (every gateway operation is a read, so it is retried): {@code attempt} gets the
   * attempt number, from 1, and either returns, throws an {@link AttemptFailure} (retried while
   * attempts and time remain) or throws anything else (final).
   */
  <T> T run(IntFunction<T> attempt) {
    try {
      return resilience.call(Idempotency.IDEMPOTENT, ctx -> attempt.apply(ctx.attempt()));
    } catch (UnavailableException e) {
      if (e.getCause() instanceof AttemptFailure f) {
        if (e.attempts() >= maxAttempts) {
          throw f.exhausted(e.attempts());
        }
        throw new UnavailableException(
            UnavailableException.Kind.TIMEOUT,
            e.attempts(),
            "no time left for another attempt within the overall deadline (" + f.getMessage() + ")",
            f.getCause());
      }
      throw e;
    }
  }

  GatewayMetrics metrics() {
    ResilienceMetrics m = resilience.metrics();
    return new GatewayMetrics(
        m.calls(),
        m.attempts(),
        m.retries(),
        m.failures(),
        throttled.sum(),
        m.breakerState().name(),
        openings.sum(),
        m.rejectedByCircuitBreaker(),
        m.latency().mean(),
        m.latency().max(),
        m.latency().p50(),
        m.latency().p99());
  }
}
