package vn.id06.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Arrays;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The verify call, client and raw HttpClient 5 POST, interleaved call by call (client, raw, client,
 * raw, ...) so both see the same machine load: on a shared machine this gives a fairer ratio than
 * {@link GatewayBenchmark}, whose benchmarks run one after the other. For each side it reports the
 * median and 90th percentile of the wall time per call, and the calling thread's CPU time per call
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}): the classic HttpClient does its I/O, TLS and
 * parsing on the calling thread and the simulator runs on threads of its own, so that is the
 * client's own CPU.
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * vn.id06.benchmarks.GatewaySideBySide [latency, default 10ms] [calls per side, default 3000]}
 */
public final class GatewaySideBySide {
  private GatewaySideBySide() {}

  public static void main(String[] args) throws Exception {
    // Before the JDK's HTTP server is first used (see GatewayRig.NODELAY).
    System.setProperty(GatewayRig.NODELAY, "true");
    String latency = args.length > 0 ? args[0] : "10ms";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SyntheticPopulation pop = SyntheticPopulation.of(6, 100_000);
    try (GatewaySimulator sim =
            GatewaySimulator.builder()
                .population(pop)
                .faults(FaultSpec.parse("latency:" + latency))
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
      int warmup = latency.startsWith("0") ? 5000 : 300;
      for (int i = 0; i < warmup; i++) {
        check(client.verify(GatewayRig.OPERATOR, subject).result());
        raw.post(raw.verify, body);
      }
      long[] clientWall = new long[calls];
      long[] rawWall = new long[calls];
      long clientCpu = 0;
      long rawCpu = 0;
      for (int i = 0; i < calls; i++) {
        long cpu = mx.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        check(client.verify(GatewayRig.OPERATOR, subject).result());
        clientWall[i] = System.nanoTime() - t;
        clientCpu += mx.getCurrentThreadCpuTime() - cpu;
        cpu = mx.getCurrentThreadCpuTime();
        t = System.nanoTime();
        raw.post(raw.verify, body);
        rawWall[i] = System.nanoTime() - t;
        rawCpu += mx.getCurrentThreadCpuTime() - cpu;
      }
      Arrays.sort(clientWall);
      Arrays.sort(rawWall);
      double cm = clientWall[calls / 2] / 1e3;
      double rm = rawWall[calls / 2] / 1e3;
      System.out.printf(
          "latency %s, %d calls each, interleaved; load average %.2f%n",
          latency, calls, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(
          "client: median %.0f us, p90 %.0f us, CPU %.0f us/call%n",
          cm, clientWall[calls * 9 / 10] / 1e3, clientCpu / 1e3 / calls);
      System.out.printf(
          "raw:    median %.0f us, p90 %.0f us, CPU %.0f us/call%n",
          rm, rawWall[calls * 9 / 10] / 1e3, rawCpu / 1e3 / calls);
      System.out.printf("median ratio client/raw %.3f%n", cm / rm);
    }
  }

  private static void check(VerificationOutcome o) {
    if (o != VerificationOutcome.MATCH) {
      throw new IllegalStateException("unexpected result");
    }
  }
}
