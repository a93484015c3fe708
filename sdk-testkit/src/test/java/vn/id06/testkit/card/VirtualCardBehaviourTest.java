package vn.id06.testkit.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.LocalDate;
import java.util.Arrays;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.PassportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.citizen.Sex;

/**
 * The card's options and edge cases. Protected commands go through JMRTD's secure-messaging wrapper
 * (after JMRTD's BAC), so the test side does not reuse the card's own code.
 */
class VirtualCardBehaviourTest {

  private static ResponseAPDU send(PassportService ps, int ins, int p1, int p2, byte[] data, int ne)
      throws Exception {
    net.sf.scuba.smartcards.CommandAPDU c =
        data.length == 0
            ? new net.sf.scuba.smartcards.CommandAPDU(0x00, ins, p1, p2, ne)
            : new net.sf.scuba.smartcards.CommandAPDU(0x00, ins, p1, p2, data, ne);
    var wrapper = ps.getWrapper();
    return wrapper.unwrap(ps.transmit(wrapper.wrap(c)));
  }

  private static ResponseAPDU selectAndRead(PassportService ps, int fid, int offset, int ne)
      throws Exception {
    ResponseAPDU s = send(ps, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}, 0);
    assertThat(s.getSW()).isEqualTo(0x9000);
    return send(ps, 0xB0, offset >> 8, offset & 0xFF, new byte[0], ne);
  }

  @Test
  void extendedLengthReadsTheWholeFaceInOneApdu() throws Exception {
    VirtualCard card = VirtualCard.builder().build();
    PassportService ps = JmrtdInteropTest.bac(card);
    byte[] dg2 = card.file(0x0102);
    ResponseAPDU r = selectAndRead(ps, 0x0102, 0, 65536);
    assertThat(r.getSW()).isEqualTo(0x9000);
    assertThat(r.getData()).isEqualTo(dg2);
    assertThat(dg2.length).isBetween(15 * 1024, 21 * 1024);
  }

  @Test
  void maximumResponseSizeBoundsEveryAnswer() throws Exception {
    VirtualCard card = VirtualCard.builder().maxResponseSize(1000).build();
    PassportService ps = JmrtdInteropTest.bac(card);
    assertThat(selectAndRead(ps, 0x0102, 0, 2000).getSW()).isEqualTo(0x6700);
    ResponseAPDU wildcard = selectAndRead(ps, 0x0102, 0, 65536);
    assertThat(wildcard.getSW()).isEqualTo(0x9000);
    // 3DES secure messaging: DO'87' (4 + padded data), DO'99' (4), DO'8E' (10), SW (2) <= 1000.
    assertThat(wildcard.getData().length).isEqualTo(975);
    assertThat(wildcard.getData()).isEqualTo(Arrays.copyOf(card.file(0x0102), 975));
  }

  @Test
  void shortReadLargerThanTheLimitGets6Cxx() throws Exception {
    VirtualCard card = VirtualCard.builder().maxResponseSize(200).build();
    PassportService ps = JmrtdInteropTest.bac(card);
    // 200 bytes = SW (2) + DO'8E' (10) + DO'99' (4) + DO'87' (87 81 L 01 + padded data): 175 plain
    // bytes pad to 176 (196 in all); 176 would pad to 184 (204 in all).
    assertThat(selectAndRead(ps, 0x0102, 0, 0xDF).getSW()).isEqualTo(0x6CAF);
    assertThat(selectAndRead(ps, 0x0102, 0, 0xAF).getData()).hasSize(0xAF);
  }

  @Test
  void withoutExtendedLengthAnExtendedApduGets6700() throws Exception {
    VirtualCard card = VirtualCard.builder().extendedLength(false).build();
    CardChannel ch = card.terminal().connect("*").getBasicChannel();
    assertThat(ch.transmit(new CommandAPDU(Hex.parse("00A4040C07A0000002471001"))).getSW())
        .isEqualTo(0x9000);
    assertThat(ch.transmit(new CommandAPDU(Hex.parse("00B00000000400"))).getSW()).isEqualTo(0x6700);
    PassportService ps = JmrtdInteropTest.bac(card);
    assertThat(selectAndRead(ps, 0x0101, 0, 0x20).getData()).hasSize(0x20);
  }

  @Test
  void withoutExtendedLengthAProtectedExtendedReadGets6700AndTheSessionGoesOn() throws Exception {
    VirtualCard card = VirtualCard.builder().extendedLength(false).build();
    PassportService ps = JmrtdInteropTest.bac(card);
    assertThat(selectAndRead(ps, 0x0102, 0, 2000).getSW()).isEqualTo(0x6700);
    ResponseAPDU next = selectAndRead(ps, 0x0102, 0x10, 0xDF);
    assertThat(next.getSW()).isEqualTo(0x9000);
    assertThat(next.getData()).isEqualTo(Arrays.copyOfRange(card.file(0x0102), 0x10, 0x10 + 0xDF));
  }

  @Test
  void oddInsReadsBeyondOffset32767() throws Exception {
    byte[] image = new byte[40_000];
    new java.util.Random(3).nextBytes(image);
    VirtualCard card = VirtualCard.builder().faceImage(image).build();
    PassportService ps = JmrtdInteropTest.bac(card);
    byte[] dg2 = card.file(0x0102);
    assertThat(dg2.length).isGreaterThan(40_000);
    // P1-P2 = 0102 selects DG2; DO'54' = 008100 is the offset 33,024. Ne bounds the whole
    // response data field, the '53' object's two header bytes included.
    ResponseAPDU odd = send(ps, 0xB1, 0x01, 0x02, Hex.parse("5403008100"), 0x80);
    assertThat(odd.getSW()).isEqualTo(0x9000);
    assertThat(odd.getData())
        .isEqualTo(Tlv.of(0x53, Arrays.copyOfRange(dg2, 0x8100, 0x8100 + 0x7E)));
  }

  @Test
  void oddInsReadAndShortFileIdentifiers() throws Exception {
    VirtualCard card = VirtualCard.builder().build();
    PassportService ps = JmrtdInteropTest.bac(card);
    byte[] dg1 = card.file(0x0101);
    ResponseAPDU odd = send(ps, 0xB1, 0x01, 0x01, Hex.parse("540105"), 256);
    assertThat(odd.getSW()).isEqualTo(0x9000);
    assertThat(odd.getData()).isEqualTo(Tlv.of(0x53, Arrays.copyOfRange(dg1, 5, dg1.length)));
    ResponseAPDU sfi = send(ps, 0xB0, 0x81, 0x00, new byte[0], 4);
    assertThat(sfi.getData()).isEqualTo(Arrays.copyOf(dg1, 4));
  }

  @Test
  void accessRulesAndStatusWords() throws Exception {
    VirtualCard card = VirtualCard.builder().build();
    CardChannel ch = card.terminal().connect("*").getBasicChannel();
    // Before the application: only EF.CardAccess; SELECT MF is unknown, as on the real card.
    assertThat(sw(ch, "00A4000C023F00")).isEqualTo(0x6D00);
    assertThat(sw(ch, "00A4020C02011E")).isEqualTo(0x6A82);
    assertThat(sw(ch, "00A4020C02011C")).isEqualTo(0x9000);
    assertThat(ch.transmit(new CommandAPDU(Hex.parse("00B0000000"))).getData())
        .isEqualTo(card.file(0x011C));
    assertThat(sw(ch, "00B0010000")).isEqualTo(0x6B00);
    assertThat(sw(ch, "00A4040C07A0000002471002")).isEqualTo(0x6A82);
    assertThat(sw(ch, "00A4040C07A0000002471001")).isEqualTo(0x9000);
    // Without access, LDS files are selectable but not readable.
    assertThat(sw(ch, "00A4020C020101")).isEqualTo(0x9000);
    assertThat(sw(ch, "00B0000004")).isEqualTo(0x6982);
    assertThat(sw(ch, "0088000008" + "0102030405060708")).isEqualTo(0x6982);
    assertThat(sw(ch, "00CA000000")).isEqualTo(0x6D00);
    assertThat(ch.transmit(new CommandAPDU(Hex.parse("00A4020002011C"))).getData())
        .isEqualTo(Hex.parse("620B800200168201018302011C"));
    assertThat(card.transmit(Hex.parse("00A4"))).isEqualTo(Hex.parse("6700"));
    assertThat(card.transmit(Hex.parse("00A4040C05A000"))).isEqualTo(Hex.parse("6700"));
    assertThat(card.transmit(Hex.parse("0CB0000000"))).isEqualTo(Hex.parse("6987"));
    // DG3 needs terminal authentication, which the card does not offer.
    PassportService ps = JmrtdInteropTest.bac(card);
    assertThat(selectAndRead(ps, 0x0103, 0, 8).getSW()).isEqualTo(0x6982);
    assertThat(selectAndRead(ps, 0x0101, 0x0400, 8).getSW()).isEqualTo(0x6B00);
  }

  private static int sw(CardChannel ch, String hex) throws Exception {
    return ch.transmit(new CommandAPDU(Hex.parse(hex))).getSW();
  }

  @Test
  void withoutPaceThereIsNoCardAccess() throws Exception {
    VirtualCard card = VirtualCard.builder().pace(false).build();
    assertThatThrownBy(() -> card.file(0x011C)).isInstanceOf(IllegalArgumentException.class);
    CardChannel ch = card.terminal().connect("T=1").getBasicChannel();
    assertThat(sw(ch, "00A4020C02011C")).isEqualTo(0x6A82);
    assertThat(sw(ch, "0022C1A40F800A04007F00070202040202830101")).isEqualTo(0x9000);
  }

  @Test
  void pulledCardIsAbsentEverywhere() throws Exception {
    VirtualCard card = VirtualCard.builder().pulledAfter(1).build();
    var terminal = card.terminal();
    CardChannel ch = terminal.connect("*").getBasicChannel();
    assertThat(sw(ch, "00A4040C07A0000002471001")).isEqualTo(0x9000);
    assertThatThrownBy(() -> sw(ch, "00A4040C07A0000002471001"))
        .isInstanceOf(CardNotPresentException.class);
    assertThatThrownBy(() -> card.transmit(new byte[4]))
        .isInstanceOf(CardPulledException.class)
        .extracting(e -> ((vn.id06.core.UnavailableException) e).kind())
        .isEqualTo(vn.id06.core.UnavailableException.Kind.CARD_REMOVED);
    assertThat(terminal.isCardPresent()).isFalse();
    assertThat(terminal.waitForCardAbsent(0)).isTrue();
    assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);
  }

  @Test
  void mrzMatchesThePublishedVietnameseSample() {
    // The synthetic TD1 sample of the Vietnamese card layout (three lines of 30).
    String expected =
        "IDVNM0990123459001099012345<<0"
            + "9901018M3901016VNM<<<<<<<<<<<0"
            + "NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<";
    assertThat(
            Mrz.td1(
                "001099012345",
                LocalDate.of(1999, 1, 1),
                Sex.MALE,
                LocalDate.of(2039, 1, 1),
                "Nguyễn Văn A"))
        .isEqualTo(expected);
    assertThat(Mrz.nameLine("Ksor H'Bơ")).isEqualTo("KSOR<<HBO<<<<<<<<<<<<<<<<<<<<<");
    assertThat(Mrz.nameLine("Đặng Thị Ánh")).startsWith("DANG<<THI<ANH<");
  }

  @Test
  void dg13CarriesTheFieldsByNumberInUtf8() {
    SyntheticCitizen c = SyntheticCitizen.ksorHBo();
    byte[] dg13 = LdsFiles.dg13(c);
    var outer = Tlv.parse(dg13);
    assertThat(outer.get(0).tag()).isEqualTo(0x6D);
    var seq = Tlv.parse(Tlv.parse(outer.get(0).value()).get(0).value());
    assertThat(Hex.of(Tlv.of(seq.get(1).tag(), seq.get(1).value()))).isEqualTo("060628D316010008");
    var fields = Tlv.parse(seq.get(2).value());
    String[] byNumber = new String[16];
    for (var f : fields) {
      var parts = Tlv.parse(f.value());
      int n = parts.get(0).value()[0];
      if (parts.get(1).tag() == 0x0C) {
        byNumber[n] = new String(parts.get(1).value(), StandardCharsets.UTF_8);
      }
    }
    assertThat(byNumber[1]).isEqualTo("064185004321");
    assertThat(byNumber[2]).isEqualTo("Ksor H'Bơ");
    assertThat(byNumber[3]).isEqualTo("02/11/1985");
    assertThat(byNumber[4]).isEqualTo("Nữ");
    assertThat(byNumber[9]).isEqualTo("Plei Ơi, Xã Ia Mơ Nông, Huyện Chư Păh, Gia Lai");
    assertThat(byNumber[12]).isEqualTo("02/11/2045");
    assertThat(byNumber[15]).isNull();
  }

  @Test
  void faceIsADeterministicJpegOf15To20Kb() {
    byte[] a = FaceJpeg.generate(6);
    assertThat(a).isEqualTo(FaceJpeg.generate(6));
    assertThat(a).isNotEqualTo(FaceJpeg.generate(7));
    assertThat(a.length).isBetween(15 * 1024, 20 * 1024);
    assertThat(Arrays.copyOf(a, 3)).isEqualTo(Hex.parse("FFD8FF"));
  }

  @Test
  void exportsTheCscaAsPemAndDer(@TempDir Path dir) throws Exception {
    VirtualCard card = VirtualCard.builder().build();
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (String name : new String[] {"csca.pem", "csca.der"}) {
      Path f = card.exportCsca(dir.resolve(name));
      var cert = cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(f)));
      assertThat(cert).isEqualTo(card.cscaCertificate());
    }
    assertThat(Files.readString(dir.resolve("csca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    // The same seed gives the same CSCA key (ECDSA signatures themselves are randomised).
    assertThat(VirtualCard.builder().build().cscaCertificate().getPublicKey())
        .isEqualTo(card.cscaCertificate().getPublicKey());
    assertThat(VirtualCard.builder().seed(7).build().cscaCertificate().getPublicKey())
        .isNotEqualTo(card.cscaCertificate().getPublicKey());
  }

  @Test
  void atrHasAValidCheckByte() {
    byte[] atr = VirtualCard.builder().build().atr();
    int x = 0;
    for (int i = 1; i < atr.length; i++) {
      x ^= atr[i];
    }
    assertThat(x).isZero();
    assertThat(atr[0]).isEqualTo((byte) 0x3B);
  }

  @Test
  void citizenValidatesAndMasks() {
    SyntheticCitizen c = SyntheticCitizen.nguyenThiHoa();
    assertThat(c.toString())
        .contains("079*******45")
        .doesNotContain("Hòa")
        .doesNotContain("190012");
    assertThat(c.documentNumber()).isEqualTo("190012345");
    assertThatThrownBy(() -> VirtualCard.builder().lyingLength(4, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VirtualCard.builder().maxResponseSize(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VirtualCard.builder().pulledAfter(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
