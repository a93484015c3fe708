package vn.id06.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.FileAuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.gateway.GatewaySimulator;

/**
 * The audit trail's cost on a batch verification run: the same batches of 1,000 subjects against
 * the gateway simulator on loopback (HTTPS, signed answers), audited to a {@link FileAuditSink}
 * (hash chain written by its writer thread, a signed Ed25519 checkpoint per 1,000 events, a disk
 * sync at most once a second) or to a sink that does nothing ({@link AuditSink#discarding()}, with
 * the same keyed subject hashing). Both sinks run in one JMH run, side by side; the ratio is what
 * counts. The fork turns on TCP_NODELAY for the simulator's HTTP server: without it some answers
 * wait 40 ms for a delayed ACK, far more than the sink's cost.
 *
 * <p>Run: see docs/PERFORMANCE.md; on a loaded machine {@link AuditCostPaired} pairs the runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-D" + GatewayRig.NODELAY + "=true")
@State(Scope.Benchmark)
public class AuditBenchmark {
  private static final OperatorContext OPERATOR =
      OperatorContext.of("000.00.00.H10", "CB-BENCH-01", "1.004227", "benchmark: batch verify");

  /** The sink: {@code discarding} (does nothing) or {@code file} (the tamper-evident trail). */
  @Param({"discarding", "file"})
  public String sink;

  /** Subjects per batch request. */
  @Param({"1000"})
  public int batch;

  private Path dir;
  private GatewaySimulator simulator;
  private AuditSink auditSink;
  private PopulationDataClient client;
  private List<VerificationRequest> requests;

  /** Starts the simulator and the client with the chosen sink. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, NoSuchAlgorithmException {
    dir = Files.createTempDirectory("id06-audit-bench");
    simulator = GatewaySimulator.builder().stateDirectory(dir.resolve("state")).start();
    byte[] hmacKey = new byte[32];
    hmacKey[0] = 6;
    SubjectHasher hasher = SubjectHasher.of(new SecretKeySpec(hmacKey, "HmacSHA256"));
    if (sink.equals("file")) {
      KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      auditSink =
          FileAuditSink.builder(
                  dir.resolve("trail.jsonl"),
                  AuditSigner.of(keys.getPrivate(), keys.getPublic()),
                  hasher)
              .build();
    } else {
      auditSink = AuditSink.discarding();
    }
    client = AuditCostPaired.client(simulator, auditSink, hasher);
    requests = AuditCostPaired.batch(simulator, batch);
  }

  /** Stops everything and deletes the trail. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    auditSink.close();
    simulator.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * One batch request of {@code batch} subjects, audited to the chosen sink.
   *
   * @return the results
   */
  @Benchmark
  public List<VerificationResult> verifyBatch() {
    return client.verifyBatch(OPERATOR, requests);
  }
}
