package vn.id06.core.gateway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.citizen.GatewayProvenance;

/**
 * What the gateway knows of an earlier request, by its request id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subjectRequestId the request asked about
 * @param state {@code COMPLETED} or {@code UNKNOWN}
 * @param operation the operation it was, when known (e.g. {@code "verify"})
 * @param completedAt when the gateway completed it, when known
 * @param provenance the provenance of this status answer
 */
public record RequestStatus(
    String subjectRequestId,
    State state,
    Optional<String> operation,
    Optional<Instant> completedAt,
    GatewayProvenance provenance) {

  /** The state of a request. */
  public enum State {
    /** The gateway completed it. */
    COMPLETED,
    /** The gateway does not know it (never received, or forgotten). */
    UNKNOWN
  }

  /** Checks the components. */
  public RequestStatus {
    Objects.requireNonNull(subjectRequestId, "subjectRequestId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(provenance, "provenance");
  }
}
