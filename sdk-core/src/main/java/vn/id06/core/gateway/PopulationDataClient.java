package vn.id06.core.gateway;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenRecord;

/**
 * A client of the population-data gateway (CSDLQG về dân cư, reached through the province's
 * gateway): verify, look up, verify in batch, and ask for a request's status.
 *
 * <p>Every call carries an {@link OperatorContext}: who is acting, for which procedure and purpose;
 * there is no call without one. Every answer is checked before any of it is used: its detached
 * signature over the exact body bytes, against the gateway's configured JWKS, bound to this call's
 * request id and fresh. Verify and look-up are reads: they are retried after a dropped connection,
 * a 429 or a 503 (honouring {@code Retry-After} up to a cap), keeping their request id.
 *
 * <p>Every call emits one {@link vn.id06.core.audit.AuditEvent} to the builder's {@link
 * GatewayClientBuilder#auditSink(vn.id06.core.audit.AuditSink) audit sink}, on success and on
 * failure: operator context, operation, the subject's ID as a keyed hash, outcome, attempt count,
 * request id and time. A batch emits one event per subject, in order. Without a sink, calls are not
 * audited.
 *
 * <p>Made by {@link #builder()}. Thread-safe: one instance serves any number of threads; close it
 * to release its connections and threads.
 */
public interface PopulationDataClient extends AutoCloseable {

  /**
   * Starts configuring a client.
   *
   * @return a builder
   */
  static GatewayClientBuilder builder() {
    return new GatewayClientBuilder();
  }

  /**
   * Verifies one citizen's data against the population database.
   *
   * @param operator who is asking, and why
   * @param subject the ID and the values to check
   * @return the outcome, per field, with the life status
   * @throws VerificationException if the answer is unsigned, tampered, signed by an unknown key,
   *     bound to another request or stale
   * @throws UnavailableException if the gateway cannot be reached after the retries, within the
   *     deadline, or the circuit breaker is open
   * @throws RemoteRefusalException if the gateway refuses the request
   */
  VerificationResult verify(OperatorContext operator, VerificationRequest subject);

  /**
   * Looks up a citizen: only the fields asked for come back.
   *
   * @param operator who is asking, and why (the purpose is sent with the look-up)
   * @param request the ID, the fields and the consent reference
   * @return the record, with the population database as provenance; empty if not found
   */
  Optional<CitizenRecord> lookup(OperatorContext operator, LookupRequest request);

  /**
   * Verifies up to 1,000 subjects in one request; results in input order.
   *
   * @param operator who is asking, and why
   * @param subjects 1 to 1,000 subjects
   * @return one result per subject, in order
   * @throws InvalidInputException if the list is empty or longer than 1,000
   */
  List<VerificationResult> verifyBatch(
      OperatorContext operator, List<VerificationRequest> subjects);

  /**
   * Verifies a stream of subjects of any length: groups them into batch requests, keeps at most the
   * configured number of requests in flight and the configured rate, and reads the input only as
   * results are consumed (back-pressure, no unbounded queue). Results come in input order. A
   * failure of one batch, after its retries, is thrown from the stream at that batch's position.
   *
   * @param operator who is asking, and why
   * @param subjects the subjects, read lazily
   * @return the results, lazily; close the stream to stop early
   */
  Stream<VerificationResult> verifyAll(
      OperatorContext operator, Iterator<VerificationRequest> subjects);

  /**
   * Asks what the gateway knows of an earlier request.
   *
   * @param operator who is asking, and why
   * @param requestId the earlier request's id
   * @return its status
   */
  RequestStatus requestStatus(OperatorContext operator, String requestId);

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
