package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.cardreader.Discrepancy;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.core.citizen.AccessProtocol;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;

/**
 * The reader (sdk-cardreader) against the virtual card (sdk-testkit): two implementations of ICAO
 * 9303 written apart, so a misreading of the standard on one side shows up here.
 */
class ChipReaderAgainstVirtualCardTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);

  private static ChipReadResult read(VirtualCard card, AccessKey key) {
    return read(card, key, true);
  }

  private static ChipReadResult read(VirtualCard card, AccessKey key, boolean extendedLength) {
    try (ChipCardReader reader =
        ChipCardReader.builder()
            .terminal(card.terminal())
            .clock(CLOCK)
            .trustAnchors(List.of(card.cscaCertificate()))
            .extendedLength(extendedLength)
            .build()) {
      return reader.read(key);
    }
  }

  private static AccessKey printed(SyntheticCitizen c) {
    return AccessKey.ofCitizenId(c.citizenId(), c.dateOfBirth(), c.dateOfExpiry());
  }

  @ParameterizedTest(name = "PACE {0}")
  @ValueSource(booleans = {true, false})
  void aGenuineCardIsReadAndFullyProven(boolean pace) {
    VirtualCard card = VirtualCard.builder().seed(7).pace(pace).build();
    SyntheticCitizen c = card.citizen();
    ChipReadResult r = read(card, pace ? AccessKey.ofCan(c.can()) : printed(c));
    assertThat(r.accessProtocol()).isEqualTo(pace ? AccessProtocol.PACE : AccessProtocol.BAC);
    assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
    assertThat(r.chipAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
    assertThat(r.activeAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
    assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_AUTHENTICATED);
    assertThat(r.citizen().citizenId().orElseThrow().value()).isEqualTo(c.citizenId());
    assertThat(r.citizen().fullName().orElseThrow().sameAs(VietnameseName.of(c.fullName())))
        .isTrue();
    assertThat(r.citizen().fatherName()).isPresent();
    assertThat(r.face().orElseThrow().size()).isBetween(15_000, 20_000);
    assertThat(r.consistency()).isEmpty();
  }

  @Test
  void extendedLengthNeedsFewerThanHalfTheApdusOfShortReads() {
    VirtualCard card = VirtualCard.builder().seed(7).build();
    AccessKey can = AccessKey.ofCan(card.citizen().can());
    int extended = read(card, can).apduCount();
    card.reset();
    int shortOnly = read(card, can, false).apduCount();
    assertThat(extended * 2).isLessThanOrEqualTo(shortOnly);
  }

  @Test
  void aTamperedDataGroupFailsPassiveAuthentication() {
    VirtualCard card = VirtualCard.builder().seed(7).tamperedDataGroup(13).build();
    ChipReadResult r = read(card, AccessKey.ofCan(card.citizen().can()));
    assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.FAILED);
    assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_UNVERIFIED);
  }

  @Test
  void anUntrustedSignerFailsPassiveAuthentication() {
    VirtualCard card = VirtualCard.builder().seed(7).untrustedSigner().build();
    ChipReadResult r = read(card, AccessKey.ofCan(card.citizen().can()));
    assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.FAILED);
  }

  @Test
  void aClonedChipFailsChipAndActiveAuthentication() {
    VirtualCard card = VirtualCard.builder().seed(7).clonedChip().build();
    ChipReadResult r = read(card, AccessKey.ofCan(card.citizen().can()));
    assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
    assertThat(r.chipAuthentication().outcome()).isEqualTo(ProofOutcome.FAILED);
    assertThat(r.activeAuthentication().outcome()).isEqualTo(ProofOutcome.FAILED);
    assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_UNVERIFIED);
  }

  @Test
  void wrongAccessDataIsBadInput() {
    VirtualCard card = VirtualCard.builder().seed(7).pace(false).build();
    SyntheticCitizen c = card.citizen();
    AccessKey wrong =
        AccessKey.ofCitizenId(c.citizenId(), c.dateOfBirth().plusDays(1), c.dateOfExpiry());
    assertThatThrownBy(() -> read(card, wrong))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.ACCESS_REFUSED));
  }

  @Test
  void theQrIsCheckedAgainstTheChipAndTheIdsStructure() {
    VirtualCard card = VirtualCard.builder().seed(7).build();
    ChipReadResult r = read(card, AccessKey.ofCan(card.citizen().can()));
    String address = "12 Đường Số 7, Phường Bình Trị Đông, Quận Bình Tân, Hồ Chí Minh";
    CardQr same =
        CardQrParser.standard()
            .parse("079190012345|025123456|Nguyễn Thị Hòa|14031990|Nữ|" + address + "|20042021");
    assertThat(r.consistencyWith(same)).isEmpty();
    // Born a year later by the QR: the chip disagrees, and so does the ID's own birth year.
    CardQr other =
        CardQrParser.standard()
            .parse("079190012345|025123457|Nguyễn Thị Hòa|14031991|Nữ|" + address + "|20042021");
    assertThat(r.consistencyWith(other))
        .extracting(d -> d.field().orElseThrow(), Discrepancy::detail)
        .contains(
            tuple(CitizenField.DATE_OF_BIRTH, "the chip and the QR differ"),
            tuple(CitizenField.LEGACY_ID, "the chip and the QR differ"))
        .anyMatch(t -> t.toList().get(1).toString().startsWith("the QR and the ID's structure"));
    assertThat(r.consistency()).isEmpty();
  }

  @Test
  void aCardPulledMidReadIsUnavailable() {
    VirtualCard card = VirtualCard.builder().seed(7).pulledAfter(12).build();
    assertThatThrownBy(() -> read(card, AccessKey.ofCan(card.citizen().can())))
        .isInstanceOfSatisfying(
            UnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.CARD_REMOVED));
  }
}
