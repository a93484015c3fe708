package vn.id06.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.CardCheckRequest;
import vn.id06.core.gateway.CardCheckResult;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.core.gateway.GatewayProfile;
import vn.id06.core.gateway.HealthInsuranceClient;
import vn.id06.core.gateway.LookupRequest;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * The SDK's lgsp and bhxh connectors against the simulator's SOAP and social-insurance profiles:
 * the same typed answers as the REST profile, from the same population, with and without faults.
 */
class WireProfilesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC);
  static final OperatorContext OPERATOR =
      OperatorContext.of("000.00.00.H10", "CB-TEST-01", "1.004227", "test: verify a citizen")
          .withOfficer("Cán Bộ Thử", "079085000123");

  static GatewaySimulator clean;

  @BeforeAll
  static void start() {
    clean = sim(FaultSpec.none());
  }

  @AfterAll
  static void stop() {
    clean.close();
  }

  static GatewaySimulator sim(FaultSpec faults) {
    return GatewaySimulator.builder()
        .plainHttp(true)
        .clock(CLOCK)
        .faults(faults)
        .stallTime(Duration.ofMillis(50))
        .population(vn.id06.testkit.population.SyntheticPopulation.of(6, 2_000))
        .start();
  }

  static GatewayClientBuilder builder(GatewaySimulator sim, GatewayProfile profile) {
    GatewayClientBuilder b =
        PopulationDataClient.builder()
            .gateway(sim.rootUri())
            .profile(profile)
            .client(GatewaySimulator.CLIENT_ID, sim.audience())
            .clientKey(sim.clientKeyFile())
            .clock(CLOCK)
            .retries(8, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5))
            .circuitBreaker(100, Duration.ofSeconds(1))
            .rateLimit(1_000_000) // the clock is fixed: a rate limit would never refill
            .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30));
    if (profile == GatewayProfile.REST) {
      b.jwks(sim.jwksFile());
    } else {
      b.allowUnsignedResponses(true);
    }
    if (profile == GatewayProfile.BHXH) {
      b.clientSecret(sim.bhxhPasswordFile());
    }
    return b;
  }

  static VerificationRequest exact(SyntheticCitizen c) {
    return VerificationRequest.of(
        CitizenId.parse(c.citizenId()),
        VietnameseName.of(c.fullName()),
        PartialDate.parseIso("dob", c.dateOfBirth()),
        Sex.parse(c.sex()));
  }

  static void withClient(GatewaySimulator sim, GatewayProfile p, Consumer<PopulationDataClient> f) {
    try (PopulationDataClient client = builder(sim, p).buildPopulationDataClient()) {
      f.accept(client);
    }
  }

  // ------------------------------------------------------------------ lgsp

  @Test
  void lgspVerifiesLikeRestButNeverAsVerified() {
    List<SyntheticCitizen> people =
        LongStream.range(0, 40).mapToObj(i -> clean.population().citizen(i)).toList();
    try (PopulationDataClient rest =
            builder(clean, GatewayProfile.REST).buildPopulationDataClient();
        PopulationDataClient lgsp =
            builder(clean, GatewayProfile.LGSP).buildPopulationDataClient()) {
      for (SyntheticCitizen c : people) {
        VerificationRequest wrongName =
            VerificationRequest.of(
                CitizenId.parse(c.citizenId()),
                VietnameseName.of(c.fullName() + " Thị"),
                PartialDate.parseIso("dob", c.dateOfBirth()),
                null);
        for (VerificationRequest r : List.of(exact(c), wrongName)) {
          VerificationResult a = rest.verify(OPERATOR, r);
          VerificationResult b = lgsp.verify(OPERATOR, r);
          assertThat(b.result()).isEqualTo(a.result());
          assertThat(b.lifeStatus()).isEqualTo(a.lifeStatus());
          assertThat(b.fields().keySet()).isEqualTo(a.fields().keySet());
          b.fields()
              .forEach((k, v) -> assertThat(v.result()).isEqualTo(a.fields().get(k).result()));
          assertThat(a.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
          assertThat(b.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
          assertThat(b.provenance().profile()).isEqualTo("lgsp");
          assertThat(b.provenance().signature().verified()).isFalse();
        }
        assertThat(lgsp.verify(OPERATOR, exact(c)).result()).isEqualTo(VerificationOutcome.MATCH);
      }
      VerificationResult unknown =
          lgsp.verify(
              OPERATOR, VerificationRequest.of(CitizenId.parse("079085999999"), null, null, null));
      assertThat(unknown.result()).isEqualTo(VerificationOutcome.NOT_FOUND);
    }
  }

  @Test
  void lgspLooksUpTheSameRecordAsRest() {
    EnumSet<CitizenField> wanted =
        EnumSet.of(
            CitizenField.FULL_NAME,
            CitizenField.DATE_OF_BIRTH,
            CitizenField.SEX,
            CitizenField.PERMANENT_ADDRESS,
            CitizenField.ETHNICITY,
            CitizenField.LIFE_STATUS);
    try (PopulationDataClient rest =
            builder(clean, GatewayProfile.REST).buildPopulationDataClient();
        PopulationDataClient lgsp =
            builder(clean, GatewayProfile.LGSP).buildPopulationDataClient()) {
      for (long i = 0; i < 20; i++) {
        SyntheticCitizen c = clean.population().citizen(i);
        LookupRequest req = LookupRequest.of(CitizenId.parse(c.citizenId()), wanted, "QD-123/2026");
        CitizenRecord a = rest.lookup(OPERATOR, req).orElseThrow();
        CitizenRecord b = lgsp.lookup(OPERATOR, req).orElseThrow();
        for (CitizenField f : wanted) {
          assertThat(b.get(f)).as(f.jsonName()).isEqualTo(a.get(f));
        }
        assertThat(b.presentFields()).isEqualTo(a.presentFields());
        assertThat(b.fullName().orElseThrow().value()).isEqualTo(c.fullName());
        assertThat(b.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
      }
      assertThat(
              lgsp.lookup(
                  OPERATOR,
                  LookupRequest.of(CitizenId.parse("079085999999"), wanted, "QD-123/2026")))
          .isEmpty();
    }
  }

  @Test
  void lgspRidesOutThrottlingResetsTruncationAndExpiredTokens() {
    try (GatewaySimulator faulty =
        sim(
            FaultSpec.parse(
                "429:0.15,503:0.1,reset:0.1,truncate:0.05,expiredtoken:0.1,stall:0.03"))) {
      withClient(
          faulty,
          GatewayProfile.LGSP,
          client -> {
            for (long i = 0; i < 60; i++) {
              SyntheticCitizen c = faulty.population().citizen(i);
              assertThat(client.verify(OPERATOR, exact(c)).result())
                  .isEqualTo(VerificationOutcome.MATCH);
            }
          });
      assertThat(faulty.counters()).containsKeys("429", "503", "reset", "truncate", "expiredtoken");
    }
  }

  @Test
  void lgspTypedErrorsForALoginPageASoapFaultAndAReplay() {
    SyntheticCitizen c = clean.population().citizen(1);
    try (GatewaySimulator garbage = sim(FaultSpec.parse("garbage:1"))) {
      withClient(
          garbage,
          GatewayProfile.LGSP,
          client ->
              assertThatThrownBy(() -> client.verify(OPERATOR, exact(c)))
                  .isInstanceOf(UnavailableException.class)
                  .hasMessageContaining("HTML"));
    }
    try (GatewaySimulator fault = sim(FaultSpec.parse("badsig:1"))) {
      withClient(
          fault,
          GatewayProfile.LGSP,
          client ->
              assertThatThrownBy(() -> client.verify(OPERATOR, exact(c)))
                  .isInstanceOfSatisfying(
                      RemoteRefusalException.class,
                      e -> assertThat(e.gatewayCode()).isEqualTo("Server")));
    }
    try (GatewaySimulator replay = sim(FaultSpec.parse("replay:1"))) {
      withClient(
          replay,
          GatewayProfile.LGSP,
          client -> {
            client.verify(OPERATOR, exact(c)); // nothing to replay yet: a real answer
            assertThatThrownBy(() -> client.verify(OPERATOR, exact(c)))
                .isInstanceOfSatisfying(
                    VerificationException.class,
                    e -> assertThat(e.check()).isEqualTo(SecurityCheck.REQUEST_BINDING));
          });
    }
  }

  // ------------------------------------------------------------------ bhxh

  static Optional<SyntheticCitizen> withCard(boolean valid) {
    LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.ofHours(7));
    return LongStream.range(0, 2_000)
        .mapToObj(i -> clean.population().citizen(i))
        .filter(
            c ->
                c.insuranceCard()
                    .map(
                        k ->
                            valid == !(today.isAfter(k.validTo()) || today.isBefore(k.validFrom())))
                    .orElse(false))
        .filter(c -> c.dateOfBirth().length() == 10)
        .findFirst();
  }

  static CardCheckRequest request(SyntheticCitizen c) {
    return CardCheckRequest.of(
        CitizenId.parse(c.citizenId()),
        VietnameseName.of(c.fullName()),
        PartialDate.parseIso("dob", c.dateOfBirth()));
  }

  @Test
  void bhxhChecksCardsIntoTypedResults() {
    SyntheticCitizen valid = withCard(true).orElseThrow();
    SyntheticCitizen expired = withCard(false).orElseThrow();
    SyntheticCitizen none =
        LongStream.range(0, 2_000)
            .mapToObj(i -> clean.population().citizen(i))
            .filter(c -> c.insuranceCard().isEmpty())
            .findFirst()
            .orElseThrow();
    try (HealthInsuranceClient client =
        builder(clean, GatewayProfile.BHXH).buildHealthInsuranceClient()) {
      CardCheckResult ok = client.check(OPERATOR, request(valid));
      assertThat(ok.status()).isEqualTo(CardCheckResult.Status.VALID);
      assertThat(ok.gatewayCode()).isEqualTo("000");
      SyntheticCitizen.InsuranceCard k = valid.insuranceCard().orElseThrow();
      var card = ok.card().orElseThrow();
      assertThat(card.cardNumber()).isEqualTo(k.cardNumber());
      assertThat(card.socialInsuranceNumber()).isEqualTo(k.socialInsuranceNumber());
      assertThat(card.facilityCode()).contains(k.facilityCode());
      assertThat(card.validFrom()).contains(k.validFrom());
      assertThat(card.validTo()).contains(k.validTo());
      assertThat(card.fullName().value()).isEqualTo(valid.fullName());
      assertThat(ok.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);

      CardCheckResult byCard =
          client.check(
              OPERATOR,
              CardCheckRequest.ofCardNumber(
                  k.cardNumber(),
                  VietnameseName.of(valid.fullName()),
                  PartialDate.parseIso("dob", valid.dateOfBirth())));
      assertThat(byCard.status()).isEqualTo(CardCheckResult.Status.VALID);

      CardCheckResult old = client.check(OPERATOR, request(expired));
      assertThat(old.status()).isEqualTo(CardCheckResult.Status.EXPIRED);
      assertThat(old.card().orElseThrow().validTo())
          .contains(expired.insuranceCard().orElseThrow().validTo());

      CardCheckResult name =
          client.check(
              OPERATOR,
              CardCheckRequest.of(
                  CitizenId.parse(valid.citizenId()),
                  VietnameseName.of(valid.fullName() + " Văn"),
                  PartialDate.parseIso("dob", valid.dateOfBirth())));
      assertThat(name.status()).isEqualTo(CardCheckResult.Status.DETAILS_MISMATCH);
      assertThat(name.mismatchedField()).contains(CitizenField.FULL_NAME);
      assertThat(name.card()).isEmpty();

      PartialDate dob = PartialDate.parseIso("dob", valid.dateOfBirth());
      CardCheckResult date =
          client.check(
              OPERATOR,
              CardCheckRequest.of(
                  CitizenId.parse(valid.citizenId()),
                  VietnameseName.of(valid.fullName()),
                  PartialDate.of(dob.year() - 1, 1, 1)));
      assertThat(date.mismatchedField()).contains(CitizenField.DATE_OF_BIRTH);

      assertThat(client.check(OPERATOR, request(none)).status())
          .isEqualTo(CardCheckResult.Status.NOT_FOUND);

      assertThatThrownBy(
              () ->
                  client.check(
                      OperatorContext.of("000.00.00.H10", "CB-TEST-01", "1.004227", "test"),
                      request(valid)))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("officerName"));
    }
  }

  @Test
  void bhxhRefreshesItsTokenAfterTheGatewayRefusesItAndRidesOutFaults() {
    SyntheticCitizen valid = withCard(true).orElseThrow();
    try (GatewaySimulator faulty =
            sim(FaultSpec.parse("expiredtoken:0.3,429:0.1,reset:0.05,truncate:0.05"));
        HealthInsuranceClient client =
            builder(faulty, GatewayProfile.BHXH).buildHealthInsuranceClient()) {
      for (int i = 0; i < 30; i++) {
        assertThat(client.check(OPERATOR, request(valid)).status())
            .isEqualTo(CardCheckResult.Status.VALID);
      }
      assertThat(faulty.counters()).containsKeys("expiredtoken", "429");
    }
  }

  @Test
  void bhxhRefusesAWrongPasswordAsATokenFailure(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path wrong = dir.resolve("pw");
    java.nio.file.Files.writeString(wrong, "not-the-password\n");
    try (HealthInsuranceClient client =
        builder(clean, GatewayProfile.BHXH).clientSecret(wrong).buildHealthInsuranceClient()) {
      SyntheticCitizen valid = withCard(true).orElseThrow();
      assertThatThrownBy(() -> client.check(OPERATOR, request(valid)))
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
    }
  }

  @Test
  void theStartLineNamesEveryProfile() {
    assertThat(clean.startLine())
        .contains("\"lgsp\":\"" + clean.rootUri() + "lgsp/\"")
        .contains("\"bhxh\":\"" + clean.rootUri() + "bhxh/\"")
        .contains("bhxhPasswordFile");
  }
}
