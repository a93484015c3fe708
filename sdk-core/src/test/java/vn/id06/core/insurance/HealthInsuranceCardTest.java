package vn.id06.core.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

class HealthInsuranceCardTest {
  private static HealthInsuranceCard.Builder base() {
    return HealthInsuranceCard.builder()
        .fullName(VietnameseName.of("Võ Văn Mẫu"))
        .dateOfBirth(PartialDate.of(1960))
        .sex(Sex.MALE);
  }

  private static InputReason reasonFor(String cardNumber) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> base().cardNumber(cardNumber));
    assertThat(e.field()).isEqualTo("cardNumber");
    return e.reason();
  }

  @Test
  void newFormIsItsOwnSocialInsuranceNumber() {
    HealthInsuranceCard c = base().cardNumber("7912345678").build();
    assertThat(c.cardNumber()).isEqualTo("7912345678");
    assertThat(c.socialInsuranceNumber()).isEqualTo("7912345678");
    assertThat(c.address()).isEmpty();
    assertThat(c.facilityCode()).isEmpty();
    assertThat(c.isValidOn(LocalDate.of(2030, 1, 1))).isTrue();
  }

  @Test
  void oldFormKeepsTheLastTenDigits() {
    HealthInsuranceCard c = base().cardNumber("HT-3-01-0123456789").build();
    assertThat(c.cardNumber()).isEqualTo("HT3010123456789");
    assertThat(c.socialInsuranceNumber()).isEqualTo("0123456789");
  }

  @Test
  void shapesAreChecked() {
    assertThat(reasonFor(null)).isEqualTo(InputReason.EMPTY);
    assertThat(reasonFor(" - ")).isEqualTo(InputReason.EMPTY);
    assertThat(reasonFor("12345")).isEqualTo(InputReason.WRONG_LENGTH);
    assertThat(reasonFor("79123456x8")).isEqualTo(InputReason.NOT_DIGITS);
    assertThat(reasonFor("G14797931234567")).isEqualTo(InputReason.MALFORMED);
    assertThat(reasonFor("GD6797931234567")).isEqualTo(InputReason.MALFORMED);
    assertThat(reasonFor("GD47979312345x7")).isEqualTo(InputReason.NOT_DIGITS);
  }

  @Test
  void equalityAndMasking() {
    HealthInsuranceCard a = base().cardNumber("7912345678").facilityCode("79024").build();
    HealthInsuranceCard b = base().cardNumber("7912345678").facilityCode("79024").build();
    assertThat(a)
        .isEqualTo(b)
        .hasSameHashCodeAs(b)
        .isNotEqualTo(base().cardNumber("7912345679").build());
    assertThat(a.toString())
        .contains("791*****78", "79024")
        .doesNotContain("7912345678", "Mẫu", "1960");
  }
}
