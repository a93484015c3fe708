package vn.id06.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
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
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * One verify call against the gateway simulator over HTTPS, side by side: {@code client} is id06's
 * {@link PopulationDataClient#verify} (token, operator header, RS256 signature verified against the
 * pinned JWKS, typed result, one audit event with the subject's ID HMAC-hashed); {@code raw} is
 * Apache HttpClient 5 posting the same JSON body with the same headers to the same endpoint and
 * reading the answer's bytes, nothing checked. With {@code latency=10ms} the simulator holds every
 * answer 10 ms, as a provincial link would; the ratio of the medians is what the client adds. With
 * {@code latency=0ms} the difference is the client's own work (see also {@link GatewaySideBySide}
 * for its CPU time per call).
 *
 * <p>The JDK's HTTP server, under the simulator, leaves Nagle's algorithm on unless {@code
 * -Dsun.net.httpserver.nodelay=true}; with it on, each answer waits for the client's delayed ACK
 * (about 40 ms on Linux), which would hide both the 10 ms and the client's own time. The fork sets
 * it.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests -DskipStaticChecks && java
 * -jar benchmarks/target/benchmarks.jar GatewayBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m", "-D" + GatewayRig.NODELAY + "=true"})
@State(Scope.Benchmark)
public class GatewayBenchmark {

  @Param({"10ms", "0ms"})
  public String latency;

  private GatewaySimulator sim;
  private PopulationDataClient client;
  private GatewayRig.Raw raw;
  private VerificationRequest subject;
  private byte[] body;

  @Setup(Level.Trial)
  public void start() throws Exception {
    SyntheticPopulation pop = SyntheticPopulation.of(6, 100_000);
    sim =
        GatewaySimulator.builder()
            .population(pop)
            .faults(FaultSpec.parse("latency:" + latency))
            .stateDirectory(Files.createTempDirectory("id06-bench-sim"))
            .start();
    client =
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
    raw =
        new GatewayRig.Raw(
            sim.rootUri(),
            GatewaySimulator.CLIENT_ID,
            sim.audience(),
            sim.clientKeyFile(),
            sim.caCertificateFile());
    SyntheticCitizen c = pop.citizen(4242);
    subject =
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
    body = new ObjectMapper().writeValueAsBytes(n);
    if (client.verify(GatewayRig.OPERATOR, subject).result() != VerificationOutcome.MATCH) {
      throw new IllegalStateException("the benchmark subject does not match");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    raw.close();
    sim.close();
  }

  @Benchmark
  public VerificationResult client() {
    return client.verify(GatewayRig.OPERATOR, subject);
  }

  @Benchmark
  public byte[] raw() throws IOException {
    return raw.post(raw.verify, body);
  }
}
