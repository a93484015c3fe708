package vn.id06.testkit.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import net.sf.scuba.smartcards.TerminalCardService;
import org.jmrtd.PassportService;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.Test;

/**
 * The virtual card through a real pcscd: attached to the vsmartcard vpcd driver, it is read with
 * the JDK's own PC/SC provider by JMRTD over BAC. Needs pcscd running with the vpcd driver.
 */
class VpcdSystemTest {
  @Test
  // JMRTD 0.7.42 deprecates getInputStream(short) without a usable replacement in this version.
  @SuppressWarnings("deprecation")
  void jmrtdReadsTheCardThroughPcscd() throws Exception {
    VirtualCard card = VirtualCard.builder().build();
    try (PcscdReader pcscd = PcscdReader.attach(card)) {
      CardTerminal terminal = pcscd.terminal();
      // Raw APDUs through the JDK's PC/SC bridge, extended length included.
      javax.smartcardio.Card raw = terminal.connect("*");
      javax.smartcardio.CardChannel ch = raw.getBasicChannel();
      assertThat(ch.transmit(new CommandAPDU(Hex.parse("00A4000C023F00"))).getSW())
          .isEqualTo(0x6D00);
      assertThat(ch.transmit(new CommandAPDU(Hex.parse("00A4020C02011C"))).getSW())
          .isEqualTo(0x9000);
      ResponseAPDU access = ch.transmit(new CommandAPDU(Hex.parse("00B0000000FFFF")));
      assertThat(access.getSW()).isEqualTo(0x9000);
      assertThat(access.getData()).isEqualTo(card.file(0x011C));
      raw.disconnect(true);
      PassportService ps =
          new PassportService(
              new TerminalCardService(terminal),
              PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
              PassportService.DEFAULT_MAX_BLOCKSIZE,
              false,
              true);
      ps.open();
      ps.sendSelectApplet(false);
      ps.doBAC(JmrtdInteropTest.bacKey(card.citizen()));
      byte[] com;
      try (InputStream in = ps.getInputStream(PassportService.EF_COM)) {
        com = in.readAllBytes();
      }
      byte[] dg1;
      try (InputStream in = ps.getInputStream(PassportService.EF_DG1)) {
        dg1 = in.readAllBytes();
      }
      ps.close();
      assertThat(com).isEqualTo(card.file(0x011E));
      assertThat(dg1).isEqualTo(card.file(0x0101));
      assertThat(new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo().getDocumentNumber())
          .isEqualTo(card.citizen().documentNumber());
      // The reader sees the card removed; serving ends.
      assertThat(pcscd.detach(10)).isGreaterThanOrEqualTo(5);
    }
  }
}
