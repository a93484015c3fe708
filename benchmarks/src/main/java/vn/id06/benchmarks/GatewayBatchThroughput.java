package vn.id06.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.GatewayMetrics;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * Batch verification throughput: the client's streaming {@link PopulationDataClient#verifyAll}
 * against the gateway simulator running in a separate JVM ({@link SimulatorProcess}, started here
 * with its own heap), over HTTPS with signed answers verified and one audit event per subject.
 * Subjects are citizens {@code 0..n-1} of the simulator's own synthetic population, so every one
 * must come back {@code MATCH}: the run fails otherwise.
 *
 * <p>It also times the subjects' generation alone (the synthetic population plus building the
 * requests, one thread), which the client does while it streams, to show whether generation or the
 * gateway path bounds the run.
 *
 * <p>Run (client heap 256 MB): {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * vn.id06.benchmarks.GatewayBatchThroughput --subjects 1000000 --sim-heap 512m --in-flight 4}.
 * {@code --sim-jvm-option OPT} (repeatable) passes an option to the simulator's JVM, e.g. a {@code
 * -XX:StartFlightRecording=...} to profile it.
 */
public final class GatewayBatchThroughput {
  private GatewayBatchThroughput() {}

  public static void main(String[] args) throws Exception {
    int subjects = 1_000_000;
    long population = 2_000_000;
    String simHeap = "512m";
    int simThreads = 8;
    int inFlight = 4;
    int batch = 1000;
    int rounds = 3;
    List<String> simJvm = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--subjects" -> subjects = Integer.parseInt(args[i + 1]);
        case "--population" -> population = Long.parseLong(args[i + 1]);
        case "--sim-heap" -> simHeap = args[i + 1];
        case "--sim-threads" -> simThreads = Integer.parseInt(args[i + 1]);
        case "--in-flight" -> inFlight = Integer.parseInt(args[i + 1]);
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--sim-jvm-option" -> simJvm.add(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    SyntheticPopulation pop = SyntheticPopulation.of(6, population);
    System.out.printf(
        "client heap max %d MB, simulator -Xmx%s, %d cores, load average %.2f%n",
        Runtime.getRuntime().maxMemory() >> 20,
        simHeap,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    long t0 = System.nanoTime();
    long sink = 0;
    Iterator<VerificationRequest> gen = subjects(pop, subjects);
    while (gen.hasNext()) {
      sink += gen.next().hashCode();
    }
    double genRate = subjects / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "generation alone: %,.0f subjects/s (one thread; checksum %d)%n", genRate, sink);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + simHeap));
    command.addAll(simJvm);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SimulatorProcess.class.getName(),
            "--citizens",
            Long.toString(population),
            "--threads",
            Integer.toString(simThreads)));
    Process sim =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      while (line != null && !line.startsWith("{")) {
        // The JVM's own messages (e.g. a flight recording's) come before the start line.
        line = out.readLine();
      }
      if (line == null) {
        throw new IllegalStateException("the simulator process did not start");
      }
      JsonNode start = new ObjectMapper().readTree(line);
      GatewayRig.CountingSink audit = new GatewayRig.CountingSink();
      try (PopulationDataClient client =
          GatewayRig.client(
                  URI.create(start.path("gateway").asText()),
                  start.path("clientId").asText(),
                  start.path("audience").asText(),
                  Path.of(start.path("clientKey").asText()),
                  Path.of(start.path("caCertificate").asText()),
                  Path.of(start.path("jwksFile").asText()))
              .auditSink(audit)
              .subjectHasher(GatewayRig.hasher())
              .rateLimit(1_000_000)
              .maxInFlight(inFlight)
              .batchSize(batch)
              .buildPopulationDataClient()) {
        // Warm-up round, not reported.
        run(client, pop, Math.min(subjects, 200_000));
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          long s = System.nanoTime();
          run(client, pop, subjects);
          double rate = subjects / ((System.nanoTime() - s) / 1e9);
          rates.add(rate);
          System.out.printf(
              "round %d: %,d subjects in batches of %d, %d in flight: %,.0f subjects/s%n",
              r, subjects, batch, inFlight, rate);
        }
        rates.sort(null);
        GatewayMetrics m = client.metrics();
        System.out.printf(
            "median %,.0f subjects/s; %d batch calls, %d retries, %d failures, %d audit events;"
                + " batch latency p50 %d ms, p99 %d ms%n",
            rates.get(rates.size() / 2),
            m.calls(),
            m.retries(),
            m.failures(),
            audit.events.get(),
            m.medianLatency().toMillis(),
            m.p99Latency().toMillis());
      }
      System.gc();
      long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(
          "client heap: -Xmx %d MB; live after the run and a GC %d MB; load average %.2f%n",
          Runtime.getRuntime().maxMemory() >> 20,
          live >> 20,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      sim.getOutputStream().close();
      if (!sim.waitFor(10, TimeUnit.SECONDS)) {
        sim.destroy();
      }
    }
  }

  private static void run(PopulationDataClient client, SyntheticPopulation pop, int n) {
    long matched;
    try (Stream<VerificationResult> results =
        client.verifyAll(GatewayRig.OPERATOR, subjects(pop, n))) {
      matched = results.filter(r -> r.result() == VerificationOutcome.MATCH).count();
    }
    if (matched != n) {
      throw new IllegalStateException(matched + " of " + n + " matched");
    }
  }

  /** Citizens 0..n-1 as verification requests, generated one by one as they are pulled. */
  static Iterator<VerificationRequest> subjects(SyntheticPopulation pop, int n) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public VerificationRequest next() {
        if (next >= n) {
          throw new NoSuchElementException();
        }
        SyntheticCitizen c = pop.citizen(next++);
        return VerificationRequest.of(
            CitizenId.parse(c.citizenId()),
            VietnameseName.of(c.fullName()),
            PartialDate.parseIso("dateOfBirth", c.dateOfBirth()),
            Sex.valueOf(c.sex()));
      }
    };
  }
}
