package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.VerificationException;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.citizen.Sourced;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;
import vn.id06.eform.FormDefinition;
import vn.id06.eform.FormSealer;
import vn.id06.eform.FormSubmission;
import vn.id06.eform.FormTemplates;
import vn.id06.eform.FormValidator;
import vn.id06.eform.PrefilledForm;
import vn.id06.eform.PrefilledValue;
import vn.id06.eform.SealKeys;
import vn.id06.eform.SealVerification;
import vn.id06.eform.Tampering;
import vn.id06.eform.ValidationMessage;

/**
 * {@code id06 prefill ...}: prefills a built-in form from citizen sources, writes the form as JSON
 * and HTML with a seal over its locked values, and verifies a submission against the seal.
 */
@Command(
    name = "prefill",
    mixinStandardHelpOptions = true,
    description = {
      "Prefills a form: writes DIR/form.json, DIR/form.html and DIR/seal.jws (nothing when it fails).",
      "Prints {form, out, files[], locked[], toConfirm[], conflicts[], throwawayKey}.",
      "The seal key comes from --seal-key, else ID06_SEAL_KEY (PKCS#12 password in"
          + " ID06_SEAL_KEY_PASSWORD); without either, a throwaway key is kept in DIR/seal-key.pem."
    },
    subcommands = {PrefillCommand.Verify.class})
final class PrefillCommand implements Callable<Integer> {
  /** Exit status: a seal, signature or proof that does not verify. */
  static final int EXIT_SECURITY = 4;

  static final String KEY_ENV = "ID06_SEAL_KEY";
  static final String PASSWORD_ENV = "ID06_SEAL_KEY_PASSWORD";
  static final String THROWAWAY_KEY = "seal-key.pem";
  private static final int MAX_FILE = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CliContext context;

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

  // Seam for the gateway source: --from-gateway URL --id ID (a gateway lookup) adds one
  // CitizenRecord to sources() below.

  @Option(
      names = "--seal-key",
      paramLabel = "FILE",
      description = "The portal's sealing key: PKCS#12 or PEM (overrides ID06_SEAL_KEY).")
  Path sealKey;

  PrefillCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (list) {
      print(templates());
      return Id06Command.EXIT_OK;
    }
    if (form == null || out == null) {
      context
          .err()
          .println(
              "id06: usage: `id06 prefill --form TEMPLATE --out DIR [--from-qr TEXT] [--from-card ...]`"
                  + " or `id06 prefill --list`");
      return Id06Command.EXIT_BAD_INPUT;
    }
    FormDefinition definition = FormTemplates.builtIn().get(form);
    if (!fromCard && (chip.virtual || chip.terminal != null || chip.access != null)) {
      throw new InvalidInputException(
          "fromCard", InputReason.MALFORMED, "card options need --from-card");
    }
    List<CitizenRecord> sources = sources();
    if (fromCard) {
      ChipReadResult read = chip.read(context.clock());
      if (read.passiveAuthentication().outcome() == ProofOutcome.FAILED
          || read.chipAuthentication().outcome() == ProofOutcome.FAILED
          || read.activeAuthentication().outcome() == ProofOutcome.FAILED) {
        context.err().println("id06: the chip's proofs failed: nothing prefilled from it");
        return EXIT_SECURITY;
      }
      sources.add(read.citizen());
    }
    PrefilledForm prefilled =
        vn.id06.eform.Prefiller.builder()
            .clock(context.clock())
            .build()
            .prefill(definition, sources, insuranceCards);
    KeyPair keys;
    boolean throwaway = false;
    Path keyFile = sealKey != null ? sealKey : envPath(KEY_ENV);
    if (keyFile != null) {
      keys = SealKeys.load(keyFile, password());
    } else {
      keys = SealKeys.generate();
      throwaway = true;
    }
    String seal = FormSealer.builder().keyPair(keys).clock(context.clock()).build().seal(prefilled);
    // Everything is computed; only now does anything reach the disk.
    Map<String, String> files = new LinkedHashMap<>();
    files.put("form.json", prefilled.toJson());
    files.put("form.html", prefilled.toHtml());
    files.put("seal.jws", seal + "\n");
    if (throwaway) {
      files.put(THROWAWAY_KEY, SealKeys.toPem(keys));
    }
    Files.createDirectories(out);
    for (var e : files.entrySet()) {
      Files.writeString(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
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
    ObjectNode result = MAPPER.createObjectNode();
    result.put("form", definition.id());
    result.put("out", out.toString());
    ArrayNode names = result.putArray("files");
    files.keySet().forEach(names::add);
    ArrayNode locked = result.putArray("locked");
    ArrayNode toConfirm = result.putArray("toConfirm");
    for (PrefilledValue v : prefilled.values()) {
      if (v.locked()) {
        ObjectNode l = locked.addObject();
        l.put("field", v.path());
        v.provenance().ifPresent(p -> l.put("level", p.level().name()).put("source", p.source()));
      }
      if (v.toConfirm()) {
        toConfirm.add(v.path());
      }
    }
    ArrayNode conflicts = result.putArray("conflicts");
    prefilled.conflicts().forEach(c -> conflicts.add(c.path()));
    result.put("throwawayKey", throwaway);
    print(result);
    return Id06Command.EXIT_OK;
  }

  private final List<Sourced<HealthInsuranceCard>> insuranceCards = new ArrayList<>();

  /** The citizen records of every source given (a BHYT QR also gives its card). */
  private List<CitizenRecord> sources() {
    List<CitizenRecord> sources = new ArrayList<>();
    if (fromQr != null) {
      CardQr qr = CardQrParser.builder().clock(context.clock()).build().parse(fromQr);
      sources.add(qr.record());
      qr.healthInsurance()
          .ifPresent(c -> insuranceCards.add(new Sourced<>(c, qr.record().provenance())));
    }
    return sources;
  }

  private static ObjectNode templates() {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode arr = root.putArray("templates");
    for (FormDefinition d : FormTemplates.builtIn().all()) {
      ObjectNode o = arr.addObject();
      o.put("id", d.id());
      o.put("version", d.version());
      o.putObject("title").put("vi", d.title().vi()).put("en", d.title().en());
      o.putObject("legalForm")
          .put("instrument", d.legalForm().instrument())
          .put("form", d.legalForm().form());
      o.put("fields", d.fields().size());
    }
    return root;
  }

  private void print(JsonNode node) {
    try {
      context.out().println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  private static Path envPath(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  private static char[] password() {
    String v = System.getenv(PASSWORD_ENV);
    return v == null ? new char[0] : v.toCharArray();
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
        "Exit 0 and {tampered: [], validation: [...]} when clean; exit 4 and {tampered: [{field,"
            + " reason}]} when a locked field was changed, removed or added, or the seal does not"
            + " verify; exit 2 for a field the form does not have."
      })
  static final class Verify implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder prefill wrote.")
    Path dir;

    @Parameters(index = "1", paramLabel = "SUBMISSION.json", description = "The submission.")
    Path submission;

    @Option(
        names = "--seal-key",
        paramLabel = "FILE",
        description = "The portal's sealing key (else ID06_SEAL_KEY, else DIR/seal-key.pem).")
    Path sealKey;

    Verify(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String formJson = read(dir.resolve("form.json"), "DIR/form.json");
      String formId;
      try {
        formId = MAPPER.readTree(formJson).path("form").asText("");
      } catch (JsonProcessingException e) {
        throw new InvalidInputException("DIR/form.json", InputReason.MALFORMED, "not JSON");
      }
      FormDefinition definition = FormTemplates.builtIn().get(formId);
      String seal = read(dir.resolve("seal.jws"), "DIR/seal.jws");
      Path keyFile = sealKey != null ? sealKey : envPath(KEY_ENV);
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
          FormSealer.builder().keyFile(keyFile, password()).clock(context.clock()).build();
      FormSubmission submitted =
          FormSubmission.parse(definition, read(submission, "SUBMISSION.json"));
      ObjectNode result = MAPPER.createObjectNode();
      SealVerification verification;
      try {
        verification = sealer.verify(submitted, seal);
      } catch (VerificationException sealFailure) {
        context.err().println("id06: security failure: " + sealFailure.getMessage());
        result.put("sealValid", false);
        result.putArray("tampered");
        new PrefillCommand(context).print(result);
        return EXIT_SECURITY;
      }
      result.put("sealValid", true);
      ArrayNode tampered = result.putArray("tampered");
      for (Tampering t : verification.tampered()) {
        tampered.addObject().put("field", t.field()).put("reason", t.reason().name());
      }
      ArrayNode validation = result.putArray("validation");
      for (ValidationMessage m : FormValidator.create(context.clock()).validate(submitted)) {
        ObjectNode o = validation.addObject();
        o.put("field", m.field());
        o.put("rule", m.rule().name());
        o.putObject("message").put("vi", m.message().vi()).put("en", m.message().en());
      }
      new PrefillCommand(context).print(result);
      if (!verification.clean()) {
        context.err().println("id06: security failure: locked fields were tampered with");
        return EXIT_SECURITY;
      }
      return Id06Command.EXIT_OK;
    }
  }
}
