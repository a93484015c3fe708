package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.CitizenField;

class ProvenanceTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void factories() {
    Provenance qr = Provenance.cardQr(T);
    assertThat(qr).isInstanceOf(CardQrProvenance.class);
    assertThat(qr.level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(qr.source()).isEqualTo("card-qr");
    assertThat(qr.obtainedAt()).isEqualTo(T);
    Provenance self = Provenance.selfDeclared(T);
    assertThat(self.level()).isEqualTo(ProofLevel.SELF_DECLARED);
    assertThat(self.source()).isEqualTo("declared");
  }

  @Test
  void gatewayLevelFollowsTheSignature() {
    var signed =
        new GatewayProvenance("rest", "req-1", T, new ResponseSignature.Verified("k1", "RS256"));
    assertThat(signed.level()).isEqualTo(ProofLevel.POPULATION_DATABASE);
    assertThat(signed.source()).isEqualTo("gateway");
    var unsigned =
        new GatewayProvenance("lgsp", "req-2", T, new ResponseSignature.NotVerified("unsigned"));
    assertThat(unsigned.level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
    assertThat(unsigned.signature().verified()).isFalse();
  }

  @ParameterizedTest(name = "PA {0}, CA {1}, AA {2} -> {3}")
  @CsvSource({
    "PROVEN, PROVEN, NOT_AVAILABLE, CHIP_AUTHENTICATED",
    "PROVEN, NOT_AVAILABLE, PROVEN, CHIP_AUTHENTICATED",
    "PROVEN, PROVEN, PROVEN, CHIP_AUTHENTICATED",
    "PROVEN, NOT_AVAILABLE, NOT_AVAILABLE, CHIP_PASSIVE_ONLY",
    "PROVEN, FAILED, PROVEN, CHIP_UNVERIFIED",
    "PROVEN, NOT_AVAILABLE, FAILED, CHIP_UNVERIFIED",
    "FAILED, PROVEN, PROVEN, CHIP_UNVERIFIED",
    "NOT_AVAILABLE, PROVEN, NOT_AVAILABLE, CHIP_UNVERIFIED",
  })
  void chipLevel(ProofOutcome pa, ProofOutcome ca, ProofOutcome aa, ProofLevel expected) {
    var p = new ChipProvenance(AccessProtocol.PACE, pa, ca, aa, T);
    assertThat(p.level()).isEqualTo(expected);
    assertThat(p.source()).isEqualTo("chip");
  }

  @Test
  void nullsRejected() {
    assertThatNullPointerException()
        .isThrownBy(
            () -> new GatewayProvenance("rest", null, T, new ResponseSignature.NotVerified("x")));
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new ChipProvenance(
                    AccessProtocol.BAC, null, ProofOutcome.PROVEN, ProofOutcome.PROVEN, T));
    assertThatNullPointerException().isThrownBy(() -> Provenance.cardQr(null));
  }

  @Test
  void proofLevelOrder() {
    assertThat(ProofLevel.values())
        .containsExactly(
            ProofLevel.POPULATION_DATABASE,
            ProofLevel.CHIP_AUTHENTICATED,
            ProofLevel.CHIP_PASSIVE_ONLY,
            ProofLevel.POPULATION_DATABASE_UNVERIFIED,
            ProofLevel.CHIP_UNVERIFIED,
            ProofLevel.CARD_QR,
            ProofLevel.SELF_DECLARED);
    assertThat(ProofLevel.POPULATION_DATABASE.atLeast(ProofLevel.CHIP_AUTHENTICATED)).isTrue();
    assertThat(ProofLevel.CHIP_AUTHENTICATED.atLeast(ProofLevel.CHIP_AUTHENTICATED)).isTrue();
    assertThat(ProofLevel.POPULATION_DATABASE_UNVERIFIED.atLeast(ProofLevel.CHIP_AUTHENTICATED))
        .isFalse();
    assertThat(ProofLevel.POPULATION_DATABASE_UNVERIFIED.atLeast(ProofLevel.CHIP_UNVERIFIED))
        .isTrue();
    assertThat(ProofLevel.POPULATION_DATABASE_UNVERIFIED.atLeast(ProofLevel.CARD_QR)).isTrue();
    assertThat(ProofLevel.CARD_QR.atLeast(ProofLevel.CHIP_UNVERIFIED)).isFalse();
    assertThat(ProofLevel.SELF_DECLARED.atLeast(ProofLevel.CARD_QR)).isFalse();
    for (ProofLevel p : ProofLevel.values()) {
      assertThat(p.atLeast(ProofLevel.SELF_DECLARED)).isTrue();
    }
  }

  @Test
  void sourcedMasksItsValue() {
    var s = new Sourced<>(VietnameseName.of("Nguyễn Thị Hòa"), Provenance.cardQr(T));
    assertThat(s.level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(s.toString()).doesNotContain("Hòa").contains("VietnameseName");
  }

  @Test
  void idFindings() {
    for (IdFinding f : IdFinding.values()) {
      assertThat(f.code()).isEqualTo(f.name());
      assertThat(f.description()).isNotBlank().doesNotContainPattern("[0-9]");
    }
    assertThat(IdInconsistency.of(IdFinding.SEX_MISMATCH).field()).isEqualTo(CitizenField.SEX);
    assertThat(IdInconsistency.of(IdFinding.BIRTH_YEAR_MISMATCH).field())
        .isEqualTo(CitizenField.DATE_OF_BIRTH);
    assertThat(IdInconsistency.of(IdFinding.UNKNOWN_PREFIX).field())
        .isEqualTo(CitizenField.CITIZEN_ID);
  }
}
