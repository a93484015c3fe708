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
   * Checks a card at the social-insurance gateway ({@link GatewayProfile#BHXH}): the card number or
   * ID with the holder's name and birth date. The operator context must carry the officer's name
   * and ID ({@link OperatorContext#withOfficer(String, String)}): the gateway requires both on
   * every call. The token is obtained, renewed before it expires and after the gateway refuses it,
   * under the same retries, breaker and audit as every call.
   *
   * @param operator who is asking, and why, with the officer's name and ID
   * @param request the card and its holder's details
   * @return the typed result: valid, expired, a mismatch naming the field, or not found
   * @throws vn.id06.core.InvalidInputException field {@code profile} when the client speaks another
   *     profile, {@code officerName} when the officer's name or ID is missing
   */
  CardCheckResult check(OperatorContext operator, CardCheckRequest request);

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
