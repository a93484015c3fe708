package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * {@code lookup} carries the resolved units of the permanent address the gateway returned, in the
 * shape {@code address resolve} prints for the same text, and only when the address was asked for.
 */
class LookupAddressUnitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY = GatewaySimulatorExtension.defaults();

  private static GatewaySimulator sim() {
    return GATEWAY.simulator();
  }

  /** The simulator's state folder: its keys. */
  private static Path state() {
    return sim().stateDirectory();
  }

  private static CliRun lookup(SyntheticCitizen c, String fields) {
    return CliRun.of(
        "lookup",
        "--gateway",
        sim().rootUri().toString(),
        "--simulator-state",
        state().toString(),
        "--id",
        c.citizenId(),
        "--fields",
        fields);
  }

  @Test
  void theLookedUpAddressComesWithTheUnitsAddressResolveFinds() throws IOException {
    int compared = 0;
    for (long i = 0; i < 12; i++) {
      SyntheticCitizen c = sim().population().citizen(i);
      CliRun run = lookup(c, "fullName,address");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode out = JSON.readTree(run.out());
      if (!out.path("found").asBoolean()) {
        continue;
      }
      String address = out.path("citizen").path("address").asText();
      CliRun resolved = CliRun.of("address", "resolve", address);
      assertThat(resolved.exitCode()).as(resolved.err()).isZero();
      assertThat(out.path("addressUnits")).isEqualTo(JSON.readTree(resolved.out()));
      assertThat(out.path("addressUnits").path("certainty").asText())
          .isIn("EXACT", "SPLIT", "UNKNOWN");
      compared++;
    }
    assertThat(compared).isPositive();
  }

  @Test
  void noAddressAskedNoUnits() throws IOException {
    SyntheticCitizen c = sim().population().citizen(1);
    CliRun run = lookup(c, "fullName");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.has("addressUnits")).isFalse();
  }
}
