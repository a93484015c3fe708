package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class OperatorContextTest {
  @Test
  void masksTheOfficersPersonalData() {
    var ctx =
        OperatorContext.of("H52.01", "CB001", "1.001234", "check-in")
            .withOfficer("Trần Văn Bình", "052090001234");
    assertThat(ctx.officerName()).isEqualTo("Trần Văn Bình");
    assertThat(ctx.toString())
        .contains("H52.01", "CB001", "1.001234", "check-in")
        .doesNotContain("Bình")
        .doesNotContain("052090001234");
  }

  @Test
  void refusesMissingOrOverlongParts() {
    assertThatThrownBy(() -> OperatorContext.of("", "CB001", "1.0", "p"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("agencyCode");
              assertThat(e.reason()).isEqualTo(InputReason.EMPTY);
            });
    assertThatThrownBy(() -> OperatorContext.of("A", "C".repeat(21), "1.0", "p"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG));
    assertThatThrownBy(() -> OperatorContext.of("A", "C", "1.0", "p\u0000"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.MALFORMED));
    assertThatThrownBy(() -> OperatorContext.of("A", "C", "1.0", "p").withOfficer("X", "12345"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.WRONG_LENGTH));
    assertThatThrownBy(
            () -> OperatorContext.of("A", "C", "1.0", "p").withOfficer("X", "05209000123a"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.NOT_DIGITS));
  }
}
