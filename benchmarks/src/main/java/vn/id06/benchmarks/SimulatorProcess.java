package vn.id06.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The gateway simulator as a process of its own, for {@link GatewayBatchThroughput}: prints the
 * simulator's start line (one JSON line) on stdout, serves until its stdin is closed, then stops.
 *
 * <p>Arguments: {@code --seed S --citizens N --threads T --faults SPEC --state DIR} (defaults: 6,
 * 2,000,000, 8, none, a temporary folder).
 */
public final class SimulatorProcess {
  private SimulatorProcess() {}

  public static void main(String[] args) throws IOException {
    // Before the JDK's HTTP server is first used (see GatewayRig.NODELAY).
    System.setProperty(GatewayRig.NODELAY, "true");
    long seed = 6;
    long citizens = 2_000_000;
    int threads = 8;
    String faults = "";
    Path state = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--citizens" -> citizens = Long.parseLong(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--faults" -> faults = args[i + 1];
        case "--state" -> state = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (GatewaySimulator sim =
        GatewaySimulator.builder()
            .population(SyntheticPopulation.of(seed, citizens))
            .threads(threads)
            .faults(faults.isEmpty() ? FaultSpec.none() : FaultSpec.parse(faults))
            .stateDirectory(state != null ? state : Files.createTempDirectory("id06-sim-process"))
            .start()) {
      System.out.println(sim.startLine());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Serve until the parent closes our stdin (or dies).
      }
    }
  }
}
