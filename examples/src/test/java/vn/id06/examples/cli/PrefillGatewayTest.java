package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.eform.SealKeys;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * {@code prefill --from-gateway} end to end against the in-process gateway simulator (HTTPS, signed
 * answers): the command finds the simulator's keys in its state folder, as {@code lookup} does.
 */
class PrefillGatewayTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY =
      GatewaySimulatorExtension.configured(b -> b.population(population()));

  private static vn.id06.testkit.population.SyntheticPopulation population() {
    return vn.id06.testkit.population.SyntheticPopulation.of(6, 2_000);
  }

  /** A citizen of the simulator's population with a full birth date. */
  private static SyntheticCitizen someone(GatewaySimulator sim) {
    return LongStream.range(0, sim.population().size())
        .mapToObj(i -> sim.population().citizen(i))
        .filter(c -> c.dateOfBirth().length() == 10 && c.lifeStatus().equals("ALIVE"))
        .findFirst()
        .orElseThrow();
  }

  /** The citizen's card QR, with another address than the population database's. */
  private static String qrOf(SyntheticCitizen c) {
    DateTimeFormatter dmy = DateTimeFormatter.ofPattern("ddMMyyyy");
    return String.join(
        "|",
        c.citizenId(),
        c.legacyId().orElse(""),
        c.fullName(),
        LocalDate.parse(c.dateOfBirth()).format(dmy),
        c.sex().equals("MALE") ? "Nam" : "Nữ",
        "Thôn 3, Xã Canh Liên, Huyện Vân Canh, Tỉnh Bình Định",
        c.issueDate().format(dmy));
  }

  private static List<String> args(GatewaySimulator sim, Path out, String... more) {
    List<String> a = new ArrayList<>();
    a.add("prefill");
    a.add("--from-gateway");
    a.add(sim.rootUri().toString());
    a.add("--simulator-state");
    a.add(sim.stateDirectory().toString());
    a.add("--out");
    a.add(out.toString());
    a.addAll(List.of(more));
    return a;
  }

  private static CliRun run(List<String> args) {
    return run(args, Map.of());
  }

  private static CliRun run(List<String> args, Map<String, String> env) {
    return CliRun.withEnv(env, args.toArray(String[]::new));
  }

  private static JsonNode field(JsonNode form, String id) {
    for (JsonNode f : form.get("fields")) {
      if (f.get("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no field " + id);
  }

  @Test
  void theGatewaysVerifiedAnswerIsLockedWithItsRequestId(GatewaySimulator sim, @TempDir Path tmp)
      throws Exception {
    SyntheticCitizen c = someone(sim);
    Path dir = tmp.resolve("out");
    CliRun run = run(args(sim, dir, "--form", "judicial-record", "--lookup-id", c.citizenId()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.get("locked"))
        .extracting(n -> n.get("field").asText())
        .contains("fullName", "dateOfBirth", "sex", "citizenId");
    assertThat(out.get("locked"))
        .extracting(n -> n.get("level").asText())
        .containsOnly("POPULATION_DATABASE");
    assertThat(out.get("locked"))
        .extracting(n -> n.get("requestId").asText())
        .allSatisfy(id -> assertThat(id).isNotBlank());
    assertThat(run.err()).doesNotContain(c.citizenId()).doesNotContain(c.fullName());

    JsonNode form = MAPPER.readTree(Files.readString(dir.resolve("form.json")));
    JsonNode name = field(form, "fullName");
    assertThat(name.get("value").asText()).isEqualTo(c.fullName());
    assertThat(name.get("locked").asBoolean()).isTrue();
    JsonNode p = name.get("provenance");
    assertThat(p.get("level").asText()).isEqualTo("POPULATION_DATABASE");
    assertThat(p.get("requestId").asText())
        .isEqualTo(out.get("locked").get(0).get("requestId").asText());
    assertThat(p.get("responseSigned").asBoolean()).isTrue();
    assertThat(field(form, "citizenId").get("value").asText()).isEqualTo(c.citizenId());

    // The seal holds: the unchanged form verifies.
    CliRun verify =
        CliRun.of("prefill", "verify", dir.toString(), dir.resolve("form.json").toString());
    assertThat(verify.exitCode()).as(verify.err()).isZero();
  }

  @Test
  void aHealthInsuranceFormAlsoGetsTheCardTheGatewayReports(GatewaySimulator sim, @TempDir Path tmp)
      throws Exception {
    SyntheticCitizen c =
        LongStream.range(0, sim.population().size())
            .mapToObj(i -> sim.population().citizen(i))
            .filter(x -> x.dateOfBirth().length() == 10 && x.insuranceCard().isPresent())
            .findFirst()
            .orElseThrow();
    SyntheticCitizen.InsuranceCard card = c.insuranceCard().orElseThrow();
    Path dir = tmp.resolve("out");
    CliRun run =
        run(args(sim, dir, "--form", "health-insurance-renewal", "--lookup-id", c.citizenId()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode form = MAPPER.readTree(Files.readString(dir.resolve("form.json")));
    JsonNode number = field(form, "cardNumber");
    assertThat(number.get("value").asText()).isEqualTo(card.cardNumber());
    assertThat(number.get("locked").asBoolean()).isTrue();
    assertThat(number.get("provenance").get("requestId").asText()).isNotBlank();
    assertThat(field(form, "socialInsuranceNumber").get("value").asText())
        .isEqualTo(card.socialInsuranceNumber());
    // The facility is the citizen's choice to renew: prefilled, editable, as the 5-digit code.
    JsonNode facility = field(form, "facilityCode");
    assertThat(facility.get("value").asText())
        .isEqualTo(card.facilityCode().replaceAll("[^0-9]", ""));
    assertThat(facility.get("locked").asBoolean()).isFalse();
    // The values as prefilled pass the form's own rules.
    CliRun verify =
        CliRun.of("prefill", "verify", dir.toString(), dir.resolve("form.json").toString());
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(MAPPER.readTree(verify.out()).get("validation"))
        .extracting(v -> v.get("field").asText())
        .doesNotContain("cardNumber", "socialInsuranceNumber", "facilityCode");
  }

  @Test
  void withAuditEveryGatewayCallOfThePrefillIsOnTheTrail(GatewaySimulator sim, @TempDir Path tmp)
      throws Exception {
    SyntheticCitizen c =
        LongStream.range(0, sim.population().size())
            .mapToObj(i -> sim.population().citizen(i))
            .filter(x -> x.dateOfBirth().length() == 10 && x.insuranceCard().isPresent())
            .findFirst()
            .orElseThrow();
    Path trail = tmp.resolve("trail.jsonl");
    CliRun run =
        run(
            args(
                sim,
                tmp.resolve("out"),
                "--form",
                "health-insurance-renewal",
                "--lookup-id",
                c.citizenId(),
                "--audit",
                trail.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("throwaway keys");
    CliRun show =
        CliRun.of(
            "audit",
            "show",
            trail.toString(),
            "--subject",
            c.citizenId(),
            "--simulator-state",
            sim.stateDirectory().toString());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.json().get("entries"))
        .extracting(e -> e.get("operation").asText())
        .containsExactly("lookup", "health-insurance");
    assertThat(Files.readString(trail)).doesNotContain(c.citizenId()).doesNotContain(c.fullName());
  }

  @Test
  void withTheQrTheLookUpIsOfTheQrsIdAndTheAddressConflictIsReported(
      GatewaySimulator sim, @TempDir Path tmp) throws Exception {
    SyntheticCitizen c = someone(sim);
    Path dir = tmp.resolve("out");
    CliRun run = run(args(sim, dir, "--form", "judicial-record", "--from-qr", qrOf(c)));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.get("conflicts"))
        .extracting(JsonNode::asText)
        .containsExactly("permanentAddress");
    assertThat(run.err())
        .contains("disagree on permanentAddress")
        .doesNotContain("Canh Liên")
        .doesNotContain(c.citizenId());
    JsonNode form = MAPPER.readTree(Files.readString(dir.resolve("form.json")));
    JsonNode conflict = form.get("conflicts").get(0);
    assertThat(conflict.get("field").asText()).isEqualTo("permanentAddress");
    // Strongest proof first: the database's address, then the QR's.
    assertThat(conflict.get("values"))
        .extracting(v -> v.get("provenance").get("level").asText())
        .containsExactly("POPULATION_DATABASE", "CARD_QR");
    assertThat(conflict.get("values").get(0).get("value").asText()).isEqualTo(c.permanentAddress());
    // The fields both give alike come from the database, the stronger proof.
    assertThat(field(form, "fullName").get("provenance").get("level").asText())
        .isEqualTo("POPULATION_DATABASE");
  }

  @Test
  void allThreeSourcesTogetherTheDatabaseWinsAndEveryDisagreementIsReported(
      GatewaySimulator sim, @TempDir Path tmp) throws Exception {
    SyntheticCitizen c = someone(sim);
    Path dir = tmp.resolve("out");
    // The virtual card holds another (synthetic) person: every identity field disagrees.
    CliRun run =
        run(
            args(
                sim,
                dir,
                "--form",
                "permanent-residence",
                "--from-qr",
                qrOf(c),
                "--from-card",
                "--virtual",
                "--lookup-id",
                c.citizenId()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.get("conflicts"))
        .extracting(JsonNode::asText)
        .contains("fullName", "dateOfBirth", "citizenId");
    JsonNode form = MAPPER.readTree(Files.readString(dir.resolve("form.json")));
    assertThat(field(form, "fullName").get("value").asText()).isEqualTo(c.fullName());
    for (JsonNode conflict : form.get("conflicts")) {
      List<String> levels = new ArrayList<>();
      conflict.get("values").forEach(v -> levels.add(v.get("provenance").get("level").asText()));
      assertThat(levels.get(0)).isEqualTo("POPULATION_DATABASE");
    }
  }

  @Test
  void withoutAnIdToLookUpOrWithCardAndQrNamingTwoPeopleItIsBadInput(
      GatewaySimulator sim, @TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun none = run(args(sim, dir, "--form", "judicial-record"));
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("lookupId");
    CliRun two =
        run(
            args(
                sim,
                dir,
                "--form",
                "judicial-record",
                "--from-qr",
                qrOf(someone(sim)),
                "--from-card",
                "--virtual"));
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("different IDs");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aCitizenTheGatewayDoesNotHoldIsBadInputAndNothingIsWritten(
      GatewaySimulator sim, @TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    String unknown =
        LongStream.range(100_000_000L, 100_001_000L)
            .mapToObj(n -> "079" + String.format("%09d", n))
            .filter(id -> sim.population().byCitizenId(id).isEmpty())
            .findFirst()
            .orElseThrow();
    CliRun run = run(args(sim, dir, "--form", "judicial-record", "--lookup-id", unknown));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("no citizen").doesNotContain(unknown);
    assertThat(run.out()).isEmpty();
    assertThat(dir).doesNotExist();
  }

  @Test
  void aGatewayThatIsNotTheSimulatorNeedsTheOperatorAndWritesNothingWithout(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun run =
        run(
            List.of(
                "prefill",
                "--form",
                "judicial-record",
                "--from-gateway",
                "https://gateway.example.invalid/",
                "--lookup-id",
                "079085001234",
                "--out",
                dir.toString()));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("operator");
    assertThat(dir).doesNotExist();
  }

  @Test
  void gatewayOptionsWithoutFromGatewayOrAGatewayFlagAreBadInput(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    assertThat(
            run(List.of(
                    "prefill",
                    "--form",
                    "judicial-record",
                    "--lookup-id",
                    "079085001234",
                    "--out",
                    dir.toString()))
                .exitCode())
        .isEqualTo(2);
    CliRun gatewayFlag =
        run(
            List.of(
                "prefill",
                "--form",
                "judicial-record",
                "--gateway",
                "https://127.0.0.1:1/",
                "--out",
                dir.toString()));
    assertThat(gatewayFlag.exitCode()).isEqualTo(2);
    assertThat(gatewayFlag.err()).contains("--from-gateway");
    assertThat(
            run(List.of(
                    "prefill",
                    "--form",
                    "judicial-record",
                    "--from-gateway",
                    "ftp://x/",
                    "--out",
                    dir.toString()))
                .exitCode())
        .isEqualTo(2);
    assertThat(dir).doesNotExist();
  }

  @Test
  void theSealKeyComesFromTheEnvironmentWhenNoFlagNamesIt(GatewaySimulator sim, @TempDir Path tmp)
      throws Exception {
    Path key = tmp.resolve("portal.pem");
    Files.writeString(key, SealKeys.toPem(SealKeys.generate()));
    Path dir = tmp.resolve("out");
    CliRun run =
        run(
            args(sim, dir, "--form", "judicial-record", "--lookup-id", someone(sim).citizenId()),
            Map.of("ID06_SEAL_KEY", key.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(MAPPER.readTree(run.out()).get("throwawayKey").asBoolean()).isFalse();
    assertThat(dir.resolve("seal-key.pem")).doesNotExist();
    assertThat(run.err()).doesNotContain("throwaway");
    CliRun verify =
        run(
            List.of("prefill", "verify", dir.toString(), dir.resolve("form.json").toString()),
            Map.of("ID06_SEAL_KEY", key.toString()));
    assertThat(verify.exitCode()).as(verify.err()).isZero();
  }
}
