package vn.id06.it.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.id06.core.CitizenField;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.LifeStatus;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.gateway.FieldVerification;
import vn.id06.core.gateway.HealthInsuranceCardCheck;
import vn.id06.core.gateway.HealthInsuranceClient;
import vn.id06.core.gateway.LookupRequest;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.RequestStatus;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/** Every REST operation against the simulator over HTTPS, answers signed with RS256. */
class PopulationGatewayTest {

  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY = GatewaySimulatorExtension.defaults();

  static VerificationRequest exact(SyntheticCitizen c) {
    return VerificationRequest.of(
        CitizenId.parse(c.citizenId()),
        VietnameseName.of(c.fullName()),
        PartialDate.parseIso("dateOfBirth", c.dateOfBirth()),
        Sex.valueOf(c.sex()));
  }

  @Test
  void verifyMatchesADumpedSubjectAndExplainsAWrongBirthDate() {
    GatewaySimulator sim = GATEWAY.simulator();
    SyntheticCitizen c = sim.population().citizen(42);
    try (PopulationDataClient client = Clients.builder(sim).buildPopulationDataClient()) {
      VerificationResult ok = client.verify(Clients.OPERATOR, exact(c));
      assertThat(ok.result()).isEqualTo(VerificationOutcome.MATCH);
      assertThat(ok.fields()).hasSize(3);
      assertThat(ok.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
      assertThat(ok.lifeStatus()).contains(LifeStatus.valueOf(c.lifeStatus()));

      PartialDate held = PartialDate.parseIso("dateOfBirth", c.dateOfBirth());
      PartialDate wrong = PartialDate.of(held.year() - 3, 1, 1);
      VerificationResult bad =
          client.verify(
              Clients.OPERATOR,
              VerificationRequest.of(
                  CitizenId.parse(c.citizenId()), VietnameseName.of(c.fullName()), wrong, null));
      assertThat(bad.result()).isEqualTo(VerificationOutcome.MISMATCH);
      assertThat(bad.field(CitizenField.DATE_OF_BIRTH))
          .contains(
              new FieldVerification(
                  CitizenField.DATE_OF_BIRTH, VerificationOutcome.MISMATCH, false));
      assertThat(bad.field(CitizenField.FULL_NAME).map(FieldVerification::result))
          .contains(VerificationOutcome.MATCH);
      assertThat(bad.requestId()).isNotEqualTo(ok.requestId());
    }
  }

  @Test
  void aNameInCapitalsWithoutItsSpacingMismatchesButIsExplainedByNormalisation() {
    GatewaySimulator sim = GATEWAY.simulator();
    SyntheticCitizen c = sim.population().citizen(7);
    String shouted = "  " + c.fullName().toUpperCase(java.util.Locale.ROOT).replace(" ", "   ");
    try (PopulationDataClient client = Clients.builder(sim).buildPopulationDataClient()) {
      VerificationResult r =
          client.verify(
              Clients.OPERATOR,
              VerificationRequest.of(
                  CitizenId.parse(c.citizenId()), VietnameseName.of(shouted), null, null));
      assertThat(r.field(CitizenField.FULL_NAME))
          .contains(
              new FieldVerification(CitizenField.FULL_NAME, VerificationOutcome.MISMATCH, true));
    }
  }

  @Test
  void anUnknownIdIsNotFound() {
    GatewaySimulator sim = GATEWAY.simulator();
    try (PopulationDataClient client = Clients.builder(sim).buildPopulationDataClient()) {
      VerificationResult r =
          client.verify(
              Clients.OPERATOR,
              VerificationRequest.of(
                  CitizenId.parse("001099000001"), null, PartialDate.of(1999), null));
      // Citizen 001099000001 may exist by chance only if the generator produced exactly it.
      if (sim.population().byCitizenId("001099000001").isEmpty()) {
        assertThat(r.result()).isEqualTo(VerificationOutcome.NOT_FOUND);
        assertThat(r.lifeStatus()).isEmpty();
      }
    }
  }

  @Test
  void lookupReturnsOnlyTheFieldsAskedForWithGatewayProvenance() {
    GatewaySimulator sim = GATEWAY.simulator();
    SyntheticCitizen c = sim.population().citizen(99);
    try (PopulationDataClient client = Clients.builder(sim).buildPopulationDataClient()) {
      Optional<CitizenRecord> r =
          client.lookup(
              Clients.OPERATOR,
              LookupRequest.of(
                  CitizenId.parse(c.citizenId()),
                  EnumSet.of(
                      CitizenField.FULL_NAME,
                      CitizenField.DATE_OF_BIRTH,
                      CitizenField.PERMANENT_ADDRESS),
                  "HS-2026-000123"));
      assertThat(r).isPresent();
      CitizenRecord rec = r.get();
      assertThat(rec.fullName().map(VietnameseName::value)).contains(c.fullName());
      assertThat(rec.dateOfBirth().map(PartialDate::toIso)).contains(c.dateOfBirth());
      assertThat(rec.permanentAddress()).isPresent();
      assertThat(rec.sex()).isEmpty();
      assertThat(rec.citizenId()).isEmpty();
      assertThat(rec.provenance()).isInstanceOf(GatewayProvenance.class);
      assertThat(rec.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
    }
  }

  @Test
  void batchAndStreamingVerificationKeepInputOrder() {
    GatewaySimulator sim = GATEWAY.simulator();
    List<SyntheticCitizen> people =
        LongStream.range(0, 2_500).mapToObj(sim.population()::citizen).collect(Collectors.toList());
    try (PopulationDataClient client =
        Clients.builder(sim).batchSize(300).maxInFlight(3).buildPopulationDataClient()) {
      List<VerificationResult> batch =
          client.verifyBatch(
              Clients.OPERATOR,
              people.subList(0, 1000).stream().map(PopulationGatewayTest::exact).toList());
      assertThat(batch).hasSize(1000).allMatch(r -> r.result() == VerificationOutcome.MATCH);

      // Every third subject gets a wrong sex: the mismatches must come back at exactly those
      // places.
      List<VerificationRequest> in =
          LongStream.range(0, people.size())
              .mapToObj(
                  i -> {
                    SyntheticCitizen c = people.get((int) i);
                    Sex s = Sex.valueOf(c.sex());
                    if (i % 3 == 0) {
                      s = s == Sex.MALE ? Sex.FEMALE : Sex.MALE;
                    }
                    return VerificationRequest.of(CitizenId.parse(c.citizenId()), null, null, s);
                  })
              .toList();
      List<VerificationOutcome> out =
          client
              .verifyAll(Clients.OPERATOR, in.iterator())
              .map(VerificationResult::result)
              .toList();
      assertThat(out).hasSize(people.size());
      for (int i = 0; i < out.size(); i++) {
        assertThat(out.get(i))
            .as("subject %d", i)
            .isEqualTo(i % 3 == 0 ? VerificationOutcome.MISMATCH : VerificationOutcome.MATCH);
      }
    }
  }

  @Test
  void healthInsuranceCardByIdAndRequestStatus() {
    GatewaySimulator sim = GATEWAY.simulator();
    SyntheticCitizen c =
        LongStream.range(0, 100)
            .mapToObj(sim.population()::citizen)
            .filter(x -> x.insuranceCard().isPresent())
            .findFirst()
            .orElseThrow();
    try (HealthInsuranceClient client = Clients.builder(sim).buildHealthInsuranceClient()) {
      Optional<HealthInsuranceCardCheck> card =
          client.lookup(Clients.OPERATOR, CitizenId.parse(c.citizenId()));
      assertThat(card).isPresent();
      assertThat(card.get().socialInsuranceNumber())
          .isEqualTo(c.insuranceCard().get().socialInsuranceNumber())
          .hasSize(10);
      assertThat(card.get().facilityCode()).isEqualTo(c.insuranceCard().get().facilityCode());
      assertThat(card.get().toString()).doesNotContain(card.get().cardNumber());
    }
    try (PopulationDataClient client = Clients.builder(sim).buildPopulationDataClient()) {
      VerificationResult r = client.verify(Clients.OPERATOR, exact(c));
      RequestStatus st = client.requestStatus(Clients.OPERATOR, r.requestId());
      assertThat(st.state()).isEqualTo(RequestStatus.State.COMPLETED);
      assertThat(st.operation()).contains("verify");
      assertThat(client.requestStatus(Clients.OPERATOR, "id06-never-sent").state())
          .isEqualTo(RequestStatus.State.UNKNOWN);
    }
  }

  @Test
  void aClientWithoutJwksIsRefusedUnlessUnsignedIsExplicitlyAllowed() {
    GatewaySimulator sim = GATEWAY.simulator();
    var b =
        PopulationDataClient.builder()
            .gateway(sim.rootUri())
            .client(GatewaySimulator.CLIENT_ID, sim.audience())
            .clientKey(sim.clientKeyFile())
            .trustAnchors(sim.caCertificateFile());
    assertThatThrownBy(b::buildPopulationDataClient)
        .isInstanceOf(vn.id06.core.InvalidInputException.class)
        .hasMessageContaining("jwks");
    try (PopulationDataClient client = b.allowUnsignedResponses(true).buildPopulationDataClient()) {
      VerificationResult r = client.verify(Clients.OPERATOR, exact(sim.population().citizen(1)));
      assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
    }
  }
}
