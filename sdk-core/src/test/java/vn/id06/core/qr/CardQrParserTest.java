package vn.id06.core.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.citizen.Sex;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.text.Repair;
import vn.id06.core.text.RepairKind;

class CardQrParserTest {
  // Synthetic person: Hồ Chí Minh prefix 079, male born in the 1990s.
  static final String ID = "079090001234";
  static final String NAME = "Nguyễn Văn Thử";
  static final String ADDRESS = "Số 12 Đường Mẫu, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh";
  static final String CLEAN = ID + "|025123456|" + NAME + "|15031990|Nam|" + ADDRESS + "|10072021";

  private final Clock clock = CardQrGoldenTest.CLOCK;
  private final CardQrParser parser = CardQrParser.builder().clock(clock).build();

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  private InvalidInputException fails(String qr) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> parser.parse(qr));
    assertThat(e).as("should fail").isNotNull();
    assertThat(e.getMessage()).doesNotContain(ID, "Nguy", "Thử", "1990", "Mẫu");
    return e;
  }

  @Test
  void parsesTheCleanLayout() {
    CardQr qr = parser.parse(CLEAN);
    assertThat(qr.kind()).isEqualTo(CardQrKind.CCCD_2021);
    assertThat(qr.record().citizenId().orElseThrow().value()).isEqualTo(ID);
    assertThat(qr.record().sex()).contains(Sex.MALE);
    assertThat(qr.record().issueDate()).contains(LocalDate.of(2021, 7, 10));
    assertThat(qr.repairs()).isEmpty();
    assertThat(qr.inconsistencies()).isEmpty();
    assertThat(qr.extraFields()).isEmpty();
    assertThat(qr.healthInsurance()).isEmpty();
    assertThat(qr.record().provenance().obtainedAt()).isEqualTo(clock.instant());
  }

  @Test
  void equalInputsGiveEqualResults() {
    CardQrParser other = CardQrParser.builder().clock(clock).build();
    CardQr a = parser.parse(CLEAN);
    CardQr b = other.parse(CLEAN.getBytes(StandardCharsets.UTF_8));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(parser.parse(CLEAN + "|15032030"));
    assertThat(a).isNotEqualTo(parser.parse(bhyt("7931234567", "1978", "1", "01/01/2024", "-")));
  }

  @Test
  void standardParserWorks() {
    assertThat(CardQrParser.standard().parse(CLEAN).kind()).isEqualTo(CardQrKind.CCCD_2021);
  }

  @Test
  void toStringMasksPersonalData() {
    CardQr qr = parser.parse(CLEAN);
    assertThat(qr.toString())
        .contains("079*******34", "CCCD_2021")
        .doesNotContain(ID, "025123456", "Nguy", "Thử", "1990", "2021-07", "Mẫu", "Nam");
  }

  @Test
  void shortLayoutIsDetectedByContentNotPosition() {
    String shortQr = ID + "|" + NAME + "|15031990|Nam|" + ADDRESS + "|10072021";
    CardQr qr = parser.parse(shortQr);
    assertThat(qr.kind()).isEqualTo(CardQrKind.CCCD_2021_SHORT);
    assertThat(qr.record().legacyId()).isEmpty();
    assertThat(qr.record().fullName().orElseThrow().value()).isEqualTo(NAME);
  }

  @Test
  void shortLayoutWithExpiry() {
    String shortQr = ID + "|" + NAME + "|15031990|Nam|" + ADDRESS + "|10072021|15032030";
    CardQr qr = parser.parse(shortQr);
    assertThat(qr.kind()).isEqualTo(CardQrKind.CCCD_2021_SHORT);
    assertThat(qr.record().expiry()).contains(DocumentExpiry.on(LocalDate.of(2030, 3, 15)));
  }

  @Test
  void sevenFieldsWithOldIdSlotButNoIssueDateIsRefused() {
    InvalidInputException e = fails(ID + "|025123456|" + NAME + "|15031990|Nam|" + ADDRESS);
    assertThat(e.reason()).isEqualTo(InputReason.WRONG_FIELD_COUNT);
  }

  @Test
  void eighthFieldThatIsNoDateMakesA2024Card() {
    CardQr qr = parser.parse(CLEAN + "|001090009999");
    assertThat(qr.kind()).isEqualTo(CardQrKind.CAN_CUOC_2024);
    assertThat(qr.extraFields()).containsExactly("001090009999");
    assertThat(qr.record().expiry()).isEmpty();
  }

  @Test
  void emptyEighthFieldIsATrailingSeparator() {
    CardQr qr = parser.parse(CLEAN + "|");
    assertThat(qr.kind()).isEqualTo(CardQrKind.CCCD_2021);
    assertThat(qr.extraFields()).isEmpty();
  }

  @Test
  void twentyTwentyFourKeepsEmptyExtraFields() {
    CardQr qr = parser.parse(CLEAN + "||Lê Văn Bố|");
    assertThat(qr.kind()).isEqualTo(CardQrKind.CAN_CUOC_2024);
    assertThat(qr.extraFields()).containsExactly("", "Lê Văn Bố", "");
  }

  @Test
  void expiryBeforeIssueIsImpossible() {
    InvalidInputException e = fails(CLEAN + "|01012020");
    assertThat(e.field()).isEqualTo("expiryDate");
    assertThat(e.reason()).isEqualTo(InputReason.IMPOSSIBLE_DATE);
  }

  @Test
  void issueDateInTheFutureIsRefused() {
    InvalidInputException e = fails(CLEAN.replace("10072021", "10072099"));
    assertThat(e.field()).isEqualTo("issueDate");
    assertThat(e.reason()).isEqualTo(InputReason.FUTURE_DATE);
  }

  @Test
  void futureIsDecidedByTheInjectedClockInItsZone() {
    // The clock reads 2025-06-01 10:00 in Hồ Chí Minh City (03:00 UTC).
    String born = "079225001234|||15031990|Nam|" + ADDRESS + "|01062025";
    String today = born.replace("|||15031990", "||" + NAME + "|01062025");
    assertThat(parser.parse(today).record().dateOfBirth().orElseThrow().toIso())
        .isEqualTo("2025-06-01");
    InvalidInputException e = fails(today.replace("|01062025|Nam", "|02062025|Nam"));
    assertThat(e.field()).isEqualTo("dateOfBirth");
    assertThat(e.reason()).isEqualTo(InputReason.FUTURE_DATE);
  }

  @Test
  void birthAfterIssueIsImpossible() {
    String qr = "079022001234|025123456|" + NAME + "|15032022|Nam|" + ADDRESS + "|10072021";
    InvalidInputException e = fails(qr);
    assertThat(e.field()).isEqualTo("issueDate");
    assertThat(e.reason()).isEqualTo(InputReason.IMPOSSIBLE_DATE);
  }

  @Test
  void bothInconsistenciesAreReported() {
    // ID says female (G = 1) born 1985; fields say Nam, 1990.
    String qr = "079185001234|025123456|" + NAME + "|15031990|Nam|" + ADDRESS + "|10072021";
    CardQr parsed = parser.parse(qr);
    assertThat(parsed.inconsistencies())
        .containsExactlyInAnyOrder(
            new IdInconsistency(CitizenField.SEX, IdFinding.SEX_MISMATCH),
            new IdInconsistency(CitizenField.DATE_OF_BIRTH, IdFinding.BIRTH_YEAR_MISMATCH));
  }

  @Test
  void tooLongIsRefusedBeforeAnyWork() {
    CardQrParser small = CardQrParser.builder().clock(clock).maxInputLength(10).build();
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> small.parse(CLEAN));
    assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
    // Even garbage that would fail otherwise reports TOO_LONG: the length is checked first.
    e = catchThrowableOfType(InvalidInputException.class, () -> small.parse("\u0000".repeat(11)));
    assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
    e = catchThrowableOfType(InvalidInputException.class, () -> small.parse(new byte[100]));
    assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
    e = catchThrowableOfType(InvalidInputException.class, () -> parser.parse("x".repeat(4097)));
    assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
  }

  @Test
  void builderRejectsNonPositiveLimit() {
    assertThatThrownBy(() -> CardQrParser.builder().maxInputLength(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullAndEmptyAreEmpty() {
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> parser.parse((String) null))
                .reason())
        .isEqualTo(InputReason.EMPTY);
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> parser.parse((byte[]) null))
                .reason())
        .isEqualTo(InputReason.EMPTY);
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> parser.parse(new byte[0]))
                .reason())
        .isEqualTo(InputReason.EMPTY);
    assertThat(fails("\uFEFF \r\n").reason()).isEqualTo(InputReason.EMPTY);
  }

  @Test
  void lineBreakInsideIsMalformed() {
    assertThat(fails(CLEAN.replace("|Nam|", "|Nam\n|")).reason()).isEqualTo(InputReason.MALFORMED);
  }

  @Test
  void brokenSurrogateIsBinary() {
    assertThat(fails(CLEAN.replace("Thử", "Th\uD800")).reason()).isEqualTo(InputReason.BINARY_DATA);
  }

  @Test
  void tooManyFieldsIsWrongCount() {
    assertThat(fails(CLEAN + "|x".repeat(70)).reason()).isEqualTo(InputReason.WRONG_FIELD_COUNT);
  }

  @Test
  void wrongFieldCountsAreRefused() {
    assertThat(fails(ID + "|" + NAME + "|15031990|Nam|" + ADDRESS).reason())
        .isEqualTo(InputReason.WRONG_FIELD_COUNT);
    assertThat(fails(ID + "|" + NAME + "|15031990|Nam|" + ADDRESS + "|10072021|x|y").reason())
        .isEqualTo(InputReason.WRONG_FIELD_COUNT);
  }

  @Test
  void legacyIdIsChecked() {
    InvalidInputException e = fails(CLEAN.replace("|025123456|", "|0251|"));
    assertThat(e.field()).isEqualTo("legacyId");
  }

  @Test
  void emptyNameIsRefused() {
    InvalidInputException e = fails(CLEAN.replace(NAME, " "));
    assertThat(e.field()).isEqualTo("fullName");
    assertThat(e.reason()).isEqualTo(InputReason.EMPTY);
  }

  @Test
  void emptyAddressIsAbsent() {
    assertThat(parser.parse(CLEAN.replace(ADDRESS, "")).record().permanentAddress()).isEmpty();
  }

  @Test
  void bytesInUtf8ReportRepairsPerField() {
    String damaged =
        CLEAN.replace(
            NAME,
            new String(NAME.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252")));
    CardQr qr = parser.parse(damaged.getBytes(StandardCharsets.UTF_8));
    assertThat(qr.repairs())
        .containsExactly(
            new Repair(
                CitizenField.fromJsonName("fullName").orElseThrow(),
                RepairKind.UTF8_READ_AS_CP1252));
    assertThat(qr.record().fullName().orElseThrow().value()).isEqualTo(NAME);
  }

  @Test
  void bytesWithBomAndCrLf() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (CLEAN + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertThat(parser.parse(all).kind()).isEqualTo(CardQrKind.CCCD_2021);
  }

  @Test
  void binaryBytesAreRefused() {
    byte[] garbage = new byte[64];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 0x81);
    }
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> parser.parse(garbage));
    assertThat(e).isNotNull();
  }

  // ---- BHYT -----------------------------------------------------------------------------------

  static String bhyt(String card, String dob, String sex, String from, String to) {
    return card
        + "|"
        + hex("Phạm Thị Thử")
        + "|"
        + dob
        + "|"
        + sex
        + "|"
        + hex("Phường Mẫu, Thành phố Quy Nhơn, Tỉnh Bình Định")
        + "|52 - 012|"
        + from
        + "|"
        + to
        + "|$";
  }

  @Test
  void bhytOldCardNumberIsNormalised() {
    CardQr qr =
        parser.parse(bhyt("gd 4 79 7931234567", "12/12/1978", "2", "01/01/2024", "31/12/2024"));
    HealthInsuranceCard card = qr.healthInsurance().orElseThrow();
    assertThat(card.cardNumber()).isEqualTo("GD4797931234567");
    assertThat(card.socialInsuranceNumber()).isEqualTo("7931234567");
    assertThat(card.isValidOn(LocalDate.of(2024, 6, 1))).isTrue();
    assertThat(card.isValidOn(LocalDate.of(2025, 1, 1))).isFalse();
    assertThat(qr.record().citizenId()).isEmpty();
    assertThat(qr.record().sex()).contains(Sex.FEMALE);
  }

  @Test
  void bhytWithoutTerminatorIsDetectedBySexCode() {
    String qr = bhyt("7931234567", "1978", "1", "01/01/2024", "-");
    CardQr parsed = parser.parse(qr.substring(0, qr.length() - 2));
    assertThat(parsed.kind()).isEqualTo(CardQrKind.BHYT);
    assertThat(parsed.healthInsurance().orElseThrow().validTo()).isEmpty();
    assertThat(parsed.record().sex()).contains(Sex.MALE);
  }

  @Test
  void bhytBadSexCode() {
    InvalidInputException e = fails(bhyt("7931234567", "1978", "3", "01/01/2024", "-"));
    assertThat(e.field()).isEqualTo("sex");
    assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE);
  }

  @Test
  void bhytValidityOrderIsChecked() {
    InvalidInputException e = fails(bhyt("7931234567", "1978", "1", "01/01/2024", "01/01/2023"));
    assertThat(e.field()).isEqualTo("validTo");
  }

  @Test
  void bhytBadFacility() {
    InvalidInputException e =
        fails(bhyt("7931234567", "1978", "1", "01/01/2024", "-").replace("52 - 012", "52 - 01"));
    assertThat(e.field()).isEqualTo("facilityCode");
  }

  @Test
  void bhytFutureBirth() {
    InvalidInputException e = fails(bhyt("7931234567", "2090", "1", "01/01/2024", "-"));
    assertThat(e.field()).isEqualTo("dateOfBirth");
    assertThat(e.reason()).isEqualTo(InputReason.FUTURE_DATE);
  }

  @Test
  void bhytToStringIsMasked() {
    CardQr qr =
        parser.parse(bhyt("GD4797931234567", "12/12/1978", "2", "01/01/2024", "31/12/2024"));
    assertThat(qr.toString())
        .contains("GD4**********67", "793*****67")
        .doesNotContain("7931234567", "Phạm", "Thử", "1978", "Quy Nhơn", "2024");
    assertThat(qr.healthInsurance().orElseThrow().toString()).doesNotContain("7931234567", "Phạm");
  }
}
