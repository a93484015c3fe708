package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.CardCheckRequest;
import vn.id06.core.gateway.CardCheckResult;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.core.gateway.GatewayProfile;
import vn.id06.core.gateway.HealthInsuranceClient;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.WireMapping;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * The client configuration of the {@code lgsp} and {@code bhxh} profiles for the gateway commands:
 * neither signs its answers, so they are accepted unsigned and reported as {@code
 * POPULATION_DATABASE_UNVERIFIED}; {@code lgsp} takes the same client key and id as {@code rest},
 * {@code bhxh} a user name ({@code --client-id}) and a password file ({@code --client-secret}).
 * Against the id06 simulator on loopback all of it comes from the simulator's state folder. A
 * gateway that spells names differently is described by a properties file in {@code
 * ID06_WIRE_MAPPING} (see {@link WireMapping}).
 */
final class WireProfileOptions {
  private WireProfileOptions() {}

  /** A demo officer (a made-up name and number): accepted only by the id06 simulator. */
  static OperatorContext withDemoOfficer(OperatorContext op) {
    return op.officerName().isEmpty() ? op.withOfficer("Cán Bộ Demo", "001099000000") : op;
  }

  /**
   * What {@code health-insurance --profile bhxh} prints; a mismatch or an expired card is a result
   * (exit 0).
   *
   * @param found whether the gateway knows the card
   * @param status {@code VALID}, {@code EXPIRED}, {@code DETAILS_MISMATCH} or {@code NOT_FOUND}
   * @param mismatchedField the field the gateway says differs, for {@code DETAILS_MISMATCH}
   * @param cardNumber the card number, when the gateway returned the card
   * @param socialInsuranceNumber the social-insurance number
   * @param facilityCode the registered facility's code
   * @param validFrom the first day of validity
   * @param validTo the last day of validity
   * @param valid whether the card is valid today
   * @param gatewayCode the gateway's own result code
   * @param requestId the request id of the call
   * @param proofLevel what the answer proves ({@code POPULATION_DATABASE_UNVERIFIED}: unsigned)
   */
  record CardCheckOutput(
      boolean found,
      String status,
      Optional<String> mismatchedField,
      Optional<String> cardNumber,
      Optional<String> socialInsuranceNumber,
      Optional<String> facilityCode,
      Optional<LocalDate> validFrom,
      Optional<LocalDate> validTo,
      boolean valid,
      String gatewayCode,
      String requestId,
      String proofLevel) {

    /** The check's outcome only: no card or social-insurance number, facility or dates. */
    @Override
    public String toString() {
      return "CardCheckOutput[found="
          + found
          + ", status="
          + status
          + ", mismatchedField="
          + mismatchedField.orElse("none")
          + ", valid="
          + valid
          + ", gatewayCode="
          + gatewayCode
          + ", requestId="
          + requestId
          + ", proofLevel="
          + proofLevel
          + "]";
    }

    static CardCheckOutput of(CardCheckResult r) {
      Optional<HealthInsuranceCard> card = r.card();
      return new CardCheckOutput(
          r.status() != CardCheckResult.Status.NOT_FOUND,
          r.status().name(),
          r.mismatchedField().map(CitizenField::jsonName),
          card.map(HealthInsuranceCard::cardNumber),
          card.map(HealthInsuranceCard::socialInsuranceNumber),
          card.flatMap(HealthInsuranceCard::facilityCode),
          card.flatMap(HealthInsuranceCard::validFrom),
          card.flatMap(HealthInsuranceCard::validTo),
          r.status() == CardCheckResult.Status.VALID,
          r.gatewayCode(),
          r.provenance().requestId(),
          r.provenance().level().name());
    }
  }

  /** {@code health-insurance --profile bhxh}: the card check, audited like every gateway call. */
  static CommandOutput cardCheck(
      CliContext context,
      GatewayOptions gateway,
      URI root,
      Optional<JsonNode> sim,
      OperatorContext operator,
      CitizenId id,
      String name,
      String dob) {
    if (name == null || dob == null) {
      throw new InvalidInputException(
          name == null ? "fullName" : "dateOfBirth",
          InputReason.EMPTY,
          "--profile bhxh checks the card with --name and --dob");
    }
    CardCheckRequest request =
        CardCheckRequest.of(id, VietnameseName.of(name), PartialDate.parseIso("dob", dob));
    OperatorContext op = sim.isPresent() ? withDemoOfficer(operator) : operator;
    CardCheckResult r;
    try (AuditOptions.Trail trail = gateway.audit.open(context, sim);
        HealthInsuranceClient client =
            trail.configure(gateway.builder(context, root, sim)).buildHealthInsuranceClient()) {
      r = client.check(op, request);
    }
    return CommandOutput.of(CardCheckOutput.of(r));
  }

  static GatewayClientBuilder builder(
      CliContext context,
      GatewayOptions o,
      URI root,
      Optional<JsonNode> sim,
      GatewayProfile profile) {
    GatewayClientBuilder b =
        PopulationDataClient.builder().gateway(root).profile(profile).allowUnsignedResponses(true);
    String cid = GatewayOptions.env(context, o.clientId, "ID06_CLIENT_ID");
    String aud = GatewayOptions.env(context, o.audience, "ID06_AUDIENCE");
    Path key = GatewayOptions.envPath(context, o.clientKey, "ID06_CLIENT_KEY");
    Path caFile = GatewayOptions.envPath(context, o.ca, "ID06_CA");
    Path secret = GatewayOptions.envPath(context, o.clientSecret, "ID06_CLIENT_SECRET");
    Path cert = GatewayOptions.envPath(context, o.clientCert, "ID06_CLIENT_CERT");
    Path mapping = GatewayOptions.envPath(context, null, "ID06_WIRE_MAPPING");
    if (sim.isPresent()) {
      JsonNode n = sim.get();
      cid = cid != null ? cid : n.path("clientId").asText();
      aud = aud != null ? aud : n.path("audience").asText();
      key = key != null ? key : Path.of(n.path("clientKey").asText());
      caFile = caFile != null ? caFile : Path.of(n.path("caCertificate").asText());
      secret = secret != null ? secret : Path.of(n.path("bhxhPasswordFile").asText());
      if (cert == null && n.path("mutualTls").asBoolean(false)) {
        cert = Path.of(n.path("clientCertificate").asText());
      }
    }
    if (profile == GatewayProfile.BHXH) {
      if (cid == null || secret == null) {
        throw new InvalidInputException(
            "clientSecret", InputReason.EMPTY, "--client-id and --client-secret (or ID06_*)");
      }
      b.client(cid, aud == null ? "" : aud).clientSecret(secret);
      if (key != null) {
        b.clientKey(key);
      }
    } else {
      if (key == null) {
        throw new InvalidInputException(
            "clientKey", InputReason.EMPTY, "--client-key or ID06_CLIENT_KEY");
      }
      if (cid == null || aud == null) {
        throw new InvalidInputException(
            "clientId", InputReason.EMPTY, "--client-id and --audience");
      }
      b.client(cid, aud).clientKey(key);
    }
    if (caFile != null) {
      b.trustAnchors(caFile);
    }
    if (cert != null) {
      b.mutualTls(cert);
    }
    if (mapping != null) {
      b.wireMapping(WireMapping.load(mapping));
    }
    b.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    return b;
  }
}
