package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The simulator's state folder is found by one rule, from the run's environment: {@code simulator}
 * writes it there, the gateway commands and {@code audit} read it from there.
 */
class SimulatorStateTest {
  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY =
      GatewaySimulatorExtension.configured(b -> b.population(SyntheticPopulation.of(6, 100)));

  private static CliContext context(Map<String, String> env) {
    return new CliContext(
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        CliRun.CLOCK,
        env);
  }

  @Test
  void theFlagThenTheVariableThenTheHomeFolder() {
    Path home = Path.of(System.getProperty("user.home"), ".id06", "simulator");
    Map<String, String> env = Map.of(SimulatorCommand.STATE_ENV, "/srv/id06-sim");
    assertThat(SimulatorCommand.stateFolder(context(env), Path.of("/flag")))
        .isEqualTo(Path.of("/flag"));
    assertThat(SimulatorCommand.stateFolder(context(env), null))
        .isEqualTo(Path.of("/srv/id06-sim"));
    assertThat(SimulatorCommand.stateFolder(context(Map.of()), null)).isEqualTo(home);
    assertThat(SimulatorCommand.stateFolder(context(Map.of(SimulatorCommand.STATE_ENV, " ")), null))
        .isEqualTo(home);
  }

  @Test
  void gatewayAndAuditCommandsFindTheSimulatorThroughTheVariable(
      GatewaySimulator sim, @TempDir Path dir) throws Exception {
    String id = sim.population().citizen(1).citizenId();
    Path trail = dir.resolve("trail.jsonl");
    String[] lookup = {
      "lookup", "--gateway", sim.rootUri().toString(), "--id", id, "--audit", trail.toString()
    };
    Map<String, String> env = Map.of(SimulatorCommand.STATE_ENV, sim.stateDirectory().toString());

    // Without the variable the default folder is not this simulator's: no demo operator, no keys.
    CliRun unknown = CliRun.withEnv(Map.of(), lookup);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--agency");

    // With it, the lookup finds the simulator (demo operator, its keys, its throwaway audit keys)
    CliRun found = CliRun.withEnv(env, lookup);
    assertThat(found.exitCode()).as(found.err()).isZero();
    assertThat(found.json().path("found").asBoolean()).isTrue();
    // ... and audit verify finds the same folder's keys.
    CliRun verified = CliRun.withEnv(env, "audit", "verify", trail.toString());
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.json().path("keys").asText()).isEqualTo("simulator");
    // The flag wins over the variable, for both.
    Path elsewhere = dir.resolve("elsewhere");
    CliRun flagged =
        CliRun.withEnv(
            env, "audit", "verify", trail.toString(), "--simulator-state", elsewhere.toString());
    assertThat(flagged.exitCode()).isEqualTo(2);
    assertThat(flagged.err()).contains("--audit-keys");
    String[] flaggedLookup = {
      "lookup",
      "--gateway",
      sim.rootUri().toString(),
      "--id",
      id,
      "--simulator-state",
      elsewhere.toString()
    };
    assertThat(CliRun.withEnv(env, flaggedLookup).exitCode()).isEqualTo(2);
  }
}
