package vn.id06.core.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;
import vn.id06.core.UnavailableException.Kind;

/** See {@link FailureClassifier#defaults()}. Stateless and thread-safe. */
enum DefaultFailureClassifier implements FailureClassifier {
  INSTANCE;

  @Override
  public Failure classify(Throwable failure) {
    Kind kind = retryableKind(failure);
    if (kind == null) {
      return failure instanceof RemoteRefusalException
          ? Failure.permanent()
          : Failure.passThrough();
    }
    Optional<java.time.Duration> hint =
        failure instanceof RetryAfterHint h ? h.retryAfter() : Optional.empty();
    return new Failure(Failure.Treatment.RETRYABLE, kind, hint);
  }

  private static Kind retryableKind(Throwable failure) {
    if (failure instanceof RemoteRefusalException r) {
      return r.isRetryable() ? Kind.GATEWAY : null;
    }
    if (failure instanceof UnavailableException u) {
      return switch (u.kind()) {
        case GATEWAY, TRANSPORT, TIMEOUT -> u.kind();
        default -> null;
      };
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return Kind.TRANSPORT;
    }
    if (failure instanceof TimeoutException) {
      return Kind.TIMEOUT;
    }
    return null;
  }

  @Override
  public String toString() {
    return "FailureClassifier.defaults()";
  }
}
