package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.citizen.Sourced;
import vn.id06.core.gateway.HealthInsuranceCardCheck;
import vn.id06.core.gateway.HealthInsuranceClient;
import vn.id06.core.gateway.LookupRequest;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;
import vn.id06.eform.FormDefinition;
import vn.id06.eform.FormSealer;
import vn.id06.eform.FormSubmission;
import vn.id06.eform.FormTemplates;
import vn.id06.eform.FormValidator;
import vn.id06.eform.LocalizedText;
import vn.id06.eform.PrefilledForm;
import vn.id06.eform.PrefilledValue;
import vn.id06.eform.Prefiller;
import vn.id06.eform.SealKeys;
import vn.id06.eform.SealVerification;
import vn.id06.eform.Tampering;
import vn.id06.eform.ValidationMessage;

/**
 * {@code id06 prefill ...}: prefills a built-in form from citizen sources (a card QR, a chip read,
 * a population-data gateway look-up, in any combination), writes the form as JSON and HTML with a
 * seal over its locked values, and verifies a submission against the seal.
 *
 * <p>Nothing reaches {@code --out} until every source has been read, the form prefilled and sealed:
 * a failure leaves the folder as it was.
 *
 * <p>Not thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "prefill",
    mixinStandardHelpOptions = true,
    description = {
      "Prefills a form: writes DIR/form.json, DIR/form.html and DIR/seal.jws (nothing when it fails).",
      "Sources, in any combination: --from-qr TEXT, --from-card (with the options of `card read`),"
          + " --from-gateway URL (with --lookup-id ID, --consent REF and the options of `lookup`).",
      "Prints {form, out, files[], locked[], toConfirm[], conflicts[], throwawayKey}.",
      "The seal key comes from --seal-key, else ID06_SEAL_KEY (PKCS#12 password in"
          + " ID06_SEAL_KEY_PASSWORD); without either, a throwaway key is kept in DIR/seal-key.pem."
    },
    subcommands = {PrefillCommand.Verify.class})
final class PrefillCommand extends Id06Subcommand {
  static final String KEY_ENV = "ID06_SEAL_KEY";
  static final String PASSWORD_ENV = "ID06_SEAL_KEY_PASSWORD";
  static final String THROWAWAY_KEY = "seal-key.pem";

  /** The consent reference the id06 simulator's demo accepts; used only against the simulator. */
  static final String DEMO_CONSENT = "DEMO-CONSENT";

  private static final int MAX_FILE = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Option(names = "--list", description = "Print the built-in templates.")
  boolean list;

  @Option(names = "--form", paramLabel = "TEMPLATE", description = "The template id (see --list).")
  String form;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the prefilled form.")
  Path out;

  @Option(
      names = "--from-qr",
      paramLabel = "TEXT",
      description = "A card's QR text: the chip ID card (CCCD 2021, Căn cước 2024) or BHYT.")
  String fromQr;

  @Option(
      names = "--from-card",
      description =
          "Read a chip ID card, with the options of `card read`: --virtual, or --terminal NAME with"
              + " --can, --id/--dob/--expiry or --mrz (and --trust-anchors).")
  boolean fromCard;

  @Mixin ChipReadOptions chip;

  @Option(
      names = "--from-gateway",
      paramLabel = "URL",
      description =
          "Look the citizen up at this population-data gateway (the options of `lookup`: operator,"
              + " client key, JWKS...; against `id06 simulator` on loopback none is needed).")
  String fromGateway;

  @Option(
      names = "--lookup-id",
      paramLabel = "ID",
      description =
          "The 12-digit ID to look up at the gateway; default: the one ID the card or QR gave."
              + " (--id is the card's access data.)")
  String lookupId;

  @Option(
      names = "--consent",
      paramLabel = "REF",
      description =
          "The citizen's consent or the legal basis of the look-up (the simulator accepts "
              + DEMO_CONSENT
              + ", the default against it).")
  String consent;

  @Mixin GatewayOptions gateway;

  @Option(
      names = "--seal-key",
      paramLabel = "FILE",
      description = "The portal's sealing key: PKCS#12 or PEM (overrides ID06_SEAL_KEY).")
  Path sealKey;

  /**
   * What {@code prefill} prints.
   *
   * @param form the template id
   * @param out the folder written
   * @param files the files written there
   * @param locked the locked (and sealed) values, in form order
   * @param toConfirm the values the citizen must confirm under today's units
   * @param conflicts the fields on which sources disagree (their values are in form.json)
   * @param throwawayKey whether the seal's key is a throwaway one kept in the folder
   */
  record Result(
      String form,
      String out,
      List<String> files,
      List<Locked> locked,
      List<String> toConfirm,
      List<String> conflicts,
      boolean throwawayKey) {}

  /**
   * One locked value.
   *
   * @param field its path
   * @param level the proof level of its source
   * @param source its source ({@code gateway}, {@code chip}, {@code card-qr})
   * @param requestId the gateway's request id, for a value the gateway gave
   */
  record Locked(
      String field, Optional<String> level, Optional<String> source, Optional<String> requestId) {}

  /**
   * What {@code prefill --list} prints.
   *
   * @param templates the built-in templates
   */
  record Templates(List<Template> templates) {}

  /**
   * One built-in template.
   *
   * @param id its id
   * @param version its version
   * @param title its title
   * @param legalForm the legal form it follows
   * @param fields how many top-level fields it has
   */
  record Template(
      String id, int version, LocalizedText title, LegalFormRef legalForm, int fields) {}

  /**
   * The legal form a template follows.
   *
   * @param instrument the circular or decree
   * @param form the form's number or name
   */
  record LegalFormRef(String instrument, String form) {}

  @Override
  protected CommandOutput run(CliContext context) throws IOException {
    if (list) {
      return CommandOutput.of(templates());
    }
    if (form == null || out == null) {
      throw new InvalidInputException(
          form == null ? "form" : "out",
          InputReason.EMPTY,
          "`id06 prefill --form TEMPLATE --out DIR [--from-qr TEXT] [--from-card ...]"
              + " [--from-gateway URL ...]` or `id06 prefill --list`");
    }
    FormDefinition definition = FormTemplates.builtIn().get(form);
    if (!fromCard && (chip.virtual || chip.terminal != null || chip.access != null)) {
      throw new InvalidInputException(
          "fromCard", InputReason.MALFORMED, "card options need --from-card");
    }
    if (fromGateway == null && (lookupId != null || consent != null)) {
      throw new InvalidInputException(
          "fromGateway",
          InputReason.MALFORMED,
          "--lookup-id and --consent need --from-gateway URL");
    }
    if (gateway.gatewayUrl.uri().isPresent()) {
      throw new InvalidInputException(
          "gatewayUrl", InputReason.MALFORMED, "prefill names its gateway with --from-gateway URL");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InvalidInputException(
          "out", InputReason.MALFORMED, "--out names a file, not a folder");
    }
    // The key first: a bad key costs nothing, a card read or a gateway look-up (audited) does.
    Path keyFile = sealKey != null ? sealKey : context.env(KEY_ENV).map(Path::of).orElse(null);
    boolean throwaway = keyFile == null;
    KeyPair keys = throwaway ? SealKeys.generate() : SealKeys.load(keyFile, password(context));

    Sources sources = new Sources();
    if (fromQr != null) {
      CardQr qr = CardQrParser.builder().clock(context.clock()).build().parse(fromQr);
      sources.records.add(qr.record());
      qr.healthInsurance()
          .ifPresent(c -> sources.cards.add(new Sourced<>(c, qr.record().provenance())));
    }
    if (fromCard) {
      sources.records.add(chipRecord(chip.read(context.clock())));
    }
    if (fromGateway != null) {
      lookUp(context, definition, sources);
    }

    PrefilledForm prefilled =
        Prefiller.builder()
            .clock(context.clock())
            .build()
            .prefill(definition, sources.records, sources.cards);
    String seal = FormSealer.builder().keyPair(keys).clock(context.clock()).build().seal(prefilled);
    // Everything is computed; only now does anything reach the disk.
    Map<String, String> files = new LinkedHashMap<>();
    files.put("form.json", prefilled.toJson());
    files.put("form.html", prefilled.toHtml());
    files.put("seal.jws", seal + "\n");
    if (throwaway) {
      files.put(THROWAWAY_KEY, SealKeys.toPem(keys));
    }
    writeAll(out, files);
    if (throwaway) {
      context
          .err()
          .println(
              "id06: no --seal-key or "
                  + KEY_ENV
                  + ": sealed with a throwaway key kept in "
                  + out.resolve(THROWAWAY_KEY)
                  + " (for trying things only; a portal configures its own key)");
    }
    List<String> conflicts = prefilled.conflicts().stream().map(c -> c.path()).toList();
    if (!conflicts.isEmpty()) {
      // Field ids only: the values stay in form.json.
      context
          .err()
          .println(
              "id06: the sources disagree on "
                  + String.join(", ", conflicts)
                  + ": the strongest proof's value is prefilled, each source's value is listed"
                  + " under form.json's conflicts");
    }
    List<Locked> locked = new ArrayList<>();
    List<String> toConfirm = new ArrayList<>();
    for (PrefilledValue v : prefilled.values()) {
      if (v.locked()) {
        locked.add(
            new Locked(
                v.path(),
                v.provenance().map(p -> p.level().name()),
                v.provenance().map(p -> p.source()),
                v.provenance()
                    .filter(GatewayProvenance.class::isInstance)
                    .map(p -> ((GatewayProvenance) p).requestId())));
      }
      if (v.toConfirm()) {
        toConfirm.add(v.path());
      }
    }
    return CommandOutput.of(
        new Result(
            definition.id(),
            out.toString(),
            List.copyOf(files.keySet()),
            locked,
            toConfirm,
            conflicts,
            throwaway));
  }

  /**
   * Writes the files into a new folder beside {@code out} (owner-only on POSIX file systems: they
   * hold personal data), then moves it, or each file, into place: a failure while writing leaves
   * {@code out} as it was.
   */
  private static void writeAll(Path out, Map<String, String> files) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new InvalidInputException("out", InputReason.MALFORMED, "--out cannot be the root");
    }
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, ".id06-prefill-");
    try {
      for (var e : files.entrySet()) {
        Files.writeString(staging.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      if (!Files.exists(target)) {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      for (String name : files.keySet()) {
        Files.move(
            staging.resolve(name),
            target.resolve(name),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (Files.exists(staging)) {
        for (String name : files.keySet()) {
          Files.deleteIfExists(staging.resolve(name));
        }
        Files.deleteIfExists(staging);
      }
    }
  }

  /** The records and health-insurance cards the sources gave. */
  private static final class Sources {
    final List<CitizenRecord> records = new ArrayList<>();
    final List<Sourced<HealthInsuranceCard>> cards = new ArrayList<>();
  }

  /**
   * The chip's record, when none of its proofs failed: a failed proof prefills nothing (exit 4).
   */
  private static CitizenRecord chipRecord(ChipReadResult read) {
    SecurityCheck failed =
        read.passiveAuthentication().outcome() == ProofOutcome.FAILED
            ? SecurityCheck.PASSIVE_AUTHENTICATION
            : read.chipAuthentication().outcome() == ProofOutcome.FAILED
                ? SecurityCheck.CHIP_AUTHENTICATION
                : read.activeAuthentication().outcome() == ProofOutcome.FAILED
                    ? SecurityCheck.ACTIVE_AUTHENTICATION
                    : null;
    if (failed != null) {
      throw new VerificationException(
          failed, "the chip's proofs failed (" + failed + "): nothing prefilled from it");
    }
    return read.citizen();
  }

  /** The card fields of a health-insurance card, which the social-insurance gateway reports. */
  private static final Set<CitizenField> CARD_FIELDS =
      EnumSet.of(
          CitizenField.HEALTH_INSURANCE_CARD_NUMBER,
          CitizenField.SOCIAL_INSURANCE_NUMBER,
          CitizenField.FACILITY_CODE,
          CitizenField.VALID_FROM,
          CitizenField.VALID_TO);

  /**
   * Looks the citizen up at the gateway: only the fields the form binds (data minimisation), for
   * the ID of {@code --lookup-id}, else the one ID the card or QR gave. A form that binds a
   * health-insurance card's fields also gets the card the gateway reports for that ID.
   */
  private void lookUp(CliContext context, FormDefinition definition, Sources sources) {
    var url = new GatewayUrlOption(); // the same check and field name as --gateway's
    url.gateway = fromGateway;
    URI root = url.require();
    CitizenId subject = subject(sources.records);
    // The fields the prefill engine fills: the form's top-level bindings.
    Set<CitizenField> bound = EnumSet.noneOf(CitizenField.class);
    definition.fields().forEach(f -> f.binding().ifPresent(b -> bound.add(b.field())));
    Set<CitizenField> wanted = EnumSet.noneOf(CitizenField.class);
    wanted.addAll(bound);
    wanted.retainAll(LookupRequest.SUPPORTED_FIELDS);
    if (wanted.isEmpty()) {
      throw new InvalidInputException(
          "fromGateway", InputReason.UNKNOWN_VALUE, "the form binds no field the gateway returns");
    }
    boolean card = bound.stream().anyMatch(CARD_FIELDS::contains);
    Optional<JsonNode> sim = gateway.simulator(context, root);
    OperatorContext operator = gateway.operator(context, sim.isPresent());
    String reference = consent != null ? consent : sim.isPresent() ? DEMO_CONSENT : null;
    if (reference == null) {
      throw new InvalidInputException(
          "consent",
          InputReason.EMPTY,
          "--consent REF is required: the citizen's consent or the look-up's legal basis");
    }
    LookupRequest request = LookupRequest.of(subject, wanted, reference);
    // Audited like the gateway commands (--audit FILE or ID06_AUDIT_FILE): each call of the run.
    try (AuditOptions.Trail trail = gateway.audit.open(context, sim)) {
      CitizenRecord found;
      try (PopulationDataClient client =
          trail.configure(gateway.builder(context, root, sim)).buildPopulationDataClient()) {
        found =
            client
                .lookup(operator, request)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "lookupId",
                            InputReason.UNKNOWN_VALUE,
                            "the gateway holds no citizen with that ID"));
      }
      sources.records.add(found);
      if (card) {
        Optional<HealthInsuranceCardCheck> check;
        try (HealthInsuranceClient client =
            trail.configure(gateway.builder(context, root, sim)).buildHealthInsuranceClient()) {
          check = client.lookup(operator, subject);
        }
        check.flatMap(c -> insuranceCard(c, found)).ifPresent(sources.cards::add);
      }
    }
  }

  /**
   * The gateway's card as the prefill engine takes it: the holder's name, birth date and sex from
   * the population record (the card's own fields are what it fills).
   */
  private static Optional<Sourced<HealthInsuranceCard>> insuranceCard(
      HealthInsuranceCardCheck check, CitizenRecord holder) {
    if (holder.fullName().isEmpty() || holder.dateOfBirth().isEmpty() || holder.sex().isEmpty()) {
      return Optional.empty();
    }
    String facility = check.facilityCode().replaceAll("[^0-9]", "");
    HealthInsuranceCard card =
        HealthInsuranceCard.builder()
            .cardNumber(check.cardNumber())
            .fullName(holder.fullName().get())
            .dateOfBirth(holder.dateOfBirth().get())
            .sex(holder.sex().get())
            // "PP - FFF" as the gateway writes it is the 5-digit code (province, facility).
            .facilityCode(facility.length() == 5 ? facility : check.facilityCode())
            .validFrom(check.validFrom())
            .validTo(check.validTo())
            .build();
    return Optional.of(new Sourced<>(card, check.provenance()));
  }

  /**
   * The ID to look up: {@code --lookup-id}, else the one 12-digit ID the other sources agree on.
   */
  private CitizenId subject(List<CitizenRecord> others) {
    if (lookupId != null) {
      return CitizenId.parse(lookupId);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (CitizenRecord r : others) {
      r.citizenId().ifPresent(id -> ids.add(id.value()));
    }
    if (ids.size() != 1) {
      throw new InvalidInputException(
          "lookupId",
          InputReason.EMPTY,
          ids.isEmpty()
              ? "--lookup-id ID is required (no card or QR gave an ID)"
              : "--lookup-id ID is required: the card and the QR give different IDs");
    }
    return CitizenId.parse(ids.iterator().next());
  }

  private static Templates templates() {
    List<Template> all = new ArrayList<>();
    for (FormDefinition d : FormTemplates.builtIn().all()) {
      all.add(
          new Template(
              d.id(),
              d.version(),
              d.title(),
              new LegalFormRef(d.legalForm().instrument(), d.legalForm().form()),
              d.fields().size()));
    }
    return new Templates(all);
  }

  private static char[] password(CliContext context) {
    return context.env(PASSWORD_ENV).map(String::toCharArray).orElse(new char[0]);
  }

  private static String read(Path file, String field) {
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new InvalidInputException(field, InputReason.TOO_LONG, "the file is too large");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(field, InputReason.MALFORMED, "the file cannot be read");
    }
  }

  /** {@code id06 prefill verify DIR SUBMISSION.json}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a submission (DIR/form.json as a front end posts it back) against DIR/seal.jws.",
        "Exit 0 and {sealValid, tampered: [], validation: [...]} when clean; exit 4 and {tampered:"
            + " [{field, reason}]} when a locked field was changed, removed or added, or the seal"
            + " does not verify; exit 2 for a field the form does not have."
      })
  static final class Verify extends Id06Subcommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder prefill wrote.")
    Path dir;

    @Parameters(index = "1", paramLabel = "SUBMISSION.json", description = "The submission.")
    Path submission;

    @Option(
        names = "--seal-key",
        paramLabel = "FILE",
        description = "The portal's sealing key (else ID06_SEAL_KEY, else DIR/seal-key.pem).")
    Path sealKey;

    /**
     * What {@code prefill verify} prints.
     *
     * @param sealValid whether the seal verifies under the key
     * @param tampered the locked fields changed, removed or added
     * @param validation the submission's validation messages; absent when the seal fails
     */
    record VerifyResult(
        boolean sealValid, List<Tampered> tampered, Optional<List<Validation>> validation) {}

    /**
     * One tampered field.
     *
     * @param field its path
     * @param reason {@code CHANGED}, {@code REMOVED} or {@code ADDED}
     */
    record Tampered(String field, Tampering.Reason reason) {}

    /**
     * One validation message.
     *
     * @param field the field it names
     * @param rule the rule
     * @param message the message in Vietnamese and English
     */
    record Validation(String field, String rule, LocalizedText message) {}

    @Override
    protected CommandOutput run(CliContext context) {
      String formJson = read(dir.resolve("form.json"), "DIR/form.json");
      String formId;
      try {
        formId = MAPPER.readTree(formJson).path("form").asText("");
      } catch (JsonProcessingException e) {
        throw new InvalidInputException("DIR/form.json", InputReason.MALFORMED, "not JSON");
      }
      FormDefinition definition = FormTemplates.builtIn().get(formId);
      String seal = read(dir.resolve("seal.jws"), "DIR/seal.jws");
      Path keyFile = sealKey != null ? sealKey : context.env(KEY_ENV).map(Path::of).orElse(null);
      if (keyFile == null) {
        keyFile = dir.resolve(THROWAWAY_KEY);
        if (!Files.exists(keyFile)) {
          throw new InvalidInputException(
              "--seal-key",
              InputReason.EMPTY,
              "no --seal-key, " + KEY_ENV + " or DIR/seal-key.pem");
        }
      }
      FormSealer sealer =
          FormSealer.builder().keyFile(keyFile, password(context)).clock(context.clock()).build();
      FormSubmission submitted =
          FormSubmission.parse(definition, read(submission, "SUBMISSION.json"));
      SealVerification verification;
      try {
        verification = sealer.verify(submitted, seal);
      } catch (VerificationException sealFailure) {
        // A result with exit 4: the seal is named, no value is.
        context.err().println("id06: security failure: " + sealFailure.getMessage());
        return CommandOutput.of(new VerifyResult(false, List.of(), Optional.empty()))
            .withExit(ExitCode.SECURITY);
      }
      List<Tampered> tampered =
          verification.tampered().stream().map(t -> new Tampered(t.field(), t.reason())).toList();
      List<Validation> validation = new ArrayList<>();
      for (ValidationMessage m : FormValidator.create(context.clock()).validate(submitted)) {
        validation.add(new Validation(m.field(), m.rule().name(), m.message()));
      }
      CommandOutput output =
          CommandOutput.of(new VerifyResult(true, tampered, Optional.of(validation)));
      if (!verification.clean()) {
        context.err().println("id06: security failure: locked fields were tampered with");
        return output.withExit(ExitCode.SECURITY);
      }
      return output;
    }
  }
}
