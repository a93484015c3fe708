package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.cardreader.Proof;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;
import vn.id06.eform.Conflict;
import vn.id06.eform.FormDefinition;
import vn.id06.eform.FormSealer;
import vn.id06.eform.FormSubmission;
import vn.id06.eform.FormTemplates;
import vn.id06.eform.PrefilledForm;
import vn.id06.eform.PrefilledValue;
import vn.id06.eform.Prefiller;
import vn.id06.eform.SealKeys;
import vn.id06.eform.SealVerification;
import vn.id06.testkit.card.VirtualCard;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * {@code id06 demo}: the main job, on built-in synthetic samples. Later work grows it to the
 * gateway simulator and the virtual chip card; it shows offline ID checks and card-QR repair, a
 * chip read by the in-process virtual card (genuine and cloned), a verification against the gateway
 * simulator on loopback, and an e-form prefilled, sealed and checked for tampering.
 *
 * <p>Every person here is invented for the demo. Nothing leaves the machine: the card is in process
 * and the simulator listens on 127.0.0.1 only for the run. Not thread-safe: one run per instance.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the main job offline on built-in synthetic samples and explains what it does.")
final class DemoCommand extends Id06Subcommand {
  // Synthetic people: the numbers follow the ID structure, the names are common name parts
  // combined.
  private static final String ID_HCM_FEMALE_1990 = "079190012345";
  private static final String ID_BINH_DINH_MALE_2003 = "052203004567";
  private static final String ID_ABROAD_FEMALE_1985 = "201185007788";
  private static final String ID_UNKNOWN_PREFIX = "099301001122";
  private static final String ID_FUTURE_YEAR = "001299000111";
  private static final String NAME = "Nguyễn Thị Hoà";
  private static final String QR_2021 =
      ID_HCM_FEMALE_1990
          + "|271234567|"
          + NAME
          + "|14031990|Nữ|Số 12 Đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh|01072021";

  private static final long DEMO_SEED = 6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AdministrativeUnits UNITS = AdministrativeUnits.builtIn();

  private CliContext context;

  @Override
  protected CommandOutput run(CliContext context) throws IOException {
    this.context = context;
    var text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.println("id06 demo: offline, on built-in synthetic samples (no real person's data).");
    out.println();
    checkIds(out);
    readQrCodes(out);
    rejectBadInput(out);
    ChipReadResult chip = readChipCards(out);
    checkWithPopulationDatabase(out);
    prefillForm(out, chip.citizen());
    out.println(
        "Done. Machine-readable forms: `./id06 id inspect NUMBER`, `./id06 qr parse < qr.txt`,"
            + " `./id06 card read --virtual`, `./id06 simulator`, `./id06 prefill`.");
    out.flush();
    return CommandOutput.text(text.toString());
  }

  private void checkIds(PrintWriter out) {
    out.println("1. Checking 12-digit personal ID numbers offline (PPP G YY RRRRRR)");
    for (String number :
        List.of(
            ID_HCM_FEMALE_1990,
            ID_BINH_DINH_MALE_2003,
            ID_ABROAD_FEMALE_1985,
            ID_UNKNOWN_PREFIX,
            ID_FUTURE_YEAR)) {
      CitizenIdInspection inspection = CitizenId.inspect(number, context.clock());
      CitizenId id = inspection.id();
      String where =
          id.registeredAbroad()
              ? "registered abroad"
              : id.birthRegistrationProvince()
                  .map(p -> "registered in " + p.name() + successor(p))
                  .orElse("prefix " + id.provinceCode() + " not in the 63-unit table");
      out.printf(
          "   %s  %-7s born %d, %s, %s%s%s%n",
          number,
          inspection.valid() ? "valid" : "INVALID",
          id.birthYear(),
          id.sex(),
          where,
          describe(" reasons: ", inspection.reasons()),
          describe(" warnings: ", inspection.warnings()));
    }
    out.println();
  }

  /** The 2025 reform merged provinces: the prefix keeps its old name, the place has a new one. */
  private String successor(AdministrativeUnit unit) {
    LocalDate today = LocalDate.now(context.clock());
    AdministrativeUnit now = UNITS.successorOn(unit, today);
    return now.equals(unit) ? "" : " (since " + UNITS.reformDate() + " part of " + now.name() + ")";
  }

  private void readQrCodes(PrintWriter out) {
    out.println("2. Reading card QR codes, repairing what scanners damage");
    CardQrParser parser = CardQrParser.builder().clock(context.clock()).build();

    show(out, "chip ID card QR (2021), clean", QR_2021, parser);

    // A keyboard-wedge scanner handing UTF-8 bytes to a Windows-1252 application: "lỗi phông chữ".
    String garbled = reencode(QR_2021, Charset.forName("windows-1252"));
    show(out, "the same QR after a hospital reader garbled it", garbled, parser);

    String bhyt =
        "HC4797912345678|"
            + HexFormat.of().formatHex("Trần Văn Bình".getBytes(StandardCharsets.UTF_8))
            + "|05/09/1978|1|"
            + HexFormat.of()
                .formatHex("Xã Phước Hòa, Tỉnh Gia Lai".getBytes(StandardCharsets.UTF_8))
            + "|52 - 017|01/01/2026|31/12/2026|-|4|$";
    show(out, "health-insurance (BHYT) card QR", bhyt, parser);
    out.println();
  }

  private static void show(PrintWriter out, String title, String text, CardQrParser parser) {
    out.println("   " + title + ":");
    out.println("     input    " + text);
    CardQr qr = parser.parse(text);
    out.println("     kind     " + qr.kind());
    qr.record().fullName().ifPresent(n -> out.println("     name     " + n.value()));
    qr.record().dateOfBirth().ifPresent(d -> out.println("     born     " + d.toIso()));
    qr.record().sex().ifPresent(s -> out.println("     sex      " + s));
    qr.healthInsurance().ifPresent(c -> out.println("     BHXH no. " + c.socialInsuranceNumber()));
    out.println(
        "     repairs  "
            + (qr.repairs().isEmpty()
                ? "none needed"
                : qr.repairs().stream()
                    .map(r -> r.field().jsonName() + ": " + r.kind())
                    .collect(Collectors.joining(", "))));
  }

  private void rejectBadInput(PrintWriter out) {
    out.println("3. Refusing what cannot be proved (typed errors that never echo personal data)");
    CardQrParser parser = CardQrParser.builder().clock(context.clock()).build();
    for (String bad :
        List.of(
            "079190012345|271234567|" + NAME + "|31021990|Nữ|Hà Nội|01072021",
            "079190012345|271234567|" + NAME + "|14032090|Nữ|Hà Nội|01072021",
            "079190012345|271234567|Nguy\uFFFDn Th\uFFFD Hoà|14031990|Nữ|Hà Nội|01072021",
            "not a QR code at all")) {
      try {
        parser.parse(bad);
        out.println("   unexpectedly accepted a bad sample");
      } catch (InvalidInputException e) {
        out.println("   rejected: " + e.getMessage());
      }
    }
    out.println();
  }

  private ChipReadResult readChipCards(PrintWriter out) {
    out.println("4. Reading the chip card (in-process virtual card, access by CAN)");
    VirtualCard card = VirtualCard.builder().seed(DEMO_SEED).build();
    ChipReadResult genuine = readCard(card);
    out.println("   genuine card:");
    out.println("     access     " + genuine.accessProtocol());
    proof(out, "passive", genuine.passiveAuthentication());
    proof(out, "chip", genuine.chipAuthentication());
    proof(out, "active", genuine.activeAuthentication());
    out.println("     level      " + genuine.proofLevel());
    out.println("     APDUs      " + genuine.apduCount());
    genuine.citizen().fullName().ifPresent(n -> out.println("     name       " + n.value()));
    VirtualCard clone = VirtualCard.builder().seed(DEMO_SEED).clonedChip().build();
    ChipReadResult cloned = readCard(clone);
    out.println("   cloned chip (genuine signed data, keys it does not hold):");
    proof(out, "passive", cloned.passiveAuthentication());
    proof(out, "chip", cloned.chipAuthentication());
    proof(out, "active", cloned.activeAuthentication());
    out.println("     level      " + cloned.proofLevel());
    out.println();
    return genuine;
  }

  private ChipReadResult readCard(VirtualCard card) {
    try (ChipCardReader reader =
        ChipCardReader.builder()
            .clock(context.clock())
            .terminal(card.terminal())
            .trustAnchors(List.of(card.cscaCertificate()))
            .build()) {
      return reader.read(AccessKey.ofCan(card.citizen().can()));
    }
  }

  private static void proof(PrintWriter out, String name, Proof proof) {
    out.printf("     %-10s %s (%s)%n", name, proof.outcome(), proof.reason());
  }

  private static void checkWithPopulationDatabase(PrintWriter out) throws IOException {
    out.println("5. Checking with the population database (gateway simulator on 127.0.0.1)");
    Path state = Files.createTempDirectory("id06-demo-simulator");
    try {
      try (GatewaySimulator sim =
              GatewaySimulator.builder()
                  .population(SyntheticPopulation.of(DEMO_SEED, 1_000))
                  .stateDirectory(state)
                  .threads(2)
                  .start();
          PopulationDataClient client =
              PopulationDataClient.builder()
                  .gateway(sim.rootUri())
                  .client(GatewaySimulator.CLIENT_ID, sim.audience())
                  .clientKey(sim.clientKeyFile())
                  .trustAnchors(sim.caCertificateFile())
                  .jwks(sim.jwksFile())
                  .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                  .buildPopulationDataClient()) {
        SyntheticCitizen c = sim.population().citizen(42);
        PartialDate born = PartialDate.parseIso("dateOfBirth", c.dateOfBirth());
        out.println(
            "   citizen    " + c.citizenId() + "  " + c.fullName() + ", born " + born.toIso());
        verify(out, "as held", client, c, born);
        verify(out, "wrong birth date", client, c, PartialDate.of(born.year() - 3, 1, 1));
      }
    } finally {
      deleteTree(state);
    }
    out.println();
  }

  private static void verify(
      PrintWriter out,
      String title,
      PopulationDataClient client,
      SyntheticCitizen c,
      PartialDate born) {
    VerificationResult r =
        client.verify(
            GatewayOptions.DEMO_OPERATOR,
            VerificationRequest.of(
                CitizenId.parse(c.citizenId()), VietnameseName.of(c.fullName()), born, null));
    String mismatched =
        r.fields().values().stream()
            .filter(f -> f.result() == VerificationOutcome.MISMATCH)
            .map(f -> f.field().jsonName())
            .collect(Collectors.joining(", "));
    out.printf(
        "   %-17s %s%s, level %s, request %s%n",
        title,
        r.result(),
        mismatched.isEmpty() ? "" : " (" + mismatched + ")",
        r.provenance().level(),
        r.requestId());
  }

  private void prefillForm(PrintWriter out, CitizenRecord chip) {
    out.println("6. Prefilling the permanent-residence e-form from the chip and the card QR");
    CitizenRecord qr =
        CardQrParser.builder().clock(context.clock()).build().parse(QR_2021).record();
    FormDefinition form = FormTemplates.builtIn().get("permanent-residence");
    PrefilledForm prefilled =
        Prefiller.builder().clock(context.clock()).build().prefill(form, List.of(chip, qr));
    for (PrefilledValue v : prefilled.values()) {
      out.printf(
          "   %-24s %-8s %-28s %s%n",
          v.path(),
          v.locked() ? "locked" : "editable",
          v.provenance().map(p -> p.source() + " (" + p.level() + ")").orElse("-"),
          v.value());
    }
    for (Conflict c : prefilled.conflicts()) {
      out.println(
          "   conflict   "
              + c.path()
              + ": "
              + c.candidates().stream()
                  .map(
                      v ->
                          v.provenance().map(p -> p.source()).orElse("-")
                              + " \""
                              + v.value()
                              + "\"")
                  .collect(Collectors.joining(" vs ")));
    }
    // A throwaway key in memory: a portal configures its own.
    FormSealer sealer =
        FormSealer.builder().keyPair(SealKeys.generate()).clock(context.clock()).build();
    String seal = sealer.seal(prefilled);
    String json = prefilled.toJson();
    SealVerification clean = sealer.verify(FormSubmission.parse(form, json), seal);
    out.println("   sealed; unchanged submission clean: " + clean.clean());
    PrefilledValue target =
        prefilled.lockedValues().stream()
            .filter(v -> !v.path().endsWith(PrefilledForm.PROVINCE_SUFFIX))
            .findFirst()
            .orElseThrow();
    SealVerification tampered =
        sealer.verify(FormSubmission.parse(form, changeValue(json, target.path())), seal);
    out.println(
        "   after changing "
            + target.path()
            + ": "
            + (tampered.clean()
                ? "NOT DETECTED"
                : "tampering detected: "
                    + tampered.tampered().stream()
                        .map(t -> t.field() + " " + t.reason())
                        .collect(Collectors.joining(", "))));
    out.println();
  }

  /** The form's JSON with one field's value changed, as a tampering front end would post it. */
  private static String changeValue(String formJson, String fieldId) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(formJson);
      for (JsonNode f : root.path("fields")) {
        if (f.path("id").asText().equals(fieldId)) {
          ((ObjectNode) f).put("value", f.path("value").asText() + " (edited)");
        }
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the form's own JSON did not parse", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String describe(String label, List<IdFinding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    return label + findings.stream().map(IdFinding::code).collect(Collectors.joining(", "));
  }

  /** What a program shows when it reads UTF-8 bytes as another charset. */
  private static String reencode(String text, Charset wrong) {
    return new String(text.getBytes(StandardCharsets.UTF_8), wrong);
  }
}
