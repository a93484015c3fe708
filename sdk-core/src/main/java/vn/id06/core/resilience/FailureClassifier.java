package vn.id06.core.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;

/**
 * Decides how a failed attempt is treated.
 *
 * <p>Implementations must be thread-safe and must not throw; {@link #defaults()} is both.
 */
@FunctionalInterface
public interface FailureClassifier {

  /**
   * Classifies a failure.
   *
   * @param failure what the attempt threw
   * @return the treatment
   */
  Failure classify(Throwable failure);

  /**
   * Returns the default classification:
   *
   * <ul>
   *   <li>{@link RemoteRefusalException}: retryable ({@code GATEWAY}) when {@link
   *       RemoteRefusalException#isRetryable()}, else permanent;
   *   <li>{@link UnavailableException} of kind {@code GATEWAY}, {@code TRANSPORT} or {@code
   *       TIMEOUT}: retryable with the same kind; other kinds pass through;
   *   <li>{@link IOException} and {@link UncheckedIOException}: retryable ({@code TRANSPORT});
   *   <li>{@link TimeoutException}: retryable ({@code TIMEOUT});
   *   <li>anything else passes through.
   * </ul>
   *
   * A retryable failure that implements {@link RetryAfterHint} carries its hint.
   *
   * @return the default classifier
   */
  static FailureClassifier defaults() {
    return DefaultFailureClassifier.INSTANCE;
  }
}
