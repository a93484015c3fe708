package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.id06.core.CitizenField;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.FieldVerification;
import vn.id06.core.gateway.HealthInsuranceCardCheck;
import vn.id06.core.gateway.HealthInsuranceClient;
import vn.id06.core.gateway.LookupRequest;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;

/** {@code id06 verify}, {@code lookup} and {@code health-insurance} against a gateway. */
final class GatewayCommands {
  private GatewayCommands() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static void print(CliContext context, ObjectNode n) {
    try {
      context.out().println(JSON.writeValueAsString(n));
      context.out().flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code id06 verify --gateway URL --id ID [--name NAME] [--dob DATE] [--sex SEX]}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies a citizen against the population-data gateway; sends what it is given.",
        "Prints {result, fields: {fullName, dateOfBirth, sex: {result, explainedByNormalisation}},"
            + " lifeStatus, requestId}. A mismatch exits 0."
      })
  static final class Verify implements Callable<Integer> {
    private final CliContext context;

    @Mixin GatewayOptions gateway;

    @Option(names = "--id", paramLabel = "ID", description = "12-digit ID.")
    String id;

    @Option(names = "--legacy-id", paramLabel = "ID", description = "Old 9-digit ID, without --id.")
    String legacyId;

    @Option(names = "--name", paramLabel = "NAME", description = "Full name.")
    String name;

    @Option(
        names = "--dob",
        paramLabel = "DATE",
        description = "Birth date: yyyy, yyyy-MM or yyyy-MM-dd.")
    String dob;

    @Option(names = "--sex", paramLabel = "SEX", description = "MALE/FEMALE or Nam/Nữ.")
    String sex;

    Verify(CliContext context) {
      this.context = context;
    }

    /** For picocli's usage help, which builds commands without a run. */
    Verify() {
      this(null);
    }

    @Override
    public Integer call() {
      if ((id == null) == (legacyId == null)) {
        throw new InvalidInputException("citizenId", InputReason.EMPTY, "give --id or --legacy-id");
      }
      VietnameseName n = name == null ? null : VietnameseName.of(name);
      PartialDate d = dob == null ? null : PartialDate.parseIso("dob", dob);
      Sex s = sex == null ? null : Sex.parse(sex);
      VerificationRequest req =
          id != null
              ? VerificationRequest.of(CitizenId.parse(id), n, d, s)
              : VerificationRequest.ofLegacy(LegacyId.parse(legacyId), n, d, s);
      URI root = gateway.root();
      Optional<JsonNode> sim = gateway.simulator(root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      try (PopulationDataClient client = gateway.builder(root, sim).buildPopulationDataClient()) {
        VerificationResult r = client.verify(op, req);
        ObjectNode out = JSON.createObjectNode();
        out.put("result", r.result().name());
        ObjectNode fields = out.putObject("fields");
        for (Map.Entry<CitizenField, FieldVerification> e : r.fields().entrySet()) {
          ObjectNode f = fields.putObject(e.getKey().jsonName());
          f.put("result", e.getValue().result().name());
          f.put("explainedByNormalisation", e.getValue().explainedByNormalisation());
        }
        r.lifeStatus().ifPresent(l -> out.put("lifeStatus", l.name()));
        out.put("requestId", r.requestId());
        out.put("proofLevel", r.provenance().level().name());
        print(context, out);
        return Id06Command.EXIT_OK;
      } catch (InvalidInputException e) {
        throw e;
      } catch (Id06Exception e) {
        return GatewayOptions.failure(context, e);
      }
    }
  }

  /** {@code id06 lookup --gateway URL --id ID [--fields a,b] --consent REF}. */
  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Looks up a citizen: only the fields asked for. Prints {found, citizen, requestId, proofLevel}."
      })
  static final class Lookup implements Callable<Integer> {
    private final CliContext context;

    @Mixin GatewayOptions gateway;

    @Option(names = "--id", paramLabel = "ID", required = true, description = "12-digit ID.")
    String id;

    @Option(
        names = "--fields",
        paramLabel = "F,...",
        split = ",",
        description = "Fields (default fullName,dateOfBirth,sex,address).")
    String[] fields = {"fullName", "dateOfBirth", "sex", "address"};

    @Option(
        names = "--consent",
        paramLabel = "REF",
        description = "Consent or legal-basis reference (the simulator demo accepts DEMO-CONSENT).")
    String consent;

    Lookup(CliContext context) {
      this.context = context;
    }

    /** For picocli's usage help, which builds commands without a run. */
    Lookup() {
      this(null);
    }

    @Override
    public Integer call() {
      EnumSet<CitizenField> wanted = EnumSet.noneOf(CitizenField.class);
      for (String f : fields) {
        wanted.add(
            CitizenField.fromJsonName(f.strip())
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "fields", InputReason.UNKNOWN_VALUE, "unknown field")));
      }
      URI root = gateway.root();
      Optional<JsonNode> sim = gateway.simulator(root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      String ref = consent != null ? consent : sim.isPresent() ? "DEMO-CONSENT" : null;
      LookupRequest req = LookupRequest.of(CitizenId.parse(id), wanted, ref);
      try (PopulationDataClient client = gateway.builder(root, sim).buildPopulationDataClient()) {
        Optional<CitizenRecord> r = client.lookup(op, req);
        ObjectNode out = JSON.createObjectNode();
        out.put("found", r.isPresent());
        r.ifPresent(
            rec -> {
              ObjectNode c = out.putObject("citizen");
              for (CitizenField f : wanted) {
                rec.get(f).ifPresent(v -> c.put(f.jsonName(), text(v)));
              }
              if (rec.provenance() instanceof vn.id06.core.citizen.GatewayProvenance g) {
                out.put("requestId", g.requestId());
              }
              out.put("proofLevel", rec.provenance().level().name());
            });
        print(context, out);
        return Id06Command.EXIT_OK;
      } catch (InvalidInputException e) {
        throw e;
      } catch (Id06Exception e) {
        return GatewayOptions.failure(context, e);
      }
    }

    private static String text(Object v) {
      if (v instanceof CitizenId c) {
        return c.value();
      }
      if (v instanceof LegacyId l) {
        return l.value();
      }
      if (v instanceof VietnameseName n) {
        return n.value();
      }
      if (v instanceof PartialDate d) {
        return d.toIso();
      }
      if (v instanceof Sex s) {
        return s.name();
      }
      if (v instanceof vn.id06.core.address.Address a) {
        return a.text();
      }
      if (v instanceof vn.id06.core.citizen.Nationality n) {
        return n.code().isEmpty() ? n.name() : n.code();
      }
      if (v instanceof vn.id06.core.citizen.Ethnicity e) {
        return e.name();
      }
      return String.valueOf(v);
    }
  }

  /** {@code id06 health-insurance --gateway URL --id ID}. */
  @Command(
      name = "health-insurance",
      mixinStandardHelpOptions = true,
      description = {
        "Looks up a citizen's health-insurance card by the 12-digit ID; with --profile bhxh,"
            + " checks it at the social-insurance gateway with --name and --dob.",
        "Prints {found, cardNumber, socialInsuranceNumber, facilityCode, validFrom, validTo, valid,"
            + " requestId}."
      })
  static final class HealthInsurance implements Callable<Integer> {
    private final CliContext context;

    @Mixin GatewayOptions gateway;

    @Option(names = "--id", paramLabel = "ID", required = true, description = "12-digit ID.")
    String id;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Holder's full name (--profile bhxh: the card check needs it).")
    String name;

    @Option(
        names = "--dob",
        paramLabel = "DATE",
        description = "Holder's birth date, yyyy or yyyy-MM-dd (--profile bhxh).")
    String dob;

    HealthInsurance(CliContext context) {
      this.context = context;
    }

    /** For picocli's usage help, which builds commands without a run. */
    HealthInsurance() {
      this(null);
    }

    @Override
    public Integer call() {
      CitizenId cid = CitizenId.parse(id);
      URI root = gateway.root();
      Optional<JsonNode> sim = gateway.simulator(root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      if (gateway.gatewayUrl.profile() == vn.id06.core.gateway.GatewayProfile.BHXH) {
        return WireProfileOptions.cardCheck(context, gateway, root, sim, op, cid, name, dob);
      }
      try (HealthInsuranceClient client = gateway.builder(root, sim).buildHealthInsuranceClient()) {
        Optional<HealthInsuranceCardCheck> r = client.lookup(op, cid);
        ObjectNode out = JSON.createObjectNode();
        out.put("found", r.isPresent());
        r.ifPresent(
            k -> {
              out.put("cardNumber", k.cardNumber());
              out.put("socialInsuranceNumber", k.socialInsuranceNumber());
              out.put("facilityCode", k.facilityCode());
              out.put("validFrom", k.validFrom().toString());
              out.put("validTo", k.validTo().toString());
              out.put("valid", k.valid());
              out.put("requestId", k.provenance().requestId());
            });
        print(context, out);
        return Id06Command.EXIT_OK;
      } catch (InvalidInputException e) {
        throw e;
      } catch (Id06Exception e) {
        return GatewayOptions.failure(context, e);
      }
    }
  }
}
