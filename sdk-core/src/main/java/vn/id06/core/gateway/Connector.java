package vn.id06.core.gateway;

import java.util.List;
import java.util.Optional;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;

/**
 * The seam between the typed clients and one wire profile. A connector makes one attempt of one
 * operation and returns sdk-core types; the clients above it own retries, the breaker, the rate
 * limit, deadlines, request ids and audit, so every profile (REST now; the LGSP SOAP profile and
 * the social-insurance card check next) gets the same behaviour.
 *
 * <p>A connector throws {@link AttemptFailure} for what a retry may cure, and the typed id06
 * exceptions for everything else. Implementations are thread-safe.
 */
interface Connector extends AutoCloseable {

  /** One attempt: who asks, the request id every attempt of the call keeps, the attempt number. */
  record Call(OperatorContext operator, String requestId, int attempt) {}

  GatewayProfile profile();

  VerificationResult verify(Call call, VerificationRequest subject);

  List<VerificationResult> verifyBatch(Call call, List<VerificationRequest> subjects);

  Optional<CitizenRecord> lookup(Call call, LookupRequest request);

  Optional<HealthInsuranceCardCheck> insuranceCard(Call call, CitizenId citizenId);

  RequestStatus status(Call call, String requestId);

  @Override
  void close();
}
