package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * {@code prefill --from-gateway} when the gateway fails: unavailable after the client's retries
 * (exit 3) or an answer whose signature does not verify (exit 4); nothing is written either way.
 */
class PrefillGatewayFaultTest {
  private static final SyntheticPopulation POPULATION = SyntheticPopulation.of(6, 100);

  /** Every operation request answered 503. */
  @RegisterExtension
  static final GatewaySimulatorExtension DOWN =
      GatewaySimulatorExtension.configured(
          b -> b.population(POPULATION).faults(FaultSpec.parse("503:1.0")));

  private static String[] args(GatewaySimulator sim, Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "prefill",
                "--form",
                "judicial-record",
                "--from-gateway",
                sim.rootUri().toString(),
                "--simulator-state",
                sim.stateDirectory().toString(),
                "--lookup-id",
                POPULATION.citizen(0).citizenId(),
                "--out",
                out.toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void aGatewayThatStaysDownExits3AndWritesNothing(GatewaySimulator sim, @TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun run = CliRun.of(args(sim, dir));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).startsWith("id06: unavailable");
    assertThat(run.out()).isEmpty();
    assertThat(dir).doesNotExist();
  }

  @Test
  void anAnswerSignedUnderAnotherKeyExits4AndWritesNothing(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    try (GatewaySimulator good = GatewaySimulator.builder().population(POPULATION).start();
        GatewaySimulator other = GatewaySimulator.builder().population(POPULATION).start()) {
      CliRun run = CliRun.of(args(good, dir, "--jwks", other.jwksFile().toString()));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
      assertThat(run.err()).startsWith("id06: security failure");
      assertThat(run.out()).isEmpty();
      assertThat(dir).doesNotExist();
    }
  }
}
