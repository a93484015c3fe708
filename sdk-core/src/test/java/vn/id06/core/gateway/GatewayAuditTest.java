package vn.id06.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.AuditEvent;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.InMemoryAuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.Sex;

/** Every gateway call leaves one audit event per subject, whatever its outcome. */
class GatewayAuditTest {

  static final OperatorContext OP = PopulationDataClientTest.OP;
  static final String MATCH = PopulationDataClientTest.MATCH;
  static final byte[] KEY = key();

  @TempDir Path dir;
  MutableClock clock;
  FakeGateway gw;
  InMemoryAuditSink sink;
  SubjectHasher hasher;

  static byte[] key() {
    byte[] k = new byte[32];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (i * 7 + 3);
    }
    return k;
  }

  @BeforeEach
  void start() throws IOException {
    clock = new MutableClock();
    gw = new FakeGateway(clock);
    sink = InMemoryAuditSink.create();
    hasher = SubjectHasher.of(new SecretKeySpec(KEY, "HmacSHA256"));
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
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60))
        .auditSink(sink)
        .subjectHasher(hasher);
  }

  /** An independent HMAC-SHA256 of the ID, so the test does not trust SubjectHasher's output. */
  static String hmac(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aVerifyEmitsOneEventWithTheKeyedHashNeverTheId() throws IOException {
    gw.script = s -> FakeGateway.Reply.json(MATCH);
    VerificationResult r;
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      r = c.verify(OP, PopulationDataClientTest.SUBJECT);
    }
    assertThat(sink.events()).hasSize(1);
    AuditEvent e = sink.events().get(0);
    assertThat(e.operation()).isEqualTo("verify");
    assertThat(e.operator()).isEqualTo(OP);
    assertThat(e.subjectHash()).isEqualTo(hmac("079085000123")).doesNotContain("079085000123");
    assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.requestId()).isEqualTo(r.requestId()).isEqualTo(gw.seen().get(0).requestId());
    assertThat(e.time()).isEqualTo(clock.instant());
    assertThat(e.toString()).doesNotContain("079085000123");
  }

  @Test
  void retriesAreCountedAndFailuresAreAuditedToo() throws IOException {
    AtomicInteger n = new AtomicInteger();
    gw.script =
        s ->
            n.getAndIncrement() == 0
                ? FakeGateway.Reply.json("busy").unsigned().status(503)
                : FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      c.verify(OP, PopulationDataClientTest.SUBJECT);
    }
    assertThat(sink.events()).singleElement().extracting(AuditEvent::attempts).isEqualTo(2);

    sink.clear();
    gw.script = s -> FakeGateway.Reply.json("busy").unsigned().status(503);
    try (PopulationDataClient c =
        builder().circuitBreaker(100, Duration.ofSeconds(1)).buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, PopulationDataClientTest.SUBJECT))
          .isInstanceOf(UnavailableException.class);
    }
    AuditEvent e = sink.events().get(0);
    assertThat(sink.events()).hasSize(1);
    assertThat(e.outcome()).isEqualTo(AuditOutcome.UNAVAILABLE);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.subjectHash()).isEqualTo(hmac("079085000123"));

    sink.clear();
    gw.script = s -> FakeGateway.Reply.json(MATCH).unsigned();
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, PopulationDataClientTest.SUBJECT))
          .isInstanceOf(VerificationException.class);
    }
    assertThat(sink.events())
        .singleElement()
        .extracting(AuditEvent::outcome)
        .isEqualTo(AuditOutcome.SECURITY_FAILURE);
  }

  @Test
  void aBatchEmitsOneEventPerSubjectInOrderAndTheStreamDoesToo() throws IOException {
    gw.script =
        s -> {
          StringBuilder b = new StringBuilder("{\"results\":[");
          var subjects = s.body().path("subjects");
          for (int i = 0; i < subjects.size(); i++) {
            boolean known = !subjects.get(i).path("citizenId").asText().endsWith("9");
            b.append(i == 0 ? "" : ",")
                .append(
                    known
                        ? "{\"result\":\"MATCH\",\"lifeStatus\":\"ALIVE\"}"
                        : "{\"result\":\"NOT_FOUND\"}");
          }
          return FakeGateway.Reply.json(b.append("]}").toString());
        };
    List<String> ids = new ArrayList<>();
    List<VerificationRequest> in = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "07908500012" + (5 + i);
      ids.add(id);
      in.add(VerificationRequest.of(CitizenId.parse(id), null, null, Sex.MALE));
    }
    try (PopulationDataClient c = builder().batchSize(2).buildPopulationDataClient()) {
      List<VerificationResult> out = c.verifyBatch(OP, in);
      assertThat(out).hasSize(5);
      List<AuditEvent> ev = sink.events();
      assertThat(ev).hasSize(5);
      for (int i = 0; i < 5; i++) {
        assertThat(ev.get(i).operation()).isEqualTo("verify-batch");
        assertThat(ev.get(i).subjectHash()).isEqualTo(hmac(ids.get(i)));
        assertThat(ev.get(i).requestId()).isEqualTo(out.get(0).requestId());
        assertThat(ev.get(i).outcome())
            .isEqualTo(i == 4 ? AuditOutcome.NOT_FOUND : AuditOutcome.SUCCESS);
      }
      sink.clear();
      assertThat(c.verifyAll(OP, in.iterator()).count()).isEqualTo(5);
      assertThat(sink.events())
          .extracting(AuditEvent::subjectHash)
          .containsExactlyInAnyOrderElementsOf(ids.stream().map(GatewayAuditTest::hmac).toList());
      assertThat(sink.events().stream().map(AuditEvent::requestId).distinct()).hasSize(3);
    }
    sink.clear();
    gw.script = s -> FakeGateway.Reply.json("{\"results\":[]}");
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verifyBatch(OP, in.subList(0, 3)))
          .isInstanceOf(UnavailableException.class);
    }
    assertThat(sink.events())
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.UNAVAILABLE));
  }

  @Test
  void lookupHealthInsuranceAndStatusAreAudited() throws IOException {
    gw.script =
        s ->
            s.path().contains("requests/")
                ? FakeGateway.Reply.json(
                    "{\"subjectRequestId\":\"r-1\",\"status\":\"COMPLETED\",\"operation\":\"verify\","
                        + "\"completedAt\":\"2026-03-01T01:59:00Z\"}")
                : FakeGateway.Reply.json("{\"found\":false}");
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      assertThat(
              c.lookup(
                  OP,
                  LookupRequest.of(
                      PopulationDataClientTest.ID, EnumSet.of(CitizenField.FULL_NAME), "c-1")))
          .isEmpty();
      c.requestStatus(OP, "r-1");
    }
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThat(c.lookup(OP, PopulationDataClientTest.ID)).isEmpty();
    }
    List<AuditEvent> ev = sink.events();
    assertThat(ev)
        .extracting(AuditEvent::operation)
        .containsExactly("lookup", "request-status", "health-insurance");
    assertThat(ev)
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.NOT_FOUND, AuditOutcome.SUCCESS, AuditOutcome.NOT_FOUND);
    assertThat(ev)
        .extracting(AuditEvent::subjectHash)
        .containsExactly(hmac("079085000123"), "", hmac("079085000123"));
  }

  @Test
  void aSinkNeedsAHasherAndNoSinkMeansNoAudit() throws IOException {
    assertThatThrownBy(
            () ->
                PopulationDataClient.builder()
                    .gateway(gw.root())
                    .client("client-1", "urn:test:gateway")
                    .clientKey(FakeGateway.OTHER_EC.getPrivate())
                    .jwks(FakeGateway.jwksFile(dir))
                    .auditSink(sink)
                    .buildPopulationDataClient())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("subjectHasher");
    gw.script = s -> FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c =
        PopulationDataClient.builder()
            .gateway(gw.root())
            .client("client-1", "urn:test:gateway")
            .clientKey(FakeGateway.OTHER_EC.getPrivate())
            .jwks(FakeGateway.jwksFile(dir))
            .clock(clock)
            .buildPopulationDataClient()) {
      assertThat(c.verify(OP, PopulationDataClientTest.SUBJECT).result())
          .isEqualTo(VerificationOutcome.MATCH);
    }
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void aFailingSinkIsNotSilent() throws IOException {
    AuditSink broken =
        e -> {
          throw new UnavailableException(
              UnavailableException.Kind.TRANSPORT, 1, "audit disk full", null);
        };
    gw.script = s -> FakeGateway.Reply.json(MATCH);
    try (PopulationDataClient c = builder().auditSink(broken).buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.verify(OP, PopulationDataClientTest.SUBJECT))
          .hasMessageContaining("audit disk full");
      gw.script = s -> FakeGateway.Reply.json(MATCH).unsigned();
      assertThatThrownBy(() -> c.verify(OP, PopulationDataClientTest.SUBJECT))
          .isInstanceOf(VerificationException.class)
          .satisfies(
              t ->
                  assertThat(t.getSuppressed())
                      .singleElement()
                      .extracting(Throwable::getMessage)
                      .asString()
                      .contains("audit disk full"));
    }
  }
}
