package vn.id06.it.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.id06.core.Id06Exception;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.gateway.GatewayMetrics;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticPopulation;

/** The client against the simulator's faults, mutual TLS and other signing algorithms. */
class GatewayFaultsTest {

  private static GatewaySimulator start(
      String faults, GatewaySimulator.SigningAlgorithm alg, boolean mtls) {
    return GatewaySimulator.builder()
        .population(SyntheticPopulation.of(6, 5_000))
        .faults(FaultSpec.parse(faults))
        .faultSeed(9)
        .signingAlgorithm(alg)
        .mutualTls(mtls)
        .stallTime(Duration.ofSeconds(5))
        .start();
  }

  @Test
  void mutualTlsWithEs256AndEdDsaAnswers() {
    for (GatewaySimulator.SigningAlgorithm alg :
        new GatewaySimulator.SigningAlgorithm[] {
          GatewaySimulator.SigningAlgorithm.ES256, GatewaySimulator.SigningAlgorithm.EdDSA
        }) {
      try (GatewaySimulator sim = start("", alg, true)) {
        try (PopulationDataClient c =
            Clients.builder(sim)
                .mutualTls(sim.clientCertificateFile())
                .buildPopulationDataClient()) {
          VerificationResult r =
              c.verify(Clients.OPERATOR, PopulationGatewayTest.exact(sim.population().citizen(3)));
          assertThat(r.result()).isEqualTo(VerificationOutcome.MATCH);
          assertThat(((ResponseSignature.Verified) r.provenance().signature()).algorithm())
              .isEqualTo(alg.name());
        }
        // Without the client certificate the TLS handshake is refused: a typed error, never an
        // answer.
        try (PopulationDataClient c = Clients.builder(sim).buildPopulationDataClient()) {
          assertThatThrownBy(
                  () ->
                      c.verify(
                          Clients.OPERATOR,
                          PopulationGatewayTest.exact(sim.population().citizen(3))))
              .isInstanceOf(Id06Exception.class);
        }
      }
    }
  }

  @Test
  void tamperedAndReplayedAnswersAreRefused() {
    try (GatewaySimulator sim = start("badsig:1", GatewaySimulator.SigningAlgorithm.RS256, false);
        PopulationDataClient c = Clients.builder(sim).buildPopulationDataClient()) {
      assertThatThrownBy(
              () ->
                  c.verify(
                      Clients.OPERATOR, PopulationGatewayTest.exact(sim.population().citizen(1))))
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.RESPONSE_SIGNATURE));
    }
    try (GatewaySimulator sim =
            start("replay:0.5", GatewaySimulator.SigningAlgorithm.RS256, false);
        PopulationDataClient c = Clients.builder(sim).buildPopulationDataClient()) {
      int refused = 0;
      for (int i = 0; i < 12; i++) {
        try {
          c.verify(Clients.OPERATOR, PopulationGatewayTest.exact(sim.population().citizen(i)));
        } catch (VerificationException e) {
          assertThat(e.check()).isEqualTo(SecurityCheck.REQUEST_BINDING);
          refused++;
        }
      }
      assertThat(refused).isPositive();
      // A replay fault with no earlier answer to replay is served normally.
      assertThat((long) refused).isLessThanOrEqualTo(sim.counters().getOrDefault("replay", 0L));
    }
  }

  @Test
  void withTwentyPercentFaultsEveryVerifySucceedsOrFailsTypedAndRetryableWithinItsDeadline() {
    try (GatewaySimulator sim =
            start(
                "429:0.05,503:0.05,reset:0.04,stall:0.02,truncate:0.04,latency:2ms",
                GatewaySimulator.SigningAlgorithm.RS256,
                false);
        PopulationDataClient c =
            Clients.builder(sim)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(8))
                .retries(4, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(300))
                .circuitBreaker(50, Duration.ofSeconds(1))
                .buildPopulationDataClient()) {
      int ok = 0;
      for (long i = 0; i < 60; i++) {
        long start = System.nanoTime();
        try {
          VerificationResult r =
              c.verify(Clients.OPERATOR, PopulationGatewayTest.exact(sim.population().citizen(i)));
          assertThat(r.result()).isEqualTo(VerificationOutcome.MATCH);
          assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
          ok++;
        } catch (UnavailableException e) {
          assertThat(e.attempts()).isPositive();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .as("never hangs past the overall deadline (plus one response timeout)")
            .isLessThan(Duration.ofSeconds(12));
      }
      GatewayMetrics m = c.metrics();
      assertThat(ok).isGreaterThan(50);
      assertThat(m.retries()).as("faults visibly exercise retries").isPositive();
      assertThat(m.throttled()).isPositive();
    }
  }

  @Test
  void persistentFailuresOpenTheBreakerAsTheMetricsShow() {
    try (GatewaySimulator sim = start("503:1", GatewaySimulator.SigningAlgorithm.RS256, false);
        PopulationDataClient c =
            Clients.builder(sim)
                .retries(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50))
                .circuitBreaker(4, Duration.ofMinutes(1))
                .buildPopulationDataClient()) {
      UnavailableException last = null;
      for (long i = 0; i < 4; i++) {
        try {
          c.verify(Clients.OPERATOR, PopulationGatewayTest.exact(sim.population().citizen(i)));
        } catch (UnavailableException e) {
          last = e;
        }
      }
      assertThat(last).isNotNull();
      assertThat(last.kind()).isEqualTo(UnavailableException.Kind.CIRCUIT_OPEN);
      assertThat(c.metrics().breakerState()).isEqualTo("OPEN");
      assertThat(c.metrics().breakerOpenings()).isEqualTo(1);
      assertThat(sim.counters().get("503")).isEqualTo(4L);
    }
  }

  @Test
  void populationIsAPureFunctionOfSeedAndIndex() {
    SyntheticPopulation small = SyntheticPopulation.of(11, 1_000);
    SyntheticPopulation large = SyntheticPopulation.of(11, 2_000_000);
    LongStream.range(0, 1_000)
        .forEach(i -> assertThat(large.citizen(i)).isEqualTo(small.citizen(i)));
    LongStream.of(0, 999_999, 1_000_000, 1_999_999)
        .forEach(
            i -> {
              var c = large.citizen(i);
              assertThat(large.byCitizenId(c.citizenId())).contains(c);
              c.legacyId().ifPresent(l -> assertThat(large.byLegacyId(l)).contains(c));
            });
  }
}
