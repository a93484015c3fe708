package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void factories() {
    Provenance qr = Provenance.cardQr(T);
    assertThat(qr.level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(qr.source()).isEqualTo("card-qr");
    assertThat(qr.obtainedAt()).isEqualTo(T);
    assertThat(qr.requestId()).isEmpty();
    Provenance self = Provenance.selfDeclared(T);
    assertThat(self.level()).isEqualTo(ProofLevel.SELF_DECLARED);
    assertThat(self.source()).isEqualTo("self-declared");
  }

  @Test
  void nullsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Provenance(null, "gateway", T, Optional.empty()));
    assertThatNullPointerException()
        .isThrownBy(() -> new Provenance(ProofLevel.CARD_QR, "x", T, null));
    assertThatNullPointerException().isThrownBy(() -> Provenance.cardQr(null));
  }

  @Test
  void proofLevelOrder() {
    assertThat(ProofLevel.values())
        .containsExactly(
            ProofLevel.POPULATION_DATABASE,
            ProofLevel.CHIP_AUTHENTICATED,
            ProofLevel.CHIP_PASSIVE_ONLY,
            ProofLevel.CHIP_UNVERIFIED,
            ProofLevel.CARD_QR,
            ProofLevel.SELF_DECLARED);
    assertThat(ProofLevel.POPULATION_DATABASE.atLeast(ProofLevel.CHIP_AUTHENTICATED)).isTrue();
    assertThat(ProofLevel.CHIP_AUTHENTICATED.atLeast(ProofLevel.CHIP_AUTHENTICATED)).isTrue();
    assertThat(ProofLevel.CARD_QR.atLeast(ProofLevel.CHIP_UNVERIFIED)).isFalse();
    assertThat(ProofLevel.SELF_DECLARED.atLeast(ProofLevel.CARD_QR)).isFalse();
    for (ProofLevel p : ProofLevel.values()) {
      assertThat(p.atLeast(ProofLevel.SELF_DECLARED)).isTrue();
    }
  }

  @Test
  void idFindings() {
    for (IdFinding f : IdFinding.values()) {
      assertThat(f.code()).isEqualTo(f.name());
      assertThat(f.description()).isNotBlank().doesNotContainPattern("[0-9]");
    }
  }
}
