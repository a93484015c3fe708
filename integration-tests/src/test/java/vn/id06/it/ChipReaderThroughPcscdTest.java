package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.testkit.SystemTests;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;
import vn.id06.testkit.card.VpcdConnection;

/**
 * id06's reader reads the virtual card through a real pcscd and the JDK's own PC/SC provider, as it
 * reads a physical reader: the card is attached to the vsmartcard vpcd driver, and the reader only
 * sees the PC/SC terminal "Virtual PCD 00 00". Needs pcscd with the vpcd driver (`.ci/run` starts
 * it); skips with the reason otherwise, fails when ID06_REQUIRE_SYSTEM_TESTS=1.
 */
class ChipReaderThroughPcscdTest {
  private static final String DEBIAN_PCSCLITE = "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1";
  private static final String READER = "Virtual PCD 00 00";

  @Test
  void readsAndProvesTheCardThroughPcscd() throws Exception {
    VirtualCard card = VirtualCard.builder().seed(11).pace(false).build();
    VpcdConnection connection;
    try {
      connection = VpcdConnection.connect(card, "localhost", VpcdConnection.DEFAULT_PORT);
    } catch (UncheckedIOException e) {
      connection = null;
    }
    SystemTests.require(connection != null, "pcscd with the vsmartcard vpcd driver on port 35963");
    if (System.getProperty("sun.security.smartcardio.library") == null
        && Files.exists(Path.of(DEBIAN_PCSCLITE))) {
      System.setProperty("sun.security.smartcardio.library", DEBIAN_PCSCLITE);
    }
    ExecutorService serve = Executors.newSingleThreadExecutor();
    try (VpcdConnection c = connection) {
      Future<Integer> served = serve.submit(c::serve);
      CardTerminal terminal =
          TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(READER);
      assertThat(terminal).as("PC/SC reader %s", READER).isNotNull();
      assertThat(terminal.waitForCardPresent(10_000)).isTrue();
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
      assertThat(served.isDone()).as("the card still serves after the read").isFalse();
    } finally {
      serve.shutdownNow();
    }
  }
}
