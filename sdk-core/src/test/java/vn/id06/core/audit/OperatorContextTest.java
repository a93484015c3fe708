package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class OperatorContextTest {
  // Synthetic officer: not a real person.
  private static final String OFFICER_ID = "079090001245";
  private static final String OFFICER_NAME = "Nguyễn Văn Thử";

  @Test
  void keepsCodesAndMasksTheOfficer() {
    OperatorContext c =
        OperatorContext.of(" G01.999.000.000 ", "CB001", "1.001234", "Xác minh cư trú")
            .withOfficer(OFFICER_NAME, OFFICER_ID);
    assertThat(c.agencyCode()).isEqualTo("G01.999.000.000");
    assertThat(c.hasOfficerIdentity()).isTrue();
    assertThat(c.maskedOfficerId()).isEqualTo("079*******45");
    assertThat(c.toString())
        .contains("G01.999.000.000", "CB001", "1.001234", "079*******45")
        .doesNotContain(OFFICER_ID, "Nguyễn", "Thử");
    assertThat(OperatorContext.of("A", "B", "C", "D").hasOfficerIdentity()).isFalse();
    assertThat(OperatorContext.of("A", "B", "C", "D").toString())
        .endsWith("officerName=, officerId=]");
    assertThat(OperatorContext.mask("12345")).isEqualTo("*****");
  }

  @Test
  void refusesMissingLongOrMalformedFields() {
    assertRefused(() -> OperatorContext.of(" ", "B", "C", "D"), "agencyCode", InputReason.EMPTY);
    assertRefused(() -> OperatorContext.of("A", null, "C", "D"), "officerCode", InputReason.EMPTY);
    assertRefused(() -> OperatorContext.of("A", "B", "", "D"), "procedureCode", InputReason.EMPTY);
    assertRefused(() -> OperatorContext.of("A", "B", "C", "\t"), "purpose", InputReason.EMPTY);
    assertRefused(
        () -> OperatorContext.of("x".repeat(36), "B", "C", "D"),
        "agencyCode",
        InputReason.TOO_LONG);
    assertThat(OperatorContext.of("x".repeat(35), "y".repeat(20), "z".repeat(20), "D")).isNotNull();
    assertRefused(
        () -> OperatorContext.of("A", "y".repeat(21), "C", "D"),
        "officerCode",
        InputReason.TOO_LONG);
    assertRefused(
        () -> OperatorContext.of("A", "B", "z".repeat(21), "D"),
        "procedureCode",
        InputReason.TOO_LONG);
    assertRefused(
        () -> OperatorContext.of("A", "B", "C", "p".repeat(501)), "purpose", InputReason.TOO_LONG);
    assertRefused(
        () -> OperatorContext.of("A\u0000", "B", "C", "D"), "agencyCode", InputReason.MALFORMED);
    assertRefused(
        () -> OperatorContext.of("A", "B", "C", "D").withOfficer("n".repeat(101), "1"),
        "officerName",
        InputReason.TOO_LONG);
  }

  @Test
  void messagesNeverEchoTheValue() {
    assertThatThrownBy(
            () -> OperatorContext.of("A", "B", "C", "D").withOfficer("X", OFFICER_ID + "\u0001x"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(OFFICER_ID));
  }

  private static void assertRefused(Runnable r, String field, InputReason reason) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }
}
