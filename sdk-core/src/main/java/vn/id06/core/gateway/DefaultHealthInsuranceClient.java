package vn.id06.core.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;

/** The health-insurance client over a {@link GatewayCore}. Thread-safe. */
final class DefaultHealthInsuranceClient implements HealthInsuranceClient {

  private final GatewayCore core;

  DefaultHealthInsuranceClient(GatewayCore core) {
    this.core = core;
  }

  @Override
  public Optional<HealthInsuranceCardCheck> lookup(OperatorContext operator, CitizenId citizenId) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(citizenId, "citizenId");
    return core.call(
        "health-insurance",
        operator,
        GatewayCore.newRequestId(),
        List.of(citizenId.value()),
        (c, call) -> c.insuranceCard(call, citizenId),
        (r, i) -> r.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.NOT_FOUND);
  }

  @Override
  public CardCheckResult check(OperatorContext operator, CardCheckRequest request) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(request, "request");
    if (!(core.connector instanceof CardCheckConnector)) {
      throw LgspSoapConnector.unsupported("the card check");
    }
    return core.call(
        "health-insurance-check",
        operator,
        GatewayCore.newRequestId(),
        List.of(request.cardOrId()),
        (c, call) -> ((CardCheckConnector) c).cardCheck(call, request),
        (r, i) ->
            r.status() == CardCheckResult.Status.NOT_FOUND
                ? AuditOutcome.NOT_FOUND
                : AuditOutcome.SUCCESS);
  }

  @Override
  public GatewayMetrics metrics() {
    return core.policy.metrics();
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public String toString() {
    return "HealthInsuranceClient[" + core.config.gateway + "]";
  }
}
