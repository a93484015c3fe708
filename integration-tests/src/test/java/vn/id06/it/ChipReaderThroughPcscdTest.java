package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.testkit.card.PcscdReader;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;

/**
 * id06's reader reads the virtual card through a real pcscd and the JDK's own PC/SC provider, as it
 * reads a physical reader: the card is attached to the vsmartcard vpcd driver, and the reader only
 * sees the PC/SC terminal "Virtual PCD 00 00". Needs pcscd with the vpcd driver (`.ci/run` starts
 * it); skips with the reason otherwise, fails when ID06_REQUIRE_SYSTEM_TESTS=1.
 */
class ChipReaderThroughPcscdTest {
  @ParameterizedTest(name = "card with extended length {0}")
  @ValueSource(booleans = {true, false})
  void readsAndProvesTheCardThroughPcscd(boolean extendedLength) throws Exception {
    // Without extended length the card refuses the reader's first extended read with 6700, and
    // the reader goes on in short blocks.
    VirtualCard card =
        VirtualCard.builder().seed(11).pace(false).extendedLength(extendedLength).build();
    try (PcscdReader pcscd = PcscdReader.attach(card)) {
      CardTerminal terminal = pcscd.terminal();
      SyntheticCitizen citizen = card.citizen();
      ChipReadResult r;
      try (ChipCardReader reader =
          ChipCardReader.builder()
              .terminal(terminal)
              .trustAnchors(List.of(card.cscaCertificate()))
              .build()) {
        r =
            reader.read(
                AccessKey.ofCitizenId(
                    citizen.citizenId(), citizen.dateOfBirth(), citizen.dateOfExpiry()));
      }
      assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
      assertThat(r.chipAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
      assertThat(r.activeAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
      assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_AUTHENTICATED);
      assertThat(r.citizen().citizenId().orElseThrow().value()).isEqualTo(citizen.citizenId());
      assertThat(r.face().orElseThrow().size()).isBetween(15_000, 20_000);
      assertThat(r.dataGroup(2).orElseThrow()).isEqualTo(card.file(0x0102));
      assertThat(pcscd.serving()).as("the card still serves after the read").isTrue();
    }
  }
}
