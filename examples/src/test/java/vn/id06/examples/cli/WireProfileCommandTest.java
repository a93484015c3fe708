package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * {@code verify --profile lgsp} and {@code health-insurance --profile bhxh} against the simulator,
 * through the in-process command line, with the simulator's state folder as the only setup.
 */
class WireProfileCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path state;
  static GatewaySimulator sim;

  @BeforeAll
  static void start() {
    sim =
        GatewaySimulator.builder()
            .plainHttp(true)
            .stateDirectory(state)
            // The command line's client runs on the system clock: tokens are judged on it.
            .clock(java.time.Clock.systemUTC())
            .population(SyntheticPopulation.of(6, 1_000))
            .start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--gateway";
    all[args.length + 1] = sim.rootUri().toString();
    all[args.length + 2] = "--simulator-state";
    all[args.length + 3] = state.toString();
    return CliRun.of(all);
  }

  static JsonNode json(CliRun r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void verifyOverLgspMatchesAndSaysItIsUnverified() throws Exception {
    SyntheticCitizen c = sim.population().citizen(3);
    JsonNode rest =
        json(
            run(
                "verify",
                "--id",
                c.citizenId(),
                "--name",
                c.fullName(),
                "--dob",
                c.dateOfBirth(),
                "--sex",
                c.sex()));
    JsonNode lgsp =
        json(
            run(
                "verify",
                "--profile",
                "lgsp",
                "--id",
                c.citizenId(),
                "--name",
                c.fullName(),
                "--dob",
                c.dateOfBirth(),
                "--sex",
                c.sex()));
    assertThat(lgsp.path("result").asText())
        .isEqualTo("MATCH")
        .isEqualTo(rest.path("result").asText());
    assertThat(lgsp.path("fields")).isEqualTo(rest.path("fields"));
    assertThat(rest.path("proofLevel").asText()).isEqualTo("POPULATION_DATABASE");
    assertThat(lgsp.path("proofLevel").asText()).isEqualTo("POPULATION_DATABASE_UNVERIFIED");
    JsonNode wrong =
        json(
            run(
                "verify",
                "--profile",
                "lgsp",
                "--id",
                c.citizenId(),
                "--name",
                c.fullName() + " An"));
    assertThat(wrong.path("result").asText()).isEqualTo("MISMATCH");
    assertThat(wrong.path("fields").path("fullName").path("result").asText()).isEqualTo("MISMATCH");
  }

  @Test
  void healthInsuranceOverBhxhChecksTheCard() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
    SyntheticCitizen c =
        LongStream.range(0, 1_000)
            .mapToObj(sim.population()::citizen)
            .filter(x -> x.dateOfBirth().length() == 10)
            .filter(
                x ->
                    x.insuranceCard()
                        .map(k -> !today.isAfter(k.validTo()) && !today.isBefore(k.validFrom()))
                        .orElse(false))
            .findFirst()
            .orElseThrow();
    SyntheticCitizen.InsuranceCard k = c.insuranceCard().orElseThrow();
    JsonNode ok =
        json(
            run(
                "health-insurance",
                "--profile",
                "bhxh",
                "--id",
                c.citizenId(),
                "--name",
                c.fullName(),
                "--dob",
                c.dateOfBirth()));
    assertThat(ok.path("status").asText()).isEqualTo("VALID");
    assertThat(ok.path("valid").asBoolean()).isTrue();
    assertThat(ok.path("cardNumber").asText()).isEqualTo(k.cardNumber());
    assertThat(ok.path("socialInsuranceNumber").asText()).isEqualTo(k.socialInsuranceNumber());
    assertThat(ok.path("facilityCode").asText()).isEqualTo(k.facilityCode());
    assertThat(ok.path("validTo").asText()).isEqualTo(k.validTo().toString());
    assertThat(ok.path("proofLevel").asText()).isEqualTo("POPULATION_DATABASE_UNVERIFIED");

    JsonNode dob =
        json(
            run(
                "health-insurance",
                "--profile",
                "bhxh",
                "--id",
                c.citizenId(),
                "--name",
                c.fullName(),
                "--dob",
                "1900-01-01"));
    assertThat(dob.path("status").asText()).isEqualTo("DETAILS_MISMATCH");
    assertThat(dob.path("mismatchedField").asText()).isEqualTo("dateOfBirth");
    assertThat(dob.has("cardNumber")).isFalse();
  }

  @Test
  void badProfilesAndMissingDetailsExitTwoWithoutEchoingData() {
    SyntheticCitizen c = sim.population().citizen(3);
    CliRun unknown = run("verify", "--profile", "soap", "--id", c.citizenId());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("profile");
    CliRun noName = run("health-insurance", "--profile", "bhxh", "--id", c.citizenId());
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("fullName").doesNotContain(c.citizenId());
    CliRun lgspCard = run("health-insurance", "--profile", "lgsp", "--id", c.citizenId());
    assertThat(lgspCard.exitCode()).isEqualTo(2);
    assertThat(lgspCard.out()).isEmpty();
  }
}
