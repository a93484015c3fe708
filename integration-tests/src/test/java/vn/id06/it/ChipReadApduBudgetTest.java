package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import net.sf.scuba.smartcards.TerminalCardService;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;

/**
 * How many APDUs a read costs, against JMRTD (a fixed 223-byte block reader) on the same virtual
 * card over BAC, and the reader's fallbacks when a card refuses a length (6700, 6Cxx) or holds a
 * file beyond offset 32,767.
 */
class ChipReadApduBudgetTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final short[] DATA_FILES = {
    PassportService.EF_DG1, PassportService.EF_DG2, PassportService.EF_DG13, PassportService.EF_SOD
  };

  private static VirtualCard card(boolean extendedLength) {
    return VirtualCard.builder().seed(7).pace(false).extendedLength(extendedLength).build();
  }

  private static ChipReadResult id06(VirtualCard card, boolean extendedLength) {
    SyntheticCitizen c = card.citizen();
    try (ChipCardReader reader =
        ChipCardReader.builder()
            .terminal(card.terminal())
            .clock(CLOCK)
            .trustAnchors(List.of(card.cscaCertificate()))
            .extendedLength(extendedLength)
            .build()) {
      ChipReadResult r =
          reader.read(AccessKey.ofCitizenId(c.citizenId(), c.dateOfBirth(), c.dateOfExpiry()));
      assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_AUTHENTICATED);
      return r;
    }
  }

  /** JMRTD's APDUs for BAC and the data files alone (DG1, DG2, DG13, EF.SOD), proving nothing. */
  @SuppressWarnings("deprecation") // JMRTD 0.7.42's getInputStream(short) has no usable successor
  private static int jmrtdDataOnly(VirtualCard card) throws Exception {
    SyntheticCitizen c = card.citizen();
    int before = card.apduCount();
    PassportService ps =
        new PassportService(
            new TerminalCardService(card.terminal()),
            PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
            PassportService.DEFAULT_MAX_BLOCKSIZE,
            false,
            true);
    try {
      ps.open();
      ps.sendSelectApplet(false);
      ps.doBAC(
          new BACKey(
              c.documentNumber(), YYMMDD.format(c.dateOfBirth()), YYMMDD.format(c.dateOfExpiry())));
      for (short fid : DATA_FILES) {
        try (InputStream in = ps.getInputStream(fid)) {
          assertThat(in.readAllBytes()).isEqualTo(card.file(fid));
        }
      }
    } finally {
      ps.close();
    }
    return card.apduCount() - before;
  }

  @Test
  void withoutExtendedLengthTheWholeProvenReadSendsNoMoreApdusThanJmrtdReadingTheDataAlone()
      throws Exception {
    int jmrtd = jmrtdDataOnly(card(false));
    VirtualCard card = card(false);
    int id06 = id06(card, false).apduCount();
    assertThat(id06).isEqualTo(card.apduCount());
    // id06 also reads EF.CardAccess, EF.COM, DG14 and DG15 and makes chip and active
    // authentication within that budget.
    assertThat(id06).isLessThanOrEqualTo(jmrtd);
  }

  @Test
  void withExtendedLengthTheWholeProvenReadSendsAtMostHalfOfJmrtdsApdus() throws Exception {
    int jmrtd = jmrtdDataOnly(card(true));
    int id06 = id06(card(true), true).apduCount();
    assertThat(id06 * 2).isLessThanOrEqualTo(jmrtd);
  }

  @Test
  void anExtendedReadRefusedWith6700CostsOneApduAndTheReadGoesOnInShortBlocks() {
    VirtualCard shortOnly = card(false);
    ChipReadResult probing = id06(shortOnly, true);
    int told = id06(card(false), false).apduCount();
    assertThat(probing.apduCount()).isEqualTo(told + 1);
    assertThat(probing.dataGroup(2).orElseThrow()).isEqualTo(shortOnly.file(0x0102));
  }

  @ParameterizedTest(name = "extended length {0}")
  @ValueSource(booleans = {true, false})
  void aCardWithASmallerResponseLimitIsFollowedThrough6700And6Cxx(boolean extendedLength) {
    // 200 bytes: a short read of 231 gets 6CAF (175 bytes fit under 3DES); an extended read of
    // thousands gets 6700.
    VirtualCard card =
        VirtualCard.builder()
            .seed(7)
            .pace(false)
            .extendedLength(extendedLength)
            .maxResponseSize(200)
            .build();
    ChipReadResult r = id06(card, true);
    assertThat(r.dataGroup(2).orElseThrow()).isEqualTo(card.file(0x0102));
    assertThat(r.sod().orElseThrow()).isEqualTo(card.file(0x011D));
  }

  @ParameterizedTest(name = "extended length {0}")
  @ValueSource(booleans = {true, false})
  void aFaceBeyondOffset32767IsReadWithTheOddReadBinary(boolean extendedLength) {
    byte[] image = new byte[48_000];
    new Random(5).nextBytes(image);
    image[0] = (byte) 0xFF;
    image[1] = (byte) 0xD8;
    VirtualCard card =
        VirtualCard.builder()
            .seed(7)
            .pace(false)
            .extendedLength(extendedLength)
            .faceImage(image)
            .build();
    ChipReadResult r = id06(card, extendedLength);
    assertThat(card.file(0x0102).length).isGreaterThan(0x8000);
    assertThat(r.dataGroup(2).orElseThrow()).isEqualTo(card.file(0x0102));
    assertThat(r.face().orElseThrow().bytes()).isEqualTo(image);
    // The protected odd READ BINARY (CLA 0C, INS B1) read what lies beyond offset 32,767.
    assertThat(r.apduLog().raw()).contains("> 0CB10000");
    assertThat(r.sod().orElseThrow()).isEqualTo(card.file(0x011D));
  }
}
