package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class CitizenIdTest {
  private static final Clock CLOCK_2026 =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void decodesHoChiMinhMaleBorn1990() {
    CitizenId id = CitizenId.parse("079090001234");
    assertThat(id.value()).isEqualTo("079090001234");
    assertThat(id.provinceCode()).isEqualTo("079");
    assertThat(id.birthRegistrationProvince()).get().extracting("name").isEqualTo("Hồ Chí Minh");
    assertThat(id.registeredAbroad()).isFalse();
    assertThat(id.sex()).isEqualTo(Sex.MALE);
    assertThat(id.century()).isEqualTo(1900);
    assertThat(id.birthYear()).isEqualTo(1990);
  }

  @Test
  void decodesGenderCenturyDigit() {
    int[] centuries = {1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300};
    for (int g = 0; g <= 9; g++) {
      CitizenId id = CitizenId.parse("052" + g + "05123456");
      assertThat(id.century()).isEqualTo(centuries[g]);
      assertThat(id.sex()).isEqualTo(g % 2 == 1 ? Sex.FEMALE : Sex.MALE);
      assertThat(id.birthYear()).isEqualTo(centuries[g] + 5);
    }
  }

  @Test
  void decodesBinhDinhWithDiacritics() {
    assertThat(CitizenId.parse("052301000001").birthRegistrationProvince())
        .get()
        .extracting("name")
        .isEqualTo("Bình Định");
  }

  @Test
  void stripsSurroundingSpaces() {
    assertThat(CitizenId.parse(" 001099012345 ").value()).isEqualTo("001099012345");
  }

  @ParameterizedTest
  @ValueSource(strings = {"101", "200", "295"})
  void registeredAbroadHasNoProvinceAndNoWarning(String ppp) {
    CitizenId id = CitizenId.parse(ppp + "199000001");
    assertThat(id.registeredAbroad()).isTrue();
    assertThat(id.birthRegistrationProvince()).isEmpty();
    assertThat(CitizenId.inspect(id.value(), CLOCK_2026).warnings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "003", "100", "296", "999", "097"})
  void unknownPrefixIsWarningNotRejection(String ppp) {
    CitizenIdInspection inspection = CitizenId.inspect(ppp + "199000001", CLOCK_2026);
    assertThat(inspection.valid()).isTrue();
    assertThat(inspection.reasons()).isEmpty();
    assertThat(inspection.warnings()).containsExactly(IdFinding.UNKNOWN_PREFIX);
    assertThat(inspection.id().registeredAbroad()).isFalse();
  }

  @Test
  void birthYearInFutureIsReason() {
    CitizenIdInspection inspection = CitizenId.inspect("001227000001", CLOCK_2026);
    assertThat(inspection.id().birthYear()).isEqualTo(2027);
    assertThat(inspection.valid()).isFalse();
    assertThat(inspection.reasons()).containsExactly(IdFinding.BIRTH_YEAR_IN_FUTURE);
  }

  @Test
  void birthInCurrentYearIsValid() {
    assertThat(CitizenId.inspect("001226000001", CLOCK_2026).valid()).isTrue();
  }

  @Test
  void currentYearFollowsClockZone() {
    // 2026-12-31T20:00Z is already 2027 in Vietnam (UTC+7).
    Clock vietnam = Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ZoneOffset.ofHours(7));
    assertThat(CitizenId.inspect("001227000001", vietnam).valid()).isTrue();
  }

  @Test
  void withDeclaredAddsMismatches() {
    CitizenIdInspection base = CitizenId.inspect("079190001234", CLOCK_2026);
    assertThat(base.valid()).isTrue();
    assertThat(base.withDeclared(PartialDate.of(1990, 5, 1), Sex.FEMALE).valid()).isTrue();

    CitizenIdInspection bad = base.withDeclared(PartialDate.of(1991), Sex.MALE);
    assertThat(bad.valid()).isFalse();
    assertThat(bad.reasons())
        .containsExactly(IdFinding.SEX_MISMATCH, IdFinding.BIRTH_YEAR_MISMATCH);
    assertThat(base.withDeclared(null, null)).isEqualTo(base);
    assertThat(base.withDeclared(null, Sex.MALE).reasons()).containsExactly(IdFinding.SEX_MISMATCH);
    assertThat(bad.withDeclared(PartialDate.of(1991), Sex.MALE).reasons()).hasSize(2);
  }

  @Test
  void inconsistenciesWith() {
    CitizenId id = CitizenId.parse("052301000001");
    assertThat(id.inconsistenciesWith(PartialDate.of(2001, 2), Sex.FEMALE)).isEmpty();
    assertThat(id.inconsistenciesWith(PartialDate.of(1901), null))
        .containsExactly(IdFinding.BIRTH_YEAR_MISMATCH);
  }

  @Test
  void inspectionKeepsValidConsistentWithReasons() {
    CitizenId id = CitizenId.parse("052301000001");
    assertThatThrownBy(
            () ->
                new CitizenIdInspection(
                    id,
                    true,
                    java.util.List.of(IdFinding.BIRTH_YEAR_IN_FUTURE),
                    java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maskedAndToString() {
    CitizenId id = CitizenId.parse("079203001245");
    assertThat(id.masked()).isEqualTo("079*******45");
    assertThat(id.toString()).isEqualTo("CitizenId[079*******45]").doesNotContain("203001");
    assertThat(CitizenId.inspect("079203001245", CLOCK_2026).toString())
        .doesNotContain("079203001245")
        .doesNotContain("2030012");
  }

  @Test
  void equalityByValue() {
    assertThat(CitizenId.parse("079203001245"))
        .isEqualTo(CitizenId.parse("079203001245"))
        .hasSameHashCodeAs(CitizenId.parse("079203001245"))
        .isNotEqualTo(CitizenId.parse("079203001246"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "07920300124",
        "0792030012456",
        "1",
      })
  void wrongLength(String s) {
    assertRejected(s, InputReason.WRONG_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "07920300124a",
        "079-20300124",
        "٠٧٩٢٠٣٠٠١٢٤٥", // Arabic-Indic digits
        "０７９２０３００１２４５", // full-width digits
        "۰۷۹۲۰۳۰۰۱۲۴۵", // extended Arabic-Indic digits
        "079 203001245",
        "+79203001245",
      })
  void notAsciiDigits(String s) {
    assertRejected(s, InputReason.NOT_DIGITS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void empty(String s) {
    assertRejected(s, InputReason.EMPTY);
  }

  @Test
  void nullIsEmpty() {
    assertRejected(null, InputReason.EMPTY);
  }

  private static void assertRejected(String s, InputReason reason) {
    assertThatThrownBy(() -> CitizenId.parse(s))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("citizenId");
              assertThat(e.reason()).isEqualTo(reason);
              if (s != null && !s.isBlank() && s.strip().length() > 1) {
                assertThat(e.getMessage()).doesNotContain(s.strip());
              }
            });
    assertThatThrownBy(() -> CitizenId.inspect(s, CLOCK_2026))
        .isInstanceOf(InvalidInputException.class);
  }
}
