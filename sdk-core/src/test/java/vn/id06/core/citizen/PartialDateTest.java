package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.PartialDate.Precision;

class PartialDateTest {
  @Test
  void precisions() {
    PartialDate y = PartialDate.of(1985);
    assertThat(y.precision()).isEqualTo(Precision.YEAR);
    assertThat(y.month()).isEmpty();
    assertThat(y.day()).isEmpty();
    assertThat(y.toLocalDate()).isEmpty();
    assertThat(y.toIso()).isEqualTo("1985");

    PartialDate m = PartialDate.of(1985, 3);
    assertThat(m.precision()).isEqualTo(Precision.MONTH);
    assertThat(m.month()).isEqualTo(OptionalInt.of(3));
    assertThat(m.toIso()).isEqualTo("1985-03");

    PartialDate d = PartialDate.of(1985, 3, 14);
    assertThat(d.precision()).isEqualTo(Precision.DAY);
    assertThat(d.day()).isEqualTo(OptionalInt.of(14));
    assertThat(d.toLocalDate()).contains(LocalDate.of(1985, 3, 14));
    assertThat(d.toIso()).isEqualTo("1985-03-14");
    assertThat(PartialDate.of(LocalDate.of(1985, 3, 14))).isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource({
    "14031985, 1985-03-14",
    "14/03/1985, 1985-03-14",
    "14-03-1985, 1985-03-14",
    "14.03.1985, 1985-03-14",
    "4/3/1985, 1985-03-04",
    "03/1985, 1985-03",
    "3/1985, 1985-03",
    "1985, 1985",
    "' 1985 ', 1985",
    "00/00/1950, 1950",
    "00/03/1950, 1950-03",
    "00001950, 1950",
    "29/02/2000, 2000-02-29",
  })
  void parsesVietnameseForms(String text, String iso) {
    assertThat(PartialDate.parseVietnamese("dateOfBirth", text).toIso()).isEqualTo(iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985", "1985-03", "1985-03-14", "2000-02-29", "1800-01-01"})
  void parsesIso(String text) {
    assertThat(PartialDate.parseIso("dateOfBirth", text).toIso()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31/02/1985",
        "29/02/1900",
        "32/01/1985",
        "15/13/1985",
        "13/00/1985",
        "31022001",
        "00/13/1985",
        "01/01/1799",
        "01/01/2400",
        "1799",
        "2400",
        "9999"
      })
  void impossibleVietnameseDates(String text) {
    assertRejected(
        () -> PartialDate.parseVietnamese("dateOfBirth", text), InputReason.IMPOSSIBLE_DATE, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985-02-30", "1985-13", "1985-00", "1985-04-31", "0000", "2400-01-01"})
  void impossibleIsoDates(String text) {
    assertRejected(
        () -> PartialDate.parseIso("issueDate", text), InputReason.IMPOSSIBLE_DATE, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1985/03/14",
        "14/03/85",
        "14-03/1985",
        "abcd",
        "١٩٨٥", // Arabic-Indic digits
        "１９８５", // full-width digits
        "1985-3-14",
        "14 03 1985",
        "1985-03-14T00:00"
      })
  void malformedVietnamese(String text) {
    assertRejected(
        () -> PartialDate.parseVietnamese("dateOfBirth", text), InputReason.MALFORMED, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"14/03/1985", "19850314", "1985-3", "85", "１９８５"})
  void malformedIso(String text) {
    assertRejected(() -> PartialDate.parseIso("dateOfBirth", text), InputReason.MALFORMED, text);
  }

  @Test
  void emptyAndTooLong() {
    assertRejected(() -> PartialDate.parseIso("d", null), InputReason.EMPTY, null);
    assertRejected(() -> PartialDate.parseVietnamese("d", "  "), InputReason.EMPTY, null);
    String longText = "1".repeat(40);
    assertRejected(() -> PartialDate.parseIso("d", longText), InputReason.TOO_LONG, longText);
  }

  @Test
  void factoriesRejectImpossible() {
    assertRejected(() -> PartialDate.of(1799), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(() -> PartialDate.of(2400), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(() -> PartialDate.of(2001, 2, 29), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(() -> PartialDate.of(2001, 0), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(() -> PartialDate.of(2001, 13), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(() -> PartialDate.of(2001, 1, 0), InputReason.IMPOSSIBLE_DATE, null);
    assertRejected(
        () -> PartialDate.of(LocalDate.of(1700, 1, 1)), InputReason.IMPOSSIBLE_DATE, null);
    assertThat(PartialDate.of(1800).year()).isEqualTo(1800);
    assertThat(PartialDate.of(2399, 12, 31).toIso()).isEqualTo("2399-12-31");
  }

  @Test
  void isAfterMeansCertainlyAfter() {
    LocalDate d = LocalDate.of(1985, 6, 15);
    assertThat(PartialDate.of(1986).isAfter(d)).isTrue();
    assertThat(PartialDate.of(1985).isAfter(d)).isFalse();
    assertThat(PartialDate.of(1985, 7).isAfter(d)).isTrue();
    assertThat(PartialDate.of(1985, 6).isAfter(d)).isFalse();
    assertThat(PartialDate.of(1985, 6, 16).isAfter(d)).isTrue();
    assertThat(PartialDate.of(1985, 6, 15).isAfter(d)).isFalse();
  }

  @Test
  void couldBe() {
    assertThat(PartialDate.of(1985).couldBe(LocalDate.of(1985, 1, 1))).isTrue();
    assertThat(PartialDate.of(1985).couldBe(LocalDate.of(1985, 12, 31))).isTrue();
    assertThat(PartialDate.of(1985).couldBe(LocalDate.of(1986, 1, 1))).isFalse();
    assertThat(PartialDate.of(2000, 2).couldBe(LocalDate.of(2000, 2, 29))).isTrue();
    assertThat(PartialDate.of(2000, 2).couldBe(LocalDate.of(2000, 3, 1))).isFalse();
    assertThat(PartialDate.of(2000, 2, 3).couldBe(LocalDate.of(2000, 2, 3))).isTrue();
    assertThat(PartialDate.of(2000, 2, 3).couldBe(LocalDate.of(2000, 2, 4))).isFalse();
  }

  @Test
  void ordering() {
    List<PartialDate> dates =
        new ArrayList<>(
            List.of(
                PartialDate.of(1986),
                PartialDate.of(1985, 3, 2),
                PartialDate.of(1985, 3),
                PartialDate.of(1985),
                PartialDate.of(1985, 2, 28)));
    Collections.sort(dates);
    assertThat(dates)
        .extracting(PartialDate::toIso)
        .containsExactly("1985", "1985-02-28", "1985-03", "1985-03-02", "1986");
  }

  @Test
  void equalityAndMaskedToString() {
    assertThat(PartialDate.of(1985, 3)).isEqualTo(PartialDate.of(1985, 3));
    assertThat(PartialDate.of(1985, 3)).hasSameHashCodeAs(PartialDate.of(1985, 3));
    assertThat(PartialDate.of(1985, 3)).isNotEqualTo(PartialDate.of(1985));
    assertThat(PartialDate.of(1985, 3, 14).toString())
        .isEqualTo("PartialDate[****]")
        .doesNotContain("1985");
  }

  static void assertRejected(Runnable r, InputReason reason, String input) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              if (input != null && input.strip().length() >= 3) {
                assertThat(e.getMessage()).doesNotContain(input.strip());
              }
            });
  }
}
