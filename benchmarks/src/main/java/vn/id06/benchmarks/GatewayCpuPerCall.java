package vn.id06.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The client's own CPU per verify call at zero injected latency, next to the raw HttpClient 5 POST:
 * the calling thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) over many calls.
 * The classic HttpClient does its I/O, TLS and parsing on the calling thread, and the simulator
 * runs on threads of its own, so the calling thread's CPU is the client's. Rounds alternate client
 * and raw, so both see the same machine load.
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * vn.id06.benchmarks.GatewayCpuPerCall [calls per round, default 5000] [rounds, default 5]}
 */
public final class GatewayCpuPerCall {
  private GatewayCpuPerCall() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SyntheticPopulation pop = SyntheticPopulation.of(6, 100_000);
    try (GatewaySimulator sim =
            GatewaySimulator.builder()
                .population(pop)
                .stateDirectory(Files.createTempDirectory("id06-bench-sim"))
                .start();
        PopulationDataClient client =
            GatewayRig.client(
                    sim.rootUri(),
                    GatewaySimulator.CLIENT_ID,
                    sim.audience(),
                    sim.clientKeyFile(),
                    sim.caCertificateFile(),
                    sim.jwksFile())
                .auditSink(new GatewayRig.CountingSink())
                .subjectHasher(GatewayRig.hasher())
                .rateLimit(1_000_000)
                .buildPopulationDataClient();
        GatewayRig.Raw raw =
            new GatewayRig.Raw(
                sim.rootUri(),
                GatewaySimulator.CLIENT_ID,
                sim.audience(),
                sim.clientKeyFile(),
                sim.caCertificateFile())) {
      SyntheticCitizen c = pop.citizen(4242);
      VerificationRequest subject =
          VerificationRequest.of(
              CitizenId.parse(c.citizenId()),
              VietnameseName.of(c.fullName()),
              PartialDate.parseIso("dateOfBirth", c.dateOfBirth()),
              Sex.valueOf(c.sex()));
      ObjectNode n = new ObjectMapper().createObjectNode();
      n.put("citizenId", c.citizenId());
      n.put("fullName", c.fullName());
      n.put("dateOfBirth", c.dateOfBirth());
      n.put("sex", c.sex());
      byte[] body = new ObjectMapper().writeValueAsBytes(n);
      // Warm-up: both paths compiled before anything is measured.
      for (int i = 0; i < 3000; i++) {
        check(client.verify(GatewayRig.OPERATOR, subject).result());
        raw.post(raw.verify, body);
      }
      System.out.println("round  client-cpu-us/call  raw-cpu-us/call  client-wall-us  raw-wall-us");
      for (int r = 1; r <= rounds; r++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          check(client.verify(GatewayRig.OPERATOR, subject).result());
        }
        long clientCpu = mx.getCurrentThreadCpuTime() - cpu0;
        long clientWall = System.nanoTime() - wall0;
        cpu0 = mx.getCurrentThreadCpuTime();
        wall0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          raw.post(raw.verify, body);
        }
        long rawCpu = mx.getCurrentThreadCpuTime() - cpu0;
        long rawWall = System.nanoTime() - wall0;
        System.out.printf(
            "%5d  %18.1f  %15.1f  %14.1f  %11.1f%n",
            r,
            clientCpu / 1e3 / calls,
            rawCpu / 1e3 / calls,
            clientWall / 1e3 / calls,
            rawWall / 1e3 / calls);
      }
    }
  }

  private static void check(VerificationOutcome o) {
    if (o != VerificationOutcome.MATCH) {
      throw new IllegalStateException("unexpected result");
    }
  }
}
