package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class SexTest {
  @ParameterizedTest
  @ValueSource(strings = {"MALE", "male", "Nam", "NAM", " nam "})
  void male(String s) {
    assertThat(Sex.parse(s)).isEqualTo(Sex.MALE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FEMALE", "Female", "Nữ", "NỮ", "nữ", "Nu", "NU"})
  void female(String s) {
    assertThat(Sex.parse(s)).isEqualTo(Sex.FEMALE);
    assertThat(Sex.parse(Normalizer.normalize(s, Normalizer.Form.NFD))).isEqualTo(Sex.FEMALE);
  }

  @Test
  void vietnamese() {
    assertThat(Sex.MALE.vietnamese()).isEqualTo("Nam");
    assertThat(Sex.FEMALE.vietnamese()).isEqualTo("Nữ");
    assertThat(Normalizer.isNormalized(Sex.FEMALE.vietnamese(), Normalizer.Form.NFC)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"M", "F", "1", "2", "Nư", "Khác", "unknown"})
  void unknown(String s) {
    assertThatThrownBy(() -> Sex.parse(s))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("sex");
              assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE);
            });
  }

  @Test
  void empty() {
    assertThatThrownBy(() -> Sex.parse(" "))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo(InputReason.EMPTY));
    assertThatThrownBy(() -> Sex.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void errorDoesNotEchoInput() {
    assertThatThrownBy(() -> Sex.parse("Khác lạ"))
        .hasMessageNotContaining("Khác")
        .hasMessage("sex: UNKNOWN_VALUE (expected MALE, FEMALE, Nam or Nữ)");
  }
}
