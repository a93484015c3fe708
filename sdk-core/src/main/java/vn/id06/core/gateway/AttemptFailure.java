package vn.id06.core.gateway;

import java.time.Duration;
import java.util.Optional;
import vn.id06.core.Id06Exception;
import vn.id06.core.UnavailableException;

/**
 * One attempt failed in a way a retry may cure: a dropped or timed-out connection, a 429 or 503 (a
 * proxy's, unsigned, or the gateway's), a 5xx problem, or an expired access token. Never escapes
 * the client: after the last attempt it becomes {@link #exhausted(int)}.
 */
final class AttemptFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  enum Kind {
    TRANSPORT,
    TIMEOUT,
    THROTTLED,
    SERVER,
    TOKEN_EXPIRED
  }

  private final Kind kind;
  private final transient Duration retryAfter;
  private final transient Id06Exception finalError;

  AttemptFailure(
      Kind kind, String message, Duration retryAfter, Id06Exception finalError, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.retryAfter = retryAfter;
    this.finalError = finalError;
  }

  Kind kind() {
    return kind;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The error the caller gets when no attempt is left. */
  Id06Exception exhausted(int attempts) {
    if (finalError != null) {
      return finalError;
    }
    UnavailableException.Kind k =
        switch (kind) {
          case TIMEOUT -> UnavailableException.Kind.TIMEOUT;
          case TRANSPORT -> UnavailableException.Kind.TRANSPORT;
          default -> UnavailableException.Kind.GATEWAY;
        };
    return new UnavailableException(
        k, attempts, getMessage() + " (after " + attempts + " attempts)", getCause());
  }
}
