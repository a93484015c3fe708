package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class LegacyIdTest {
  @Test
  void nineAndTwelveDigits() {
    LegacyId nine = LegacyId.parse("215678901");
    assertThat(nine.value()).isEqualTo("215678901");
    assertThat(nine.masked()).isEqualTo("215****01");
    assertThat(nine.toString()).isEqualTo("LegacyId[215****01]").doesNotContain("5678");
    LegacyId twelve = LegacyId.parse(" 052123456789 ");
    assertThat(twelve.value()).isEqualTo("052123456789");
    assertThat(twelve.toString()).doesNotContain("1234567");
  }

  @Test
  void equality() {
    assertThat(LegacyId.parse("215678901"))
        .isEqualTo(LegacyId.parse("215678901"))
        .hasSameHashCodeAs(LegacyId.parse("215678901"))
        .isNotEqualTo(LegacyId.parse("215678902"));
  }

  @ParameterizedTest
  @CsvSource({
    "21567890, WRONG_LENGTH",
    "2156789012, WRONG_LENGTH",
    "21567890a, NOT_DIGITS",
    "２１５６７８９０１, NOT_DIGITS",
    "'  ', EMPTY",
  })
  void rejected(String s, InputReason reason) {
    assertThatThrownBy(() -> LegacyId.parse(s))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("legacyId");
              assertThat(e.reason()).isEqualTo(reason);
              if (!s.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(s.strip());
              }
            });
  }
}
