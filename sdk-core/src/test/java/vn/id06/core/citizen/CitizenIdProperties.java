package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;

class CitizenIdProperties {
  private static final Clock FAR_FUTURE =
      Clock.fixed(Instant.parse("2400-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Provide
  Arbitrary<AdministrativeUnit> legacyProvinces() {
    List<AdministrativeUnit> units =
        AdministrativeUnits.builtIn().provincesOn(java.time.LocalDate.of(2020, 1, 1));
    return Arbitraries.of(units);
  }

  @Property
  void everyValidIdRoundTrips(
      @ForAll("legacyProvinces") AdministrativeUnit province,
      @ForAll @IntRange(min = 0, max = 9) int g,
      @ForAll @IntRange(min = 0, max = 99) int yy,
      @ForAll @IntRange(min = 0, max = 999_999) int random) {
    String number = province.code() + g + String.format("%02d%06d", yy, random);
    CitizenId id = CitizenId.parse(number);
    assertThat(id.value()).isEqualTo(number);
    assertThat(id.provinceCode()).isEqualTo(province.code());
    assertThat(id.birthRegistrationProvince()).contains(province);
    assertThat(id.registeredAbroad()).isFalse();
    assertThat(id.sex()).isEqualTo(g % 2 == 1 ? Sex.FEMALE : Sex.MALE);
    assertThat(id.century()).isEqualTo((g / 2 + 19) * 100);
    assertThat(id.birthYear()).isEqualTo(id.century() + yy);
    assertThat(id.masked())
        .hasSize(12)
        .startsWith(province.code())
        .endsWith(number.substring(10))
        .contains("*******");
    assertThat(id.toString()).doesNotContain(number.substring(3, 10));

    CitizenIdInspection inspection = CitizenId.inspect(number, FAR_FUTURE);
    assertThat(inspection.valid()).isTrue();
    assertThat(inspection.warnings()).isEmpty();
    assertThat(inspection.withDeclared(PartialDate.of(id.birthYear()), id.sex()).valid()).isTrue();
  }

  @Property
  void anyTwelveAsciiDigitsParse(@ForAll("twelveDigits") String number) {
    CitizenId id = CitizenId.parse(number);
    assertThat(id.birthYear()).isBetween(1900, 2399);
    CitizenIdInspection inspection = CitizenId.inspect(number, FAR_FUTURE);
    assertThat(inspection.valid()).isTrue();
    boolean known = id.registeredAbroad() || id.birthRegistrationProvince().isPresent();
    assertThat(inspection.warnings().contains(IdFinding.UNKNOWN_PREFIX)).isEqualTo(!known);
  }

  @Provide
  Arbitrary<String> twelveDigits() {
    return Arbitraries.strings().numeric().ofLength(12);
  }

  @Property
  void messagesNeverEchoTheInput(@ForAll @StringLength(min = 4, max = 40) String input) {
    try {
      CitizenId.parse(input);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).doesNotContain(input.strip().isEmpty() ? "\u0000" : input.strip());
    }
  }

  @Property
  void nonTwelveDigitStringsAreRejected(@ForAll("otherLengthDigits") String number) {
    assertThatThrownBy(() -> CitizenId.parse(number))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining(number);
  }

  @Provide
  Arbitrary<String> otherLengthDigits() {
    return Arbitraries.strings()
        .numeric()
        .ofMinLength(3) // "12" is in the message "expected 12 digits" without being an echo
        .ofMaxLength(30)
        .filter(s -> s.length() != 12);
  }
}
