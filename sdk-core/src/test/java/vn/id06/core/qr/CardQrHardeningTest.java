package vn.id06.core.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.text.Repair;
import vn.id06.core.text.RepairKind;

/** Hostile and careless input found by an outside probe; each case failed before its fix. */
class CardQrHardeningTest {
  private final CardQrParser parser = CardQrParser.builder().clock(CardQrGoldenTest.CLOCK).build();

  @Test
  void aVniDamagedNoExpiryKeepsThe2021Layout() {
    // VNI "Không thời hạn": before, the eighth field did not read cleanly and the card came out as
    // CAN_CUOC_2024 with the expiry among its extra fields.
    CardQr qr = parser.parse(CardQrParserTest.CLEAN + "|Khoâng thôøi haïn");
    assertThat(qr.kind()).isEqualTo(CardQrKind.CCCD_2021);
    assertThat(qr.record().expiry()).contains(DocumentExpiry.none());
    assertThat(qr.extraFields()).isEmpty();
    assertThat(qr.repairs()).contains(new Repair(CitizenField.EXPIRY, RepairKind.VNI));
  }

  @Test
  void aCleanNoExpiryAndADateAreTheExpiry() {
    assertThat(parser.parse(CardQrParserTest.CLEAN + "|Không thời hạn").record().expiry())
        .contains(DocumentExpiry.none());
    assertThat(parser.parse(CardQrParserTest.CLEAN + "|10072046").record().expiry())
        .contains(DocumentExpiry.on(LocalDate.of(2046, 7, 10)));
  }

  @Test
  void twoScansJoinedAreRefusedNotRelabelledAs2024() {
    String second = "001090009999||Lê Văn Bố|01021990|Nam|Hà Nội|01012022";
    assertThatThrownBy(() -> parser.parse(CardQrParserTest.CLEAN + "|" + second))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(InputReason.UNRECOGNISED_FORMAT);
              assertThat(e.getMessage()).contains("second card").doesNotContain("001090009999");
            });
    // Unknown extras of a 2024 card are still kept.
    CardQr qr = parser.parse(CardQrParserTest.CLEAN + "|001090009999|Nguyễn Văn Cha");
    assertThat(qr.kind()).isEqualTo(CardQrKind.CAN_CUOC_2024);
    assertThat(qr.extraFields()).hasSize(2);
  }

  @Test
  void nothingIsAllowedAfterTheBhytEndMarker() {
    String bhyt =
        CardQrParserTest.bhyt("GD4797931234567", "12/12/1978", "2", "01/01/2024", "31/12/2024");
    assertThat(parser.parse(bhyt).kind()).isEqualTo(CardQrKind.BHYT);
    assertThatThrownBy(() -> parser.parse(bhyt + "|079190012345|extra"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.getMessage()).contains("end marker"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u009b31m", "a\u0085b", "x\u2028y", "x\u2029y"})
  void controlsThatRemainAfterRepairAreRefused(String bad) {
    assertThatThrownBy(() -> parser.parse(CardQrParserTest.CLEAN + "|" + bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.BINARY_DATA));
    String withAddress =
        CardQrParserTest.CLEAN.replace(CardQrParserTest.ADDRESS, CardQrParserTest.ADDRESS + bad);
    assertThatThrownBy(() -> parser.parse(withAddress)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void utf16IsRefusedByName() {
    byte[] le = ("\uFEFF" + CardQrParserTest.CLEAN).getBytes(StandardCharsets.UTF_16LE);
    byte[] be = CardQrParserTest.CLEAN.getBytes(StandardCharsets.UTF_16BE);
    for (byte[] b : new byte[][] {le, be}) {
      assertThatThrownBy(() -> parser.parse(b))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.getMessage()).contains("UTF-16");
                assertThat(e.reason()).isEqualTo(InputReason.UNRECOGNISED_FORMAT);
              });
    }
  }

  /**
   * A clock that fails on its first read: the parser's wrapper reports an internal error. (This
   * read happens before the field parsing; the test below reaches inside it.)
   */
  @Test
  void aBugInsideTheSdkIsAnInternalErrorNotBadInput() {
    Clock broken =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneId.of("Asia/Ho_Chi_Minh");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            throw new ArithmeticException("079190012345");
          }
        };
    CardQrParser p = CardQrParser.builder().clock(broken).build();
    assertThatThrownBy(() -> p.parse(CardQrParserTest.CLEAN))
        .isNotInstanceOf(InvalidInputException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("079190012345")
        .hasCauseInstanceOf(ArithmeticException.class);
  }

  /**
   * A failure inside the field parsing (here the clock, read again for the birth-date check, after
   * the parse has started) is a bug of the SDK: an internal error, never "malformed input". Before
   * the fix a catch-all around the layout and field parsing turned it into {@code
   * InvalidInputException(qr, MALFORMED)}; this test fails with that catch-all put back.
   */
  @Test
  void aBugInsideTheFieldParsingIsAnInternalErrorNotBadInput() {
    AtomicInteger reads = new AtomicInteger();
    Clock failsLater =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return CardQrGoldenTest.CLOCK.getZone();
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            if (reads.incrementAndGet() > 1) {
              throw new ArithmeticException("079190012345");
            }
            return CardQrGoldenTest.CLOCK.instant();
          }
        };
    CardQrParser p = CardQrParser.builder().clock(failsLater).build();
    assertThatThrownBy(() -> p.parse(CardQrParserTest.CLEAN))
        .isNotInstanceOf(InvalidInputException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("079190012345")
        .hasCauseInstanceOf(ArithmeticException.class);
    // The failure came from inside the parse, after its first read of the clock.
    assertThat(reads.get()).isGreaterThan(1);
  }

  @Test
  void oneBirthDateRuleAndOneClockForEveryCaller() {
    // The rule qr parse applies, available to id inspect --dob and the forms.
    Clock clock = CardQrGoldenTest.CLOCK;
    assertThat(PartialDate.of(2025, 6, 1).requireBirthDateBefore(CitizenField.DATE_OF_BIRTH, clock))
        .isEqualTo(PartialDate.of(2025, 6, 1));
    assertThatThrownBy(
            () ->
                PartialDate.of(2025, 6, 2)
                    .requireBirthDateBefore(CitizenField.DATE_OF_BIRTH, clock))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.FUTURE_DATE));
    assertThatThrownBy(() -> parser.parse(CardQrParserTest.CLEAN.replace("15031990", "02062025")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.FUTURE_DATE));
  }
}
