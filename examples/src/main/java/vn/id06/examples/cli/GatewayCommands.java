package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.id06.core.CitizenField;
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

/**
 * {@code id06 verify}, {@code lookup} and {@code health-insurance} against a gateway. Each returns
 * its result through the output model; a gateway failure is thrown and becomes its exit status (3
 * unavailable or refused after retries, 4 an answer whose signature or binding does not verify).
 * With {@code --audit FILE} every call is appended to the audit trail ({@link AuditOptions}).
 */
final class GatewayCommands {
  private GatewayCommands() {}

  /** {@code verify}'s result; keys in this order. */
  record VerifyOutput(
      String result,
      Map<String, FieldOutput> fields,
      Optional<String> lifeStatus,
      String requestId,
      String proofLevel) {}

  /** One field of {@code verify}'s result. */
  record FieldOutput(String result, boolean explainedByNormalisation) {}

  /**
   * {@code lookup}'s result: {@code citizen}, {@code requestId} and {@code proofLevel} when found;
   * {@code addressUnits} (as {@code qr parse} prints it) when the permanent address was asked for.
   */
  record LookupOutput(
      boolean found,
      Optional<Map<String, String>> citizen,
      Optional<AddressCommand.Resolve.Output> addressUnits,
      Optional<String> requestId,
      Optional<String> proofLevel) {

    /** The field names the gateway answered, never their values. */
    @Override
    public String toString() {
      return "LookupOutput[found="
          + found
          + ", fields="
          + citizen.map(c -> c.keySet().toString()).orElse("none")
          + ", addressUnits="
          + addressUnits.isPresent()
          + ", requestId="
          + requestId.orElse("none")
          + ", proofLevel="
          + proofLevel.orElse("none")
          + "]";
    }
  }

  /** {@code health-insurance}'s result: the card's fields when found. */
  record CardOutput(
      boolean found,
      Optional<String> cardNumber,
      Optional<String> socialInsuranceNumber,
      Optional<String> facilityCode,
      Optional<LocalDate> validFrom,
      Optional<LocalDate> validTo,
      Optional<Boolean> valid,
      Optional<String> requestId) {

    /** No card or social-insurance number, facility or dates. */
    @Override
    public String toString() {
      return "CardOutput[found="
          + found
          + ", valid="
          + valid.map(String::valueOf).orElse("none")
          + ", requestId="
          + requestId.orElse("none")
          + "]";
    }

    static CardOutput of(Optional<HealthInsuranceCardCheck> card) {
      return new CardOutput(
          card.isPresent(),
          card.map(HealthInsuranceCardCheck::cardNumber),
          card.map(HealthInsuranceCardCheck::socialInsuranceNumber),
          card.map(HealthInsuranceCardCheck::facilityCode),
          card.map(HealthInsuranceCardCheck::validFrom),
          card.map(HealthInsuranceCardCheck::validTo),
          card.map(HealthInsuranceCardCheck::valid),
          card.map(k -> k.provenance().requestId()));
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
  static final class Verify extends Id06Subcommand {
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

    @Override
    protected CommandOutput run(CliContext context) {
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
      Optional<JsonNode> sim = gateway.simulator(context, root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      VerificationResult r;
      try (AuditOptions.Trail trail = gateway.audit.open(context, sim);
          PopulationDataClient client =
              trail.configure(gateway.builder(context, root, sim)).buildPopulationDataClient()) {
        r = client.verify(op, req);
      }
      Map<String, FieldOutput> fields = new LinkedHashMap<>();
      for (Map.Entry<CitizenField, FieldVerification> e : r.fields().entrySet()) {
        fields.put(
            e.getKey().jsonName(),
            new FieldOutput(e.getValue().result().name(), e.getValue().explainedByNormalisation()));
      }
      return CommandOutput.of(
          new VerifyOutput(
              r.result().name(),
              fields,
              r.lifeStatus().map(Enum::name),
              r.requestId(),
              r.provenance().level().name()));
    }
  }

  /** {@code id06 lookup --gateway URL --id ID [--fields a,b] --consent REF}. */
  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Looks up a citizen: only the fields asked for. Prints {found, citizen, requestId, proofLevel}."
      })
  static final class Lookup extends Id06Subcommand {
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

    @Override
    protected CommandOutput run(CliContext context) {
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
      Optional<JsonNode> sim = gateway.simulator(context, root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      String ref = consent != null ? consent : sim.isPresent() ? "DEMO-CONSENT" : null;
      LookupRequest req = LookupRequest.of(CitizenId.parse(id), wanted, ref);
      Optional<CitizenRecord> r;
      try (AuditOptions.Trail trail = gateway.audit.open(context, sim);
          PopulationDataClient client =
              trail.configure(gateway.builder(context, root, sim)).buildPopulationDataClient()) {
        r = client.lookup(op, req);
      }
      if (r.isEmpty()) {
        return CommandOutput.of(
            new LookupOutput(
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      }
      CitizenRecord rec = r.get();
      Map<String, String> citizen = new LinkedHashMap<>();
      for (CitizenField f : wanted) {
        rec.get(f).ifPresent(v -> citizen.put(f.jsonName(), text(v)));
      }
      Optional<String> requestId =
          rec.provenance() instanceof vn.id06.core.citizen.GatewayProvenance g
              ? Optional.of(g.requestId())
              : Optional.empty();
      Optional<AddressCommand.Resolve.Output> units =
          wanted.contains(CitizenField.PERMANENT_ADDRESS)
              ? rec.permanentAddress().flatMap(AddressCommand.Resolve::units)
              : Optional.empty();
      return CommandOutput.of(
          new LookupOutput(
              true,
              Optional.of(citizen),
              units,
              requestId,
              Optional.of(rec.provenance().level().name())));
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
  static final class HealthInsurance extends Id06Subcommand {
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

    @Override
    protected CommandOutput run(CliContext context) {
      CitizenId cid = CitizenId.parse(id);
      URI root = gateway.root();
      Optional<JsonNode> sim = gateway.simulator(context, root);
      OperatorContext op = gateway.operator(context, sim.isPresent());
      if (gateway.gatewayUrl.profile() == vn.id06.core.gateway.GatewayProfile.BHXH) {
        return WireProfileOptions.cardCheck(context, gateway, root, sim, op, cid, name, dob);
      }
      Optional<HealthInsuranceCardCheck> r;
      try (AuditOptions.Trail trail = gateway.audit.open(context, sim);
          HealthInsuranceClient client =
              trail.configure(gateway.builder(context, root, sim)).buildHealthInsuranceClient()) {
        r = client.lookup(op, cid);
      }
      return CommandOutput.of(CardOutput.of(r));
    }
  }
}
