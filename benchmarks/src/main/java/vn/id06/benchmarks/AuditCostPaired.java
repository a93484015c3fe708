package vn.id06.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import vn.id06.core.audit.AuditEvent;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.FileAuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * The audit trail's cost on a batch verification run, measured in pairs: two clients on one
 * simulator, one auditing to a {@link FileAuditSink}, one to {@link AuditSink#discarding()}; each
 * round runs one batch of 1,000 subjects with each, in alternating order (ABBA), so a machine whose
 * load drifts slows both sides of a pair alike. The system property {@code
 * id06.bench.checkpointEvery} changes the file sink's checkpoint interval (default 1,000). Prints
 * the median time of each side and the median of the per-pair ratios. A companion to {@link
 * AuditBenchmark} for a loaded machine, where JMH's consecutive trials see different loads.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar vn.id06.benchmarks.AuditCostPaired
 * [ROUNDS [LATENCY]]}, LATENCY (e.g. {@code 20ms}) being how long the simulator waits before each
 * answer, as a gateway across a real link would; none by default.
 */
public final class AuditCostPaired {
  private static final OperatorContext OPERATOR =
      OperatorContext.of("000.00.00.H10", "CB-BENCH-01", "1.004227", "benchmark: batch verify");

  private AuditCostPaired() {}

  /**
   * Runs the paired measurement.
   *
   * @param args optional number of measured rounds (default 40)
   * @throws Exception when the setup fails
   */
  public static void main(String[] args) throws Exception {
    // Before the simulator's HTTP server starts: without TCP_NODELAY some answers wait for the
    // client's delayed ACK (40 ms), which swamps the few milliseconds measured here.
    System.setProperty(GatewayRig.NODELAY, "true");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    // A gateway on the far side of a real link answers after some milliseconds; the simulator can
    // wait that long before each answer (its "latency" fault), e.g. 20ms.
    FaultSpec link = args.length > 1 ? FaultSpec.parse("latency:" + args[1]) : FaultSpec.none();
    int warmup = Math.max(5, rounds / 4);
    Path dir = Files.createTempDirectory("id06-audit-paired");
    System.out.println("load average before: " + loadAverage() + "; link latency " + link);
    try (GatewaySimulator sim =
        GatewaySimulator.builder().stateDirectory(dir.resolve("state")).faults(link).start()) {
      byte[] key = new byte[32];
      key[0] = 6;
      SubjectHasher hasher = SubjectHasher.of(new SecretKeySpec(key, "HmacSHA256"));
      KeyPair keys = ed25519();
      try (FileAuditSink file =
              FileAuditSink.builder(
                      dir.resolve("trail.jsonl"),
                      AuditSigner.of(keys.getPrivate(), keys.getPublic()),
                      hasher)
                  .checkpointEvery(Integer.getInteger("id06.bench.checkpointEvery", 1000))
                  .build();
          PopulationDataClient audited = client(sim, file, hasher);
          PopulationDataClient discarding = client(sim, AuditSink.discarding(), hasher)) {
        List<VerificationRequest> batch = batch(sim, 1000);
        double[] withFile = new double[rounds];
        double[] withNothing = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
          boolean fileFirst = Math.floorMod(r, 2) == 0;
          double a;
          double b;
          if (fileFirst) {
            a = time(audited, batch);
            b = time(discarding, batch);
          } else {
            b = time(discarding, batch);
            a = time(audited, batch);
          }
          if (r >= 0) {
            withFile[r] = a;
            withNothing[r] = b;
          }
        }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
          ratios[i] = withFile[i] / withNothing[i];
        }
        System.out.printf(
            Locale.ROOT,
            "batch of 1000, %d pairs: FileAuditSink median %.1f ms, discarding median %.1f ms,"
                + " median ratio %.3f (p25 %.3f, p75 %.3f)%n",
            rounds,
            median(withFile),
            median(withNothing),
            median(ratios),
            quantile(ratios, 0.25),
            quantile(ratios, 0.75));
        // Single batches swing widely (collections, JIT, the scheduler), so the per-pair ratios
        // do too; the ratio of the total times, with a bootstrap interval over the pairs, is the
        // steadier answer to "how much longer does a run take".
        double[] ci = bootstrapRatioOfSums(withFile, withNothing, 2000);
        System.out.printf(
            Locale.ROOT,
            "batch of 1000, total time of %d batches: FileAuditSink %.0f ms, discarding %.0f ms,"
                + " ratio %.3f (95%% bootstrap interval %.3f to %.3f)%n",
            rounds,
            Arrays.stream(withFile).sum(),
            Arrays.stream(withNothing).sum(),
            Arrays.stream(withFile).sum() / Arrays.stream(withNothing).sum(),
            ci[0],
            ci[1]);
        System.out.println("trail bytes: " + Files.size(dir.resolve("trail.jsonl")));
        sinkAlone(dir, hasher, keys, rounds, warmup, median(withNothing));
      }
    } finally {
      System.out.println("load average after: " + loadAverage());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * The sink's own work without the gateway, against the same into the discarding sink: one batch
   * call's 1,000 events handed over together ({@code recordAll}, as the client does for a batch),
   * then 1,000 single lookups ({@code record} each). Subject hashing and the events are made in
   * both, as the client makes them.
   */
  private static void sinkAlone(
      Path dir, SubjectHasher hasher, KeyPair keys, int rounds, int warmup, double batchMillis) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(String.format(Locale.ROOT, "0010900%05d", i));
    }
    for (boolean batchCall : new boolean[] {true, false}) {
      double[] file = new double[rounds];
      double[] nothing = new double[rounds];
      double[] fileCpu = new double[rounds];
      double[] nothingCpu = new double[rounds];
      try (FileAuditSink sink =
          FileAuditSink.builder(
                  dir.resolve(batchCall ? "alone-batch.jsonl" : "alone-single.jsonl"),
                  AuditSigner.of(keys.getPrivate(), keys.getPublic()),
                  hasher)
              .build()) {
        AuditSink none = AuditSink.discarding();
        for (int r = -warmup; r < rounds; r++) {
          long c0 = processCpuNanos();
          double a = record(sink, hasher, ids, batchCall);
          sink.flush(); // the writer's work inside this round's CPU time
          long c1 = processCpuNanos();
          double b = record(none, hasher, ids, batchCall);
          long c2 = processCpuNanos();
          if (r >= 0) {
            file[r] = a;
            nothing[r] = b;
            fileCpu[r] = (c1 - c0) / 1e6;
            nothingCpu[r] = (c2 - c1) / 1e6;
          }
        }
      }
      String what = batchCall ? "one batch call of 1000 (recordAll)" : "1000 single lookups";
      double added = median(file) - median(nothing);
      System.out.printf(
          Locale.ROOT,
          "sink alone, %s: caller's time FileAuditSink median %.2f ms, discarding %.2f ms;"
              + " added %.2f ms = %.1f%% of the discarding batch's median%n",
          what,
          median(file),
          median(nothing),
          added,
          100 * added / batchMillis);
      // The process's CPU time, all threads (the writer, the syncer, the collector): what the
      // sink costs the machine, wherever it runs. Coarse per round, so the mean of the rounds.
      System.out.printf(
          Locale.ROOT,
          "sink alone, %s: process CPU (all threads, mean) FileAuditSink %.2f ms, discarding"
              + " %.2f ms; added %.2f ms%n",
          what,
          mean(fileCpu),
          mean(nothingCpu),
          mean(fileCpu) - mean(nothingCpu));
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(0);
  }

  private static double record(
      AuditSink sink, SubjectHasher hasher, List<String> ids, boolean batchCall) {
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    List<AuditEvent> call = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      AuditEvent e =
          new AuditEvent(
              now,
              "verify-batch",
              OPERATOR,
              hasher.hash(ids.get(i)),
              AuditOutcome.SUCCESS,
              1,
              batchCall ? "req-batch" : "req-" + i);
      if (batchCall) {
        call.add(e);
      } else {
        sink.record(e);
      }
    }
    if (batchCall) {
      sink.recordAll(call);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  static PopulationDataClient client(GatewaySimulator sim, AuditSink sink, SubjectHasher hasher) {
    return PopulationDataClient.builder()
        .gateway(sim.rootUri())
        .client(GatewaySimulator.CLIENT_ID, sim.audience())
        .clientKey(sim.clientKeyFile())
        .trustAnchors(sim.caCertificateFile())
        .jwks(sim.jwksFile())
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60))
        .rateLimit(10_000)
        .auditSink(sink)
        .subjectHasher(hasher)
        .buildPopulationDataClient();
  }

  static List<VerificationRequest> batch(GatewaySimulator sim, int size) {
    List<VerificationRequest> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      SyntheticCitizen c = sim.population().citizen(i);
      out.add(
          VerificationRequest.of(
              CitizenId.parse(c.citizenId()),
              VietnameseName.of(c.fullName()),
              PartialDate.parseIso("dob", c.dateOfBirth()),
              Sex.parse(c.sex())));
    }
    return out;
  }

  static KeyPair ed25519() throws NoSuchAlgorithmException {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static double time(PopulationDataClient client, List<VerificationRequest> batch) {
    long t0 = System.nanoTime();
    if (client.verifyBatch(OPERATOR, batch).size() != batch.size()) {
      throw new IllegalStateException("short batch");
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The 2.5% and 97.5% quantiles of the ratio of sums over pairs resampled with replacement. */
  private static double[] bootstrapRatioOfSums(double[] a, double[] b, int resamples) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    double[] ratios = new double[resamples];
    for (int k = 0; k < resamples; k++) {
      double sa = 0;
      double sb = 0;
      for (int i = 0; i < a.length; i++) {
        int j = random.nextInt(a.length);
        sa += a[j];
        sb += b[j];
      }
      ratios[k] = sa / sb;
    }
    return new double[] {quantile(ratios, 0.025), quantile(ratios, 0.975)};
  }

  private static double median(double[] xs) {
    return quantile(xs, 0.5);
  }

  private static double quantile(double[] xs, double q) {
    double[] s = xs.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
