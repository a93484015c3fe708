package vn.id06.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
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
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;

/** The social-insurance card check against a scripted gateway: tokens, codes, hostile answers. */
class BhxhConnectorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final OperatorContext OP =
      OperatorContext.of("000.00.00.H10", "CB01", "1.004227", "unit test")
          .withOfficer("Trần Văn Bình", "079085000999");
  static final CitizenId ID = CitizenId.parse("079085000123");
  static final CardCheckRequest REQ =
      CardCheckRequest.of(ID, VietnameseName.of("Nguyễn Thị An"), PartialDate.of(1985, 3, 14));
  static final String CARD =
      "\"maThe\":\"HC4790123456789\",\"hoTen\":\"Nguyễn Thị An\",\"ngaySinh\":\"14/03/1985\","
          + "\"gioiTinh\":\"Nữ\",\"diaChi\":\"Phường 1, Quận 3, Hồ Chí Minh\","
          + "\"maDKBD\":\"79 - 001\",\"gtTheTu\":\"01/01/2026\",\"gtTheDen\":\"31/12/2026\","
          + "\"maSoBHXH\":\"0123456789\"";

  @TempDir Path dir;
  MutableClock clock;
  WireFake gw;
  Path secret;

  @BeforeEach
  void start() throws IOException {
    clock = new MutableClock();
    gw = new WireFake();
    secret = dir.resolve("password.txt");
    Files.writeString(secret, "s3cret-Mật-khẩu\nsecond line ignored\n", StandardCharsets.UTF_8);
    gw.tokenScript =
        s ->
            WireFake.Reply.json(
                "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a"
                    + gw.tokens.get()
                    + "\",\"id_token\":\"i"
                    + gw.tokens.get()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":\""
                    + clock.instant().plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.ofHours(7))
                    + "\"}}");
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  GatewayClientBuilder builder() {
    return HealthInsuranceClient.builder()
        .gateway(gw.root())
        .profile(GatewayProfile.BHXH)
        .allowUnsignedResponses(true)
        .client("benhvien-01", "unused")
        .clientSecret(secret)
        .clock(clock)
        .sleeper(clock.sleeper())
        .rateLimit(1_000_000)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60));
  }

  CardCheckResult check() {
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      return c.check(OP, REQ);
    }
  }

  static WireFake.Reply code(String code) {
    return WireFake.Reply.json("{\"maKetQua\":\"" + code + "\"}");
  }

  static WireFake.Reply card(String code) {
    return WireFake.Reply.json("{\"maKetQua\":\"" + code + "\"," + CARD + "}");
  }

  static JsonNode body(WireFake.Seen s) {
    try {
      return JSON.readTree(s.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String md5(String s) throws Exception {
    return HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTokenThenTheCheckWithTheOfficerOnIt() throws Exception {
    gw.script = s -> card("000");
    CardCheckResult r = check();
    assertThat(r.status()).isEqualTo(CardCheckResult.Status.VALID);
    assertThat(r.mismatchedField()).isEmpty();
    assertThat(r.gatewayCode()).isEqualTo("000");
    assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
    assertThat(r.provenance().profile()).isEqualTo("bhxh");
    HealthInsuranceCard card = r.card().orElseThrow();
    assertThat(card.cardNumber()).isEqualTo("HC4790123456789");
    assertThat(card.socialInsuranceNumber()).isEqualTo("0123456789");
    assertThat(card.facilityCode()).contains("79 - 001");
    assertThat(card.validFrom()).contains(LocalDate.of(2026, 1, 1));
    assertThat(card.validTo()).contains(LocalDate.of(2026, 12, 31));
    assertThat(card.fullName().value()).isEqualTo("Nguyễn Thị An");
    assertThat(card.address()).isPresent();
    assertThat(r.toString()).doesNotContain("Nguyễn").doesNotContain("0123456789");

    WireFake.Seen token = gw.seen().get(0);
    assertThat(token.path()).isEqualTo("/bhxh/api/token/take");
    assertThat(body(token).path("username").asText()).isEqualTo("benhvien-01");
    assertThat(body(token).path("password").asText()).isEqualTo(md5("s3cret-Mật-khẩu"));
    WireFake.Seen call = gw.seen().get(1);
    assertThat(call.path()).isEqualTo("/bhxh/api/egw/KQNhanLichSuKCB2019");
    assertThat(call.query())
        .contains("token=a1")
        .contains("id_token=i1")
        .contains("username=benhvien-01")
        .contains("password=" + md5("s3cret-Mật-khẩu"));
    JsonNode b = body(call);
    assertThat(b.path("maThe").asText()).isEqualTo("079085000123");
    assertThat(b.path("hoTen").asText()).isEqualTo("Nguyễn Thị An");
    assertThat(b.path("ngaySinh").asText()).isEqualTo("14/03/1985");
    assertThat(b.path("hoTenCb").asText()).isEqualTo("Trần Văn Bình");
    assertThat(b.path("cccdCb").asText()).isEqualTo("079085000999");
  }

  @Test
  void resultCodesBecomeTypedResults() {
    gw.script = s -> card("004");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
    gw.script = s -> card("010");
    CardCheckResult expired = check();
    assertThat(expired.status()).isEqualTo(CardCheckResult.Status.EXPIRED);
    assertThat(expired.card()).isPresent();
    gw.script = s -> code("010");
    assertThat(check().card()).isEmpty();
    gw.script = s -> code("060");
    CardCheckResult name = check();
    assertThat(name.status()).isEqualTo(CardCheckResult.Status.DETAILS_MISMATCH);
    assertThat(name.mismatchedField()).contains(CitizenField.FULL_NAME);
    gw.script = s -> code("061");
    assertThat(check().mismatchedField()).contains(CitizenField.FULL_NAME);
    gw.script = s -> code("070");
    assertThat(check().mismatchedField()).contains(CitizenField.DATE_OF_BIRTH);
    gw.script = s -> code("050");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.NOT_FOUND);
    gw.script = s -> code("999");
    assertThatThrownBy(this::check)
        .isInstanceOfSatisfying(
            RemoteRefusalException.class, e -> assertThat(e.gatewayCode()).isEqualTo("999"));
    gw.script = s -> code("<b>");
    assertThatThrownBy(this::check)
        .isInstanceOfSatisfying(
            RemoteRefusalException.class, e -> assertThat(e.gatewayCode()).isEmpty());
  }

  @Test
  void aValidCodeWithABrokenCardIsMalformed() {
    gw.script = s -> WireFake.Reply.json("{\"maKetQua\":\"000\",\"maThe\":\"HC4790123456789\"}");
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("fullName");
    gw.script =
        s ->
            WireFake.Reply.json(
                "{\"maKetQua\":\"000\","
                    + CARD.replace("\"maSoBHXH\":\"0123456789\"", "\"maSoBHXH\":\"9999999999\"")
                    + "}");
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("socialInsuranceNumber");
  }

  @Test
  void theTokenIsReusedThenRenewedBeforeItExpires() {
    gw.script = s -> card("000");
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      c.check(OP, REQ);
      c.check(OP, REQ);
      assertThat(gw.tokens.get()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(29)); // within a minute of expiry
      c.check(OP, REQ);
      assertThat(gw.tokens.get()).isEqualTo(2);
      assertThat(gw.seen().get(gw.seen().size() - 1).query()).contains("token=a2");
    }
  }

  @Test
  void aRefusedTokenIsRenewedAfterA401OrTheGatewaysOwnCode() {
    AtomicInteger calls = new AtomicInteger();
    gw.script =
        s -> calls.incrementAndGet() == 1 ? WireFake.Reply.json("").status(401) : card("000");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
    assertThat(gw.tokens.get()).isEqualTo(2);
    calls.set(0);
    gw.script = s -> calls.incrementAndGet() == 1 ? code("401") : card("000");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
    assertThat(gw.tokens.get()).isEqualTo(4);
  }

  @Test
  void aRevokedTokenEndsAsATokenFailure() {
    gw.script = s -> WireFake.Reply.json("").status(401);
    assertThatThrownBy(this::check)
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
  }

  @Test
  void refusedOrMalformedTokenAnswersAreTokenFailures() {
    gw.script = s -> card("000");
    for (WireFake.Reply r :
        new WireFake.Reply[] {
          code("401"),
          WireFake.Reply.json("{}").status(401),
          WireFake.Reply.json("{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a\"}}"),
          WireFake.Reply.json(
              "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a\",\"expires_in\":\"soon\"}}"),
          WireFake.Reply.json(
              "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a\",\"expires_in\":-5}}"),
        }) {
      gw.tokenScript = s -> r;
      assertThatThrownBy(this::check)
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
    }
    gw.tokenScript =
        s ->
            WireFake.Reply.json(
                "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a\",\"expires_in\":1800}}");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
    gw.tokenScript =
        s ->
            WireFake.Reply.json(
                "{\"maKetQua\":\"200\",\"APIKey\":{\"access_token\":\"a\",\"expires_in\":\"1800\"}}");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
  }

  @Test
  void hostileAnswersAreTyped() {
    gw.script =
        s ->
            WireFake.Reply.xml("<!DOCTYPE html><html><body>Đăng nhập</body></html>")
                .type("text/html");
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("HTML");
    gw.script = s -> WireFake.Reply.json("[1,2]");
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("JSON");
    gw.script = s -> WireFake.Reply.json("not json");
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("JSON");
    gw.script = s -> WireFake.Reply.json("{}").status(500);
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("500");
    gw.script =
        s -> {
          WireFake.Reply r = WireFake.Reply.json("");
          r.streamBytes = 100L << 20;
          return r;
        };
    assertThatThrownBy(this::check)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("limit");
    AtomicInteger calls = new AtomicInteger();
    gw.script =
        s -> calls.incrementAndGet() == 1 ? WireFake.Reply.json("{}").status(503) : card("000");
    assertThat(check().status()).isEqualTo(CardCheckResult.Status.VALID);
  }

  @Test
  void everyCheckIsAuditedWithTheOfficerAndTheHashedNumberWhateverItsOutcome() {
    vn.id06.core.audit.InMemoryAuditSink sink = vn.id06.core.audit.InMemoryAuditSink.create();
    vn.id06.core.audit.SubjectHasher hasher =
        vn.id06.core.audit.SubjectHasher.of(
            new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    AtomicInteger calls = new AtomicInteger();
    gw.script =
        s ->
            switch (calls.incrementAndGet()) {
              case 1 -> WireFake.Reply.json("{}").status(503);
              case 2 -> card("000");
              case 3 -> code("050");
              default -> code("999");
            };
    try (HealthInsuranceClient c =
        builder().auditSink(sink).subjectHasher(hasher).buildHealthInsuranceClient()) {
      c.check(OP, REQ);
      c.check(OP, REQ);
      assertThatThrownBy(() -> c.check(OP, REQ)).isInstanceOf(RemoteRefusalException.class);
    }
    assertThat(sink.events())
        .extracting(vn.id06.core.audit.AuditEvent::outcome)
        .containsExactly(
            vn.id06.core.audit.AuditOutcome.SUCCESS,
            vn.id06.core.audit.AuditOutcome.NOT_FOUND,
            vn.id06.core.audit.AuditOutcome.REFUSED);
    vn.id06.core.audit.AuditEvent first = sink.events().get(0);
    assertThat(first.attempts()).isEqualTo(2);
    assertThat(first.operator()).isEqualTo(OP);
    assertThat(first.subjectHash()).isEqualTo(hasher.hash(ID.value())).doesNotContain(ID.value());
  }

  @Test
  void theOfficerIsRequiredOnEveryCall() {
    gw.script = s -> card("000");
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThatThrownBy(
              () -> c.check(OperatorContext.of("000.00.00.H10", "CB01", "1.004227", "test"), REQ))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("officerName"));
    }
    assertThat(gw.seen()).isEmpty();
  }

  @Test
  void byCardNumberYearOnlyBirthDatesHeaderCredentialsAndAPlainPassword() throws Exception {
    gw.script = s -> card("000");
    WireMapping m =
        WireMapping.defaults()
            .with("bhxh.credentialsIn", "header")
            .with("bhxh.passwordDigest", "NONE");
    try (HealthInsuranceClient c = builder().wireMapping(m).buildHealthInsuranceClient()) {
      CardCheckRequest r =
          CardCheckRequest.ofCardNumber(
              "hc 4 79 0123456789", VietnameseName.of("Nguyễn Thị An"), PartialDate.of(1985));
      assertThat(r.cardOrId()).isEqualTo("HC4790123456789");
      assertThat(r.toString()).doesNotContain("0123456789").doesNotContain("Nguyễn");
      assertThat(c.check(OP, r).status()).isEqualTo(CardCheckResult.Status.VALID);
    }
    assertThat(body(gw.seen().get(0)).path("password").asText()).isEqualTo("s3cret-Mật-khẩu");
    WireFake.Seen call = gw.seen().get(1);
    assertThat(call.query()).isNull();
    assertThat(call.headers().get("authorization")).isEqualTo("Bearer a1");
    assertThat(body(call).path("maThe").asText()).isEqualTo("HC4790123456789");
    assertThat(body(call).path("ngaySinh").asText()).isEqualTo("1985");
  }

  @Test
  void theProfileServesOnlyTheCardCheck() {
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThatThrownBy(() -> c.lookup(OP, ID))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fullName"));
    }
    GatewayClientBuilder b = builder();
    try (PopulationDataClient c = b.buildPopulationDataClient()) {
      VerificationRequest v = VerificationRequest.of(ID, null, null, null);
      assertThatThrownBy(() -> c.verify(OP, v)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> c.verifyBatch(OP, java.util.List.of(v)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () -> c.lookup(OP, LookupRequest.of(ID, EnumSet.of(CitizenField.FULL_NAME), "Q")))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> c.requestStatus(OP, "id06-x"))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(gw.seen()).isEmpty();
  }

  @Test
  void theBuilderWantsTheSecretAndTheKeyForMutualTls() {
    assertThatThrownBy(
            () ->
                HealthInsuranceClient.builder()
                    .gateway(gw.root())
                    .profile(GatewayProfile.BHXH)
                    .allowUnsignedResponses(true)
                    .client("x", "y")
                    .buildHealthInsuranceClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientSecret"));
    assertThatThrownBy(
            () ->
                builder()
                    .gateway(java.net.URI.create("https://127.0.0.1:1/"))
                    .trustAnchors(dir.resolve("ca.pem"))
                    .mutualTls(dir.resolve("cert.pem"))
                    .buildHealthInsuranceClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientKey"));
  }

  @Test
  void resultsAndRequestsAreValues() {
    GatewayProvenanceHolder h = new GatewayProvenanceHolder();
    assertThatThrownBy(
            () ->
                new CardCheckResult(
                    CardCheckResult.Status.VALID,
                    java.util.Optional.of(CitizenField.FULL_NAME),
                    java.util.Optional.empty(),
                    "000",
                    h.p))
        .isInstanceOf(IllegalArgumentException.class);
    CardCheckResult r =
        new CardCheckResult(
            CardCheckResult.Status.DETAILS_MISMATCH,
            java.util.Optional.of(CitizenField.DATE_OF_BIRTH),
            java.util.Optional.empty(),
            "070",
            h.p);
    assertThat(r.toString()).contains("dateOfBirth").contains("070");
    CardCheckRequest a = CardCheckRequest.of(ID, VietnameseName.of("An"), PartialDate.of(1985));
    CardCheckRequest b = CardCheckRequest.of(ID, VietnameseName.of("An"), PartialDate.of(1985));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(REQ).isNotEqualTo("x");
    assertThat(a.fullName().value()).isEqualTo("An");
    assertThat(a.dateOfBirth()).isEqualTo(PartialDate.of(1985));
    assertThat(GatewayProfile.of(" BHXH ")).isEqualTo(GatewayProfile.BHXH);
    assertThatThrownBy(() -> GatewayProfile.of("soap")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GatewayProfile.of(null)).isInstanceOf(InvalidInputException.class);
  }

  static final class GatewayProvenanceHolder {
    final vn.id06.core.citizen.GatewayProvenance p =
        new vn.id06.core.citizen.GatewayProvenance(
            "bhxh", "id06-x", java.time.Instant.EPOCH, BhxhConnector.UNSIGNED);
  }
}
