package vn.id06.core.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.UnavailableException;

/**
 * How a failed attempt is treated: whether it may be retried, whether it counts against the service
 * in the circuit breaker, the server's {@code Retry-After} hint, and the kind of unavailability
 * reported once retries are exhausted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param treatment what to do with the failure
 * @param kind the kind reported when the call gives up (meaningful for {@link Treatment#RETRYABLE})
 * @param retryAfter the server's hint, if any
 */
public record Failure(
    Treatment treatment, UnavailableException.Kind kind, Optional<Duration> retryAfter) {

  /** What the executor does with a failed attempt. */
  public enum Treatment {
    /**
     * The service is overloaded or unreachable: counts against the breaker, retried when the
     * operation allows it, reported as {@link UnavailableException} after the last attempt.
     */
    RETRYABLE,
    /**
     * The service answered and refused (bad request, not found, forbidden): the service is up, so
     * it counts as a success for the breaker; the failure is thrown as it is, without retry.
     */
    PERMANENT,
    /**
     * The failure says nothing about the service (a bug, a bad signature): not counted, not
     * retried, thrown as it is.
     */
    PASS_THROUGH
  }

  /**
   * Validates the classification.
   *
   * @param treatment what to do
   * @param kind the kind reported on exhaustion
   * @param retryAfter the hint
   */
  public Failure {
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * A retryable failure of the given kind, without a hint.
   *
   * @param kind the kind reported on exhaustion
   * @return the classification
   */
  public static Failure retryable(UnavailableException.Kind kind) {
    return new Failure(Treatment.RETRYABLE, kind, Optional.empty());
  }

  /**
   * A retryable failure whose server asked to wait {@code retryAfter}.
   *
   * @param kind the kind reported on exhaustion
   * @param retryAfter the server's hint
   * @return the classification
   */
  public static Failure retryableAfter(UnavailableException.Kind kind, Duration retryAfter) {
    return new Failure(
        Treatment.RETRYABLE, kind, Optional.of(Objects.requireNonNull(retryAfter, "retryAfter")));
  }

  /**
   * A refusal by a working service: thrown as it is.
   *
   * @return the classification
   */
  public static Failure permanent() {
    return new Failure(Treatment.PERMANENT, UnavailableException.Kind.GATEWAY, Optional.empty());
  }

  /**
   * A failure unrelated to the service's health: thrown as it is.
   *
   * @return the classification
   */
  public static Failure passThrough() {
    return new Failure(
        Treatment.PASS_THROUGH, UnavailableException.Kind.TRANSPORT, Optional.empty());
  }

  /**
   * Returns whether the failure may be retried.
   *
   * @return {@code true} for {@link Treatment#RETRYABLE}
   */
  public boolean isRetryable() {
    return treatment == Treatment.RETRYABLE;
  }
}
