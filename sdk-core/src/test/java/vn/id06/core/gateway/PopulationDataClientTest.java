package vn.id06.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.LifeStatus;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** The client against a scripted gateway: mapping, verification of answers, resilience. */
class PopulationDataClientTest {

  static final OperatorContext OP =
      OperatorContext.of("000.00.00.H10", "CB01", "1.004227", "unit test");
  static final CitizenId ID = CitizenId.parse("079085000123");
  static final VerificationRequest SUBJECT =
      VerificationRequest.of(
          ID, VietnameseName.of("Nguyễn Văn An"), PartialDate.of(1985, 3, 14), Sex.MALE);
  static final String MATCH =
      "{\"result\":\"MATCH\",\"lifeStatus\":\"ALIVE\",\"fields\":{\"fullName\":{\"result\":\"MATCH\"},"
          + "\"dateOfBirth\":{\"result\":\"MATCH\"},\"sex\":{\"result\":\"MATCH\"}}}";

  @TempDir Path dir;
  MutableClock clock;
  FakeGateway gw;

  @BeforeEach
  void start() throws IOException {
    clock = new MutableClock();
    gw = new FakeGateway(clock);
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  GatewayClientBuilder builder() throws IOException {
    return PopulationDataClient.builder()
        .gateway(gw.root())
        .client("client-1", "urn:test:gateway")
        .clientKey(FakeGateway.OTHER_EC.getPrivate())
        .jwks(FakeGateway.jwksFile(dir))
        .clock(clock)
        .sleeper(clock.sleeper())
        .rateLimit(1_000_000)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60));
  }

  PopulationDataClient client() throws IOException {
    return builder().buildPopulationDataClient();
  }

  @Test
  void verifySendsTheSubjectAndOperatorAndMapsEveryField() throws IOException {
    gw.script =
        s ->
            FakeGateway.Reply.json(
                "{\"result\":\"MISMATCH\",\"lifeStatus\":\"DECEASED\",\"fields\":{"
                    + "\"fullName\":{\"result\":\"MISMATCH\",\"normalisedResult\":\"MATCH\"},"
                    + "\"dateOfBirth\":{\"result\":\"MISMATCH\",\"normalisedResult\":\"MISMATCH\"},"
                    + "\"sex\":{\"result\":\"MATCH\"}}}");
    try (PopulationDataClient c = client()) {
      VerificationResult r = c.verify(OP, SUBJECT);
      assertThat(r.result()).isEqualTo(VerificationOutcome.MISMATCH);
      assertThat(r.field(CitizenField.FULL_NAME))
          .contains(
              new FieldVerification(CitizenField.FULL_NAME, VerificationOutcome.MISMATCH, true));
      assertThat(r.field(CitizenField.DATE_OF_BIRTH))
          .contains(
              new FieldVerification(
                  CitizenField.DATE_OF_BIRTH, VerificationOutcome.MISMATCH, false));
      assertThat(r.field(CitizenField.SEX).get().result()).isEqualTo(VerificationOutcome.MATCH);
      assertThat(r.lifeStatus()).contains(LifeStatus.DECEASED);
      assertThat(r.provenance().signature())
          .isEqualTo(new ResponseSignature.Verified("ec-1", "ES256"));
      assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
      assertThat(r.provenance().profile()).isEqualTo("rest");
      assertThat(r.toString()).doesNotContain("079085000123").contains(r.requestId());
    }
    FakeGateway.Seen s = gw.seen().get(0);
    assertThat(s.path()).isEqualTo("/rest/v1/citizens/verify");
    assertThat(s.body().path("citizenId").asText()).isEqualTo("079085000123");
    assertThat(s.body().path("fullName").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(s.body().path("dateOfBirth").asText()).isEqualTo("1985-03-14");
    assertThat(s.body().path("sex").asText()).isEqualTo("MALE");
    assertThat(s.headers().get("authorization")).isEqualTo("Bearer t1");
    assertThat(s.requestId()).startsWith("id06-").hasSize(37).matches("id06-[a-p]{32}");
  }

  @Test
  void everySigningAlgorithmOfTheJwksVerifies() throws IOException {
    for (String[] a : new String[][] {{"RS256", "rsa-1"}, {"EdDSA", "ed-1"}, {"ES256", "ec-1"}}) {
      gw.script =
          s -> {
            FakeGateway.Reply r = FakeGateway.Reply.json(MATCH);
            r.alg = a[0];
            r.kid = a[1];
            r.key =
                a[0].equals("RS256")
                    ? FakeGateway.RSA
                    : a[0].equals("EdDSA") ? FakeGateway.ED : FakeGateway.EC;
            return r;
          };
      try (PopulationDataClient c = client()) {
        assertThat(c.verify(OP, SUBJECT).provenance().signature())
            .isEqualTo(new ResponseSignature.Verified(a[1], a[0]));
      }
    }
  }

  @Test
  void legacyIdsAndPartialDatesAreSentAsGiven() throws IOException {
    gw.script =
        s ->
            FakeGateway.Reply.json(
                "{\"result\":\"NOT_FOUND\",\"fields\":{\"dateOfBirth\":{\"result\":\"NOT_FOUND\"}}}");
    try (PopulationDataClient c = client()) {
      VerificationResult r =
          c.verify(
              OP,
              VerificationRequest.ofLegacy(
                  LegacyId.parse("123456789"), null, PartialDate.of(1960), null));
      assertThat(r.result()).isEqualTo(VerificationOutcome.NOT_FOUND);
      assertThat(r.lifeStatus()).isEmpty();
    }
    assertThat(gw.seen().get(0).body().path("legacyId").asText()).isEqualTo("123456789");
    assertThat(gw.seen().get(0).body().path("dateOfBirth").asText()).isEqualTo("1960");
    assertThat(gw.seen().get(0).body().has("fullName")).isFalse();
  }

  // ------------------------------------------------------------------ answers refused

  private void refused(FakeGateway.Reply reply, SecurityCheck check) throws IOException {
    gw.script = s -> reply;
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              VerificationException.class, e -> assertThat(e.check()).isEqualTo(check));
      assertThat(c.metrics().attempts()).as("a security failure is not retried").isEqualTo(1);
    }
  }

  @Test
  void unsignedTamperedReplayedStaleAndForeignAnswersAreRefused() throws IOException {
    refused(FakeGateway.Reply.json(MATCH).unsigned(), SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply tampered = FakeGateway.Reply.json(MATCH);
    tampered.tamper = true;
    refused(tampered, SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply replayed = FakeGateway.Reply.json(MATCH);
    replayed.rid = "id06-another-request";
    refused(replayed, SecurityCheck.REQUEST_BINDING);
    FakeGateway.Reply stale = FakeGateway.Reply.json(MATCH);
    stale.iat = clock.instant().minus(Duration.ofHours(1)).getEpochSecond();
    refused(stale, SecurityCheck.REQUEST_BINDING);
    FakeGateway.Reply otherStatus = FakeGateway.Reply.json(MATCH);
    otherStatus.sts = 404;
    refused(otherStatus, SecurityCheck.REQUEST_BINDING);
    FakeGateway.Reply wrongKey = FakeGateway.Reply.json(MATCH);
    wrongKey.key = FakeGateway.OTHER_EC; // signed by a key not in the JWKS, under a known kid
    refused(wrongKey, SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply unknownKid = FakeGateway.Reply.json(MATCH);
    unknownKid.kid = "not-pinned";
    refused(unknownKid, SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply algSwap = FakeGateway.Reply.json(MATCH);
    algSwap.alg = "RS256";
    refused(algSwap, SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply encoded = FakeGateway.Reply.json(MATCH);
    encoded.headerJson = "{\"alg\":\"ES256\",\"kid\":\"ec-1\"}";
    refused(encoded, SecurityCheck.RESPONSE_SIGNATURE);
    FakeGateway.Reply crit = FakeGateway.Reply.json(MATCH);
    crit.headerJson =
        "{\"alg\":\"ES256\",\"kid\":\"ec-1\",\"b64\":false,\"crit\":[\"b64\",\"exp\"]}";
    refused(crit, SecurityCheck.RESPONSE_SIGNATURE);
    for (String raw : new String[] {"garbage", "a.b.c", "!!..!!", "e30..AAAA", "x".repeat(3000)}) {
      FakeGateway.Reply r = FakeGateway.Reply.json(MATCH);
      r.rawSignature = raw;
      refused(r, SecurityCheck.RESPONSE_SIGNATURE);
    }
  }

  @Test
  void aSignatureWithoutTimeIsRefused() throws IOException {
    FakeGateway.Reply r = FakeGateway.Reply.json(MATCH);
    gw.script =
        s -> {
          r.headerJson =
              "{\"alg\":\"ES256\",\"kid\":\"ec-1\",\"b64\":false,\"crit\":[\"b64\",\"rid\"],\"rid\":\""
                  + s.requestId()
                  + "\"}";
          return r;
        };
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.REQUEST_BINDING));
    }
  }

  @Test
  void markupOversizedAndNonJsonAnswersAreTypedErrors() throws IOException {
    String[] bodies = {
      "<!DOCTYPE foo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><foo>&x;</foo>",
      "  <html><body>login</body></html>",
      "[1,2]",
      "{\"result\": ",
    };
    for (String b : bodies) {
      gw.script = s -> FakeGateway.Reply.json(b);
      try (PopulationDataClient c = client()) {
        assertThatThrownBy(() -> c.verify(OP, SUBJECT))
            .isInstanceOfSatisfying(
                UnavailableException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(UnavailableException.Kind.GATEWAY);
                  assertThat(e.getMessage()).doesNotContain("passwd").doesNotContain("login");
                });
      }
    }
    gw.script = s -> FakeGateway.Reply.json(MATCH).type("text/plain");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
    }
    gw.script = s -> FakeGateway.Reply.json("{\"pad\":\"" + "x".repeat(5000) + "\"}");
    try (PopulationDataClient c = builder().maxResponseBytes(2048).buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.getMessage()).contains("larger than the limit"));
    }
    gw.script = s -> FakeGateway.Reply.json("{\"result\":\"PERHAPS\"}");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
    }
    gw.script = s -> FakeGateway.Reply.json("{\"result\":\"MATCH\",\"lifeStatus\":\"UNDEAD\"}");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
    }
    gw.script = s -> FakeGateway.Reply.json(MATCH).status(202);
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
    }
  }

  @Test
  void unsignedAnswersAreAcceptedOnlyWhenAllowedAndThenMarkedUnverified() throws IOException {
    gw.script = s -> FakeGateway.Reply.json(MATCH).unsigned();
    try (PopulationDataClient c =
        builder().allowUnsignedResponses(true).buildPopulationDataClient()) {
      VerificationResult r = c.verify(OP, SUBJECT);
      assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
      assertThat(r.provenance().signature().verified()).isFalse();
    }
    // A signature that is present is still checked.
    FakeGateway.Reply tampered = FakeGateway.Reply.json(MATCH);
    tampered.tamper = true;
    gw.script = s -> tampered;
    try (PopulationDataClient c =
        builder().allowUnsignedResponses(true).buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(VerificationException.class);
    }
  }

  // ------------------------------------------------------------------ resilience

  @Test
  void unsigned429And503AreRetriedHonouringRetryAfterUpToTheCapKeepingTheRequestId()
      throws IOException {
    AtomicInteger n = new AtomicInteger();
    gw.script =
        s ->
            switch (n.getAndIncrement()) {
              case 0 ->
                  FakeGateway.Reply.json("<html>busy</html>")
                      .unsigned()
                      .status(429)
                      .header("Retry-After", "7");
              case 1 ->
                  FakeGateway.Reply.json("busy")
                      .unsigned()
                      .status(503)
                      .header("Retry-After", "3600");
              default -> FakeGateway.Reply.json(MATCH);
            };
    try (PopulationDataClient c =
        builder()
            .retries(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30))
            .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5))
            .buildPopulationDataClient()) {
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
      assertThat(clock.pauses()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
      GatewayMetrics m = c.metrics();
      assertThat(m.attempts()).isEqualTo(3);
      assertThat(m.retries()).isEqualTo(2);
      assertThat(m.throttled()).isEqualTo(2);
      assertThat(m.calls()).isEqualTo(1);
    }
    assertThat(gw.seen())
        .extracting(FakeGateway.Seen::requestId)
        .hasSize(3)
        .containsOnly(gw.seen().get(0).requestId());
  }

  @Test
  void afterTheLastAttemptTheCallerGetsATypedRetryableError() throws IOException {
    gw.script = s -> FakeGateway.Reply.json("busy").unsigned().status(503);
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.kind()).isEqualTo(UnavailableException.Kind.GATEWAY);
              });
      // Backoff with full jitter: each wait at most its exponential ceiling.
      List<Duration> p = clock.pauses();
      assertThat(p).hasSize(2);
      assertThat(p.get(0)).isLessThanOrEqualTo(Duration.ofMillis(200));
      assertThat(p.get(1)).isLessThanOrEqualTo(Duration.ofMillis(400));
      assertThat(c.metrics().failures()).isEqualTo(1);
    }
  }

  @Test
  void droppedConnectionsAreRetriedThenReportedAsTransport() throws IOException {
    AtomicInteger n = new AtomicInteger();
    gw.script =
        s -> {
          FakeGateway.Reply r = FakeGateway.Reply.json(MATCH);
          r.reset = n.getAndIncrement() < 1;
          return r;
        };
    try (PopulationDataClient c = client()) {
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
    }
    gw.script =
        s -> {
          FakeGateway.Reply r = FakeGateway.Reply.json(MATCH);
          r.reset = true;
          return r;
        };
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.TRANSPORT));
    }
  }

  @Test
  void refusalsAreTypedAndOnlyServerErrorsRetried() throws IOException {
    gw.script =
        s ->
            FakeGateway.Reply.json(
                    "{\"type\":\"https://id06.vn/problems/consent-required\",\"title\":\"x\",\"status\":400}")
                .status(400)
                .type("application/problem+json");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              RemoteRefusalException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.gatewayCode()).isEqualTo("consent-required");
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.requestId()).startsWith("id06-");
              });
      assertThat(c.metrics().attempts()).isEqualTo(1);
    }
    gw.script =
        s ->
            FakeGateway.Reply.json(
                    "{\"type\":\"https://id06.vn/problems/internal\",\"status\":500}")
                .status(500)
                .type("application/problem+json");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              RemoteRefusalException.class, e -> assertThat(e.isRetryable()).isTrue());
      assertThat(c.metrics().attempts()).isEqualTo(3);
    }
  }

  @Test
  void anExpiredTokenIsRefreshedOnce() throws IOException {
    AtomicInteger n = new AtomicInteger();
    gw.script =
        s ->
            n.getAndIncrement() == 0
                ? FakeGateway.Reply.json("{\"type\":\"x/invalid-token\",\"status\":401}")
                    .status(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                : FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c = client()) {
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
    }
    assertThat(gw.tokens.get()).isEqualTo(2);
    assertThat(gw.seen().get(1).headers().get("authorization")).isEqualTo("Bearer t2");
    assertThat(clock.pauses()).allMatch(d -> d.compareTo(Duration.ofMillis(1)) <= 0);
  }

  @Test
  void aTokenRefusedEvenFreshIsATokenFailureAfterTheLastAttempt() throws IOException {
    gw.script =
        s ->
            FakeGateway.Reply.json("{\"type\":\"x/invalid-token\",\"status\":401}")
                .status(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
      // Each attempt sends twice: once, and at once again with a fresh token.
      assertThat(c.metrics().attempts()).isEqualTo(3);
    }
    assertThat(gw.tokens.get()).isEqualTo(6);
    assertThat(gw.seen()).hasSize(6);
    assertThat(clock.pauses()).hasSize(2);
  }

  @Test
  void theConcurrencyCapMakesACallerWaitOnTheInjectedSleeperThenGiveUpAtTheDeadline()
      throws Exception {
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    gw.script =
        s -> {
          inside.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FakeGateway.Reply.json(MATCH);
        };
    try (PopulationDataClient c =
        builder()
            .maxInFlight(1)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3))
            .buildPopulationDataClient()) {
      Thread first = new Thread(() -> c.verify(OP, SUBJECT));
      first.start();
      inside.await();
      // The only slot is taken: the second caller polls through the sleeper, which moves the fake
      // clock, until the overall deadline, and is refused with a typed, retryable error.
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.TIMEOUT));
      assertThat(clock.pauses())
          .isNotEmpty()
          .allMatch(d -> d.compareTo(Duration.ofSeconds(3)) <= 0);
      release.countDown();
      first.join();
      GatewayMetrics m = c.metrics();
      assertThat(m.calls()).isEqualTo(2);
      assertThat(m.attempts()).isEqualTo(1);
      assertThat(m.failures()).isEqualTo(1);
      assertThat(m.medianLatency()).isPositive();
      assertThat(m.p99Latency()).isGreaterThanOrEqualTo(m.medianLatency());
    }
    assertThat(gw.seen()).hasSize(1);
  }

  @Test
  void aRefusingTokenEndpointIsATokenFailureAndABusyOneIsRetried() throws IOException {
    gw.tokenStatus = 401;
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
    }
    gw.tokenStatus = 503;
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
      assertThat(c.metrics().attempts()).isEqualTo(3);
    }
  }

  @Test
  void theBreakerOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() throws IOException {
    AtomicInteger fail = new AtomicInteger(1);
    gw.script =
        s ->
            fail.get() == 1
                ? FakeGateway.Reply.json("x").unsigned().status(503)
                : FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c =
        builder()
            .retries(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1))
            .circuitBreaker(3, Duration.ofSeconds(30))
            .buildPopulationDataClient()) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
      }
      assertThat(c.metrics().breakerState()).isEqualTo("OPEN");
      int before = gw.seen().size();
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.CIRCUIT_OPEN));
      assertThat(gw.seen()).as("an open breaker sends nothing").hasSize(before);
      assertThat(c.metrics().rejectedByBreaker()).isEqualTo(1);
      assertThat(c.metrics().breakerOpenings()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(31));
      fail.set(0);
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
      assertThat(c.metrics().breakerState()).isEqualTo("CLOSED");

      // A failed trial opens it again at once.
      fail.set(1);
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(UnavailableException.class);
      }
      clock.advance(Duration.ofSeconds(31));
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.GATEWAY));
      assertThat(c.metrics().breakerState()).isEqualTo("OPEN");
      assertThat(c.metrics().breakerOpenings()).isEqualTo(3);
    }
  }

  @Test
  void theRateLimitSpacesRequestsOnTheInjectedClock() throws IOException {
    gw.script = s -> FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c = builder().rateLimit(4).buildPopulationDataClient()) {
      for (int i = 0; i < 4; i++) {
        c.verify(OP, SUBJECT);
      }
    }
    // The first request goes at once; each later one waits a quarter second on the fake clock.
    assertThat(clock.pauses())
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void theOverallDeadlineStopsRetriesThatCannotFit() throws IOException {
    gw.script = s -> FakeGateway.Reply.json("x").unsigned().status(429).header("Retry-After", "20");
    try (PopulationDataClient c =
        builder()
            .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10))
            .buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, SUBJECT))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(UnavailableException.Kind.TIMEOUT);
                assertThat(e.attempts()).isEqualTo(1);
              });
    }
  }

  @Test
  void retryAfterParsesSecondsAndDates() {
    assertThat(RestConnector.retryAfter("5", clock)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RestConnector.retryAfter("Sun, 01 Mar 2026 02:00:30 GMT", clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RestConnector.retryAfter("Sun, 01 Mar 2026 01:00:00 GMT", clock))
        .isEqualTo(Duration.ZERO);
    assertThat(RestConnector.retryAfter("-3", clock)).isNull();
    assertThat(RestConnector.retryAfter("soon", clock)).isNull();
    assertThat(RestConnector.retryAfter(" ", clock)).isNull();
    assertThat(RestConnector.retryAfter(null, clock)).isNull();
    assertThat(RestConnector.retryAfter("99999999", clock)).isEqualTo(Duration.ofDays(1));
  }

  // ------------------------------------------------------------------ other operations

  @Test
  void lookupMapsTheRequestedFieldsIntoACitizenRecord() throws IOException {
    gw.script =
        s ->
            FakeGateway.Reply.json(
                "{\"found\":true,\"citizen\":{\"citizenId\":\"079085000123\",\"legacyId\":\"123456789\","
                    + "\"fullName\":\"Ksor H'Bơ\",\"dateOfBirth\":\"1985-03\",\"sex\":\"FEMALE\","
                    + "\"nationality\":\"VNM\",\"ethnicity\":\"Gia Rai\",\"placeOfOrigin\":\"xã Ia Grai, tỉnh Gia Lai\","
                    + "\"address\":\"Plei 3, xã Ia Grai, tỉnh Gia Lai\",\"lifeStatus\":\"ALIVE\",\"issueDate\":\"2022-05-01\"}}");
    try (PopulationDataClient c = client()) {
      Optional<CitizenRecord> r =
          c.lookup(OP, LookupRequest.of(ID, LookupRequest.SUPPORTED_FIELDS, "HS-1"));
      CitizenRecord rec = r.orElseThrow();
      assertThat(rec.fullName().map(VietnameseName::value)).contains("Ksor H'Bơ");
      assertThat(rec.dateOfBirth()).contains(PartialDate.of(1985, 3));
      assertThat(rec.sex()).contains(Sex.FEMALE);
      assertThat(rec.legacyId().map(LegacyId::value)).contains("123456789");
      assertThat(rec.lifeStatus()).contains(LifeStatus.ALIVE);
      assertThat(rec.permanentAddress()).isPresent();
      assertThat(rec.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
    }
    FakeGateway.Seen s = gw.seen().get(0);
    assertThat(s.path()).isEqualTo("/rest/v1/citizens/lookup");
    assertThat(s.body().path("purpose").asText()).isEqualTo("unit test");
    assertThat(s.body().path("consentReference").asText()).isEqualTo("HS-1");
    assertThat(s.body().path("fields")).hasSize(LookupRequest.SUPPORTED_FIELDS.size());

    gw.script = s2 -> FakeGateway.Reply.json("{\"found\":false}");
    try (PopulationDataClient c = client()) {
      assertThat(
              c.lookup(
                  OP,
                  LookupRequest.ofLegacy(
                      LegacyId.parse("123456789"), EnumSet.of(CitizenField.SEX), "HS-1")))
          .isEmpty();
    }
    for (String bad :
        new String[] {
          "{\"found\":true}",
          "{\"found\":true,\"citizen\":{\"dateOfBirth\":\"14/03/1985\"}}",
          "{\"found\":true,\"citizen\":{\"lifeStatus\":\"UNDEAD\"}}"
        }) {
      gw.script = s3 -> FakeGateway.Reply.json(bad);
      try (PopulationDataClient c = client()) {
        assertThatThrownBy(
                () -> c.lookup(OP, LookupRequest.of(ID, EnumSet.of(CitizenField.SEX), "HS-1")))
            .isInstanceOf(UnavailableException.class)
            .hasMessageNotContaining("14/03/1985");
      }
    }
  }

  @Test
  void lookupRequestsAreCheckedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> LookupRequest.of(ID, EnumSet.noneOf(CitizenField.class), "HS"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LookupRequest.of(ID, EnumSet.of(CitizenField.SPOUSE_NAME), "HS"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LookupRequest.of(ID, EnumSet.of(CitizenField.SEX), " "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LookupRequest.of(ID, EnumSet.of(CitizenField.SEX), "x".repeat(101)))
        .isInstanceOf(InvalidInputException.class);
    LookupRequest r = LookupRequest.of(ID, EnumSet.of(CitizenField.SEX), "HS");
    assertThat(r.toString()).doesNotContain("079085000123");
    assertThat(r.citizenId()).contains(ID);
    assertThat(r.legacyId()).isEmpty();
    assertThat(r.consentReference()).isEqualTo("HS");
  }

  @Test
  void batchesKeepOrderAndStreamsKeepAtMostKInFlightWithBackPressure() throws IOException {
    gw.script =
        s -> {
          StringBuilder b = new StringBuilder("{\"results\":[");
          var subjects = s.body().path("subjects");
          for (int i = 0; i < subjects.size(); i++) {
            String sex = subjects.get(i).path("sex").asText();
            b.append(i == 0 ? "" : ",")
                .append("{\"result\":\"")
                .append(sex.equals("MALE") ? "MATCH" : "MISMATCH")
                .append("\",\"lifeStatus\":\"ALIVE\"}");
          }
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FakeGateway.Reply.json(b.append("]}").toString());
        };
    List<VerificationRequest> in = new ArrayList<>();
    for (int i = 0; i < 950; i++) {
      in.add(VerificationRequest.of(ID, null, null, i % 7 == 0 ? Sex.FEMALE : Sex.MALE));
    }
    AtomicInteger pulled = new AtomicInteger();
    Iterator<VerificationRequest> counting =
        new Iterator<>() {
          final Iterator<VerificationRequest> it = in.iterator();

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public VerificationRequest next() {
            pulled.incrementAndGet();
            return it.next();
          }
        };
    try (PopulationDataClient c =
        builder().batchSize(50).maxInFlight(3).buildPopulationDataClient()) {
      Iterator<VerificationResult> out = c.verifyAll(OP, counting).iterator();
      assertThat(out.next().result()).isEqualTo(VerificationOutcome.MISMATCH);
      assertThat(pulled.get())
          .as("back-pressure: the input is read only ahead by K batches")
          .isLessThanOrEqualTo(4 * 50);
      List<VerificationOutcome> rest = new ArrayList<>();
      out.forEachRemaining(r -> rest.add(r.result()));
      assertThat(rest).hasSize(949);
      for (int i = 1; i < 950; i++) {
        assertThat(rest.get(i - 1))
            .isEqualTo(i % 7 == 0 ? VerificationOutcome.MISMATCH : VerificationOutcome.MATCH);
      }
      assertThat(gw.maxInFlight.get()).isBetween(1, 3);
      List<VerificationResult> batch = c.verifyBatch(OP, in.subList(0, 10));
      assertThat(batch).hasSize(10);
      assertThatThrownBy(() -> c.verifyBatch(OP, List.of()))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () -> c.verifyBatch(OP, IntStream.range(0, 1001).mapToObj(i -> SUBJECT).toList()))
          .isInstanceOf(InvalidInputException.class);
    }
    gw.script = s -> FakeGateway.Reply.json("{\"results\":[]}");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.verifyBatch(OP, in.subList(0, 2)))
          .isInstanceOf(UnavailableException.class);
      assertThatThrownBy(() -> c.verifyAll(OP, in.iterator()).count())
          .isInstanceOf(UnavailableException.class);
      assertThat(c.verifyAll(OP, List.<VerificationRequest>of().iterator()).count()).isZero();
    }
  }

  @Test
  void requestStatusAndHealthInsurance() throws IOException {
    gw.script =
        s ->
            s.path().contains("requests/")
                ? FakeGateway.Reply.json(
                    "{\"subjectRequestId\":\"r-1\",\"status\":\"COMPLETED\",\"operation\":\"verify\","
                        + "\"completedAt\":\"2026-03-01T01:59:00Z\"}")
                : FakeGateway.Reply.json(
                    "{\"found\":true,\"card\":{\"cardNumber\":\"4215277710\",\"socialInsuranceNumber\":\"4215277710\","
                        + "\"facilityCode\":\"79 - 001\",\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\",\"valid\":true}}");
    try (PopulationDataClient c = client()) {
      RequestStatus st = c.requestStatus(OP, "r-1");
      assertThat(st.state()).isEqualTo(RequestStatus.State.COMPLETED);
      assertThat(st.operation()).contains("verify");
      assertThat(st.completedAt()).isPresent();
      assertThatThrownBy(() -> c.requestStatus(OP, "bad id/../x"))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(gw.seen().get(0).path()).isEqualTo("/rest/v1/requests/r-1");
    assertThat(gw.seen().get(0).method()).isEqualTo("GET");
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      HealthInsuranceCardCheck k = c.lookup(OP, ID).orElseThrow();
      assertThat(k.socialInsuranceNumber()).isEqualTo("4215277710");
      assertThat(k.valid()).isTrue();
      assertThat(k.toString()).doesNotContain("4215277710");
      assertThat(c.metrics().calls()).isEqualTo(1);
      assertThat(c.toString()).contains("HealthInsuranceClient");
    }
    gw.script = s -> FakeGateway.Reply.json("{\"found\":true,\"card\":{\"cardNumber\":1}}");
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThatThrownBy(() -> c.lookup(OP, ID)).isInstanceOf(UnavailableException.class);
    }
    gw.script = s -> FakeGateway.Reply.json("{\"found\":false}");
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThat(c.lookup(OP, ID)).isEmpty();
    }
    gw.script = s -> FakeGateway.Reply.json("{\"status\":\"LOST\"}");
    try (PopulationDataClient c = client()) {
      assertThatThrownBy(() -> c.requestStatus(OP, "r-1")).isInstanceOf(UnavailableException.class);
    }
  }

  // ------------------------------------------------------------------ configuration

  @Test
  void theBuilderRefusesUnsafeOrIncompleteConfigurations() throws IOException {
    Path jwks = FakeGateway.jwksFile(dir);
    assertThatThrownBy(() -> PopulationDataClient.builder().buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    for (String url :
        new String[] {
          "http://gateway.example.vn/",
          "ftp://127.0.0.1/",
          "https://u:p@host/",
          "https://host/?q=1",
          "http://10.0.0.1/"
        }) {
      assertThatThrownBy(() -> builder().gateway(URI.create(url)).buildPopulationDataClient())
          .as(url)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("gatewayUrl"));
    }
    assertThatThrownBy(
            () ->
                builder()
                    .gateway(URI.create("https://gateway.example.vn"))
                    .buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trustAnchors"));
    assertThatThrownBy(
            () ->
                PopulationDataClient.builder()
                    .gateway(gw.root())
                    .client("c", "a")
                    .clientKey(FakeGateway.EC.getPrivate())
                    .buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jwks"));
    assertThatThrownBy(
            () ->
                PopulationDataClient.builder()
                    .gateway(gw.root())
                    .jwks(jwks)
                    .buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                PopulationDataClient.builder()
                    .gateway(gw.root())
                    .jwks(jwks)
                    .client("c", "a")
                    .buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientKey"));
    assertThatThrownBy(
            () -> builder().jwks(URI.create("http://example.vn/jwks")).buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().mutualTls(dir.resolve("c.pem")).buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().profilePath("/abs"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                builder()
                    .retries(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> builder().timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().circuitBreaker(0, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().rateLimit(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().rateLimit(2e6)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().circuitBreaker(10_001, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                builder()
                    .retries(
                        3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoffMax"));
    assertThatThrownBy(
            () ->
                builder()
                    .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofDays(2)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().sleeper(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder().maxInFlight(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().batchSize(1001)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder().maxResponseBytes(10))
        .isInstanceOf(InvalidInputException.class);
    Files.writeString(
        dir.resolve("bad.json"), "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"s\"}]}");
    assertThatThrownBy(() -> builder().jwks(dir.resolve("bad.json")).buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jwks"));
    Files.writeString(dir.resolve("junk.json"), "not json");
    assertThatThrownBy(() -> builder().jwks(dir.resolve("junk.json")).buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> builder().jwks(dir.resolve("missing.json")).buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    Files.writeString(dir.resolve("key.pem"), "no key here");
    assertThatThrownBy(
            () -> builder().clientKey(dir.resolve("key.pem")).buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientKey"));
    assertThatThrownBy(
            () -> builder().clientKey(FakeGateway.ED.getPrivate()).buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> client().verify(null, SUBJECT))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void keysComeFromPemFilesAndTheJwksFromAUrlAndEndpointsResolveUnderTheProfilePath()
      throws IOException {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder()
                .encodeToString(FakeGateway.RSA.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(dir.resolve("client.pem"), pem, StandardCharsets.US_ASCII);
    gw.script = s -> FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c =
        builder()
            .gateway(
                URI.create(
                    gw.root().toString().replace("127.0.0.1", "localhost").replaceAll("/$", "")))
            .profilePath("proxy/population")
            .clientKey(dir.resolve("client.pem"))
            .jwks(gw.root().resolve("proxy/population/.well-known/jwks.json"))
            .buildPopulationDataClient()) {
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
      assertThat(c.toString()).contains("PopulationDataClient");
    }
    assertThat(gw.seen().get(0).path()).isEqualTo("/proxy/population/citizens/verify");
    assertThat(GatewayClientBuilder.isLoopback("[::1]")).isTrue();
    assertThat(GatewayClientBuilder.isLoopback("127.0.0.2")).isTrue();
    assertThat(GatewayClientBuilder.isLoopback("localhost.example.vn")).isFalse();
    assertThat(GatewayClientBuilder.isLoopback(null)).isFalse();
  }

  @Test
  void aClosedClientRefusesCalls() throws IOException {
    PopulationDataClient c = client();
    c.close();
    c.close();
    assertThatThrownBy(() -> c.verify(OP, SUBJECT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valueTypesCheckTheirComponents() {
    assertThatThrownBy(
            () -> new FieldVerification(CitizenField.SEX, VerificationOutcome.MATCH, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SUBJECT.toString()).doesNotContain("079085000123").doesNotContain("Nguyễn");
    assertThat(SUBJECT.citizenId()).contains(ID);
    assertThat(SUBJECT.legacyId()).isEmpty();
    assertThat(GatewayProfile.REST.id()).isEqualTo("rest");
  }
}
