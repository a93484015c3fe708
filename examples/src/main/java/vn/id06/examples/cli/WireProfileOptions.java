package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.id06.core.Id06Exception;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A demo officer (a made-up name and number): accepted only by the id06 simulator. */
  static OperatorContext withDemoOfficer(OperatorContext op) {
    return op.officerName().isEmpty() ? op.withOfficer("Cán Bộ Demo", "001099000000") : op;
  }

  /**
   * {@code health-insurance --profile bhxh}: the card check. Prints {@code {found, status,
   * mismatchedField, cardNumber, socialInsuranceNumber, facilityCode, validFrom, validTo, valid,
   * gatewayCode, requestId, proofLevel}}; a mismatch or an expired card is a result (exit 0).
   */
  static int cardCheck(
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
    try (HealthInsuranceClient client = gateway.builder(root, sim).buildHealthInsuranceClient()) {
      CardCheckResult r = client.check(op, request);
      ObjectNode out = JSON.createObjectNode();
      out.put("found", r.status() != CardCheckResult.Status.NOT_FOUND);
      out.put("status", r.status().name());
      r.mismatchedField().ifPresent(f -> out.put("mismatchedField", f.jsonName()));
      r.card()
          .ifPresent(
              k -> {
                out.put("cardNumber", k.cardNumber());
                out.put("socialInsuranceNumber", k.socialInsuranceNumber());
                k.facilityCode().ifPresent(v -> out.put("facilityCode", v));
                k.validFrom().ifPresent(v -> out.put("validFrom", v.toString()));
                k.validTo().ifPresent(v -> out.put("validTo", v.toString()));
              });
      out.put("valid", r.status() == CardCheckResult.Status.VALID);
      out.put("gatewayCode", r.gatewayCode());
      out.put("requestId", r.provenance().requestId());
      out.put("proofLevel", r.provenance().level().name());
      context.out().println(JSON.writeValueAsString(out));
      context.out().flush();
      return Id06Command.EXIT_OK;
    } catch (InvalidInputException e) {
      throw e;
    } catch (Id06Exception e) {
      return GatewayOptions.failure(context, e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static GatewayClientBuilder builder(
      GatewayOptions o, URI root, Optional<JsonNode> sim, GatewayProfile profile) {
    GatewayClientBuilder b =
        PopulationDataClient.builder().gateway(root).profile(profile).allowUnsignedResponses(true);
    String cid = GatewayOptions.env(o.clientId, "ID06_CLIENT_ID");
    String aud = GatewayOptions.env(o.audience, "ID06_AUDIENCE");
    Path key = GatewayOptions.envPath(o.clientKey, "ID06_CLIENT_KEY");
    Path caFile = GatewayOptions.envPath(o.ca, "ID06_CA");
    Path secret = GatewayOptions.envPath(o.clientSecret, "ID06_CLIENT_SECRET");
    Path cert = GatewayOptions.envPath(o.clientCert, "ID06_CLIENT_CERT");
    Path mapping = GatewayOptions.envPath(null, "ID06_WIRE_MAPPING");
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
