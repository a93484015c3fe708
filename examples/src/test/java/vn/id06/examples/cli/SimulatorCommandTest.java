package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/** {@code simulator --dump}: JSON Lines of the population, one serialisation, and its bad input. */
class SimulatorCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dumpPrintsTheSameCitizensThePopulationGenerates() throws IOException {
    CliRun run = CliRun.of("simulator", "--seed", "11", "--citizens", "500", "--dump", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    SyntheticPopulation population = SyntheticPopulation.of(11, 500);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      SyntheticCitizen c = population.citizen(i);
      assertThat(line.path("index").asLong()).isEqualTo(i);
      assertThat(line.path("citizenId").asText()).isEqualTo(c.citizenId());
      assertThat(line.path("fullName").asText()).isEqualTo(c.fullName());
      assertThat(line.path("dateOfBirth").asText()).isEqualTo(c.dateOfBirth());
      assertThat(line.path("sex").asText()).isEqualTo(c.sex());
      assertThat(line.path("address").asText()).isEqualTo(c.permanentAddress());
      assertThat(line.has("legacyId")).isEqualTo(c.legacyId().isPresent());
      assertThat(line.has("cardNumber")).isEqualTo(c.insuranceCard().isPresent());
      c.insuranceCard()
          .ifPresent(
              k -> assertThat(line.path("validTo").asText()).isEqualTo(k.validTo().toString()));
    }
  }

  @Test
  void dumpOfNothingPrintsNothing() {
    CliRun run = CliRun.of("simulator", "--dump", "0");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void badSizesAndSpecsAreBadInput() {
    assertThat(CliRun.of("simulator", "--citizens", "0", "--dump", "1").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("simulator", "--citizens", "10", "--dump", "11").exitCode()).isEqualTo(2);
    CliRun faults = CliRun.of("simulator", "--faults", "429:lots", "--port", "0");
    assertThat(faults.exitCode()).isEqualTo(2);
    assertThat(faults.out()).isEmpty();
    assertThat(CliRun.of("simulator", "--signing", "HS256").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("simulator", "--port", "70000").exitCode()).isEqualTo(2);
  }
}
