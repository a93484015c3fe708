package vn.id06.core.resilience;

import java.time.Duration;
import java.util.Optional;

/**
 * Implemented by a failure that carries a server's {@code Retry-After} hint (for example an HTTP
 * 429 or 503). {@link FailureClassifier#defaults()} honours it, up to the retry policy's cap.
 */
public interface RetryAfterHint {

  /**
   * Returns how long the server asked the client to wait, if it said.
   *
   * @return the hint
   */
  Optional<Duration> retryAfter();
}
