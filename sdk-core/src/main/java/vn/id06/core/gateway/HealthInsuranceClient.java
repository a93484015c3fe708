package vn.id06.core.gateway;

import java.util.Optional;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;

/**
 * Looks up a citizen's health-insurance (BHYT) card by the 12-digit ID, through the same gateway,
 * trust, resilience and audit as {@link PopulationDataClient}.
 *
 * <p>Every call emits one {@link vn.id06.core.audit.AuditEvent} to the builder's {@link
 * GatewayClientBuilder#auditSink(vn.id06.core.audit.AuditSink) audit sink}, on success and on
 * failure: operator context, operation, the subject's ID as a keyed hash, outcome, attempt count,
 * request id and time. Without a sink, calls are not audited.
 *
 * <p>Made by {@link #builder()}. Thread-safe; close it to release its connections and threads.
 */
public interface HealthInsuranceClient extends AutoCloseable {

  /**
   * Starts configuring a client.
   *
   * @return a builder
   */
  static GatewayClientBuilder builder() {
    return new GatewayClientBuilder();
  }

  /**
   * Looks up the card of a citizen.
   *
   * @param operator who is asking, and why
   * @param citizenId the 12-digit ID
   * @return the card, empty if the citizen has none
   */
  Optional<HealthInsuranceCardCheck> lookup(OperatorContext operator, CitizenId citizenId);

  /**
   * The client's counters.
   *
   * @return a snapshot
   */
  GatewayMetrics metrics();

  /** Releases the client's connections and threads. */
  @Override
  void close();
}
