package vn.id06.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {
  @Test
  void messageIsFieldReasonDetail() {
    var e = new InvalidInputException("citizenId", InputReason.WRONG_LENGTH, "expected 12 digits");
    assertThat(e).hasMessage("citizenId: WRONG_LENGTH (expected 12 digits)");
    assertThat(e.field()).isEqualTo("citizenId");
    assertThat(e.reason()).isEqualTo(InputReason.WRONG_LENGTH);
    assertThat(e).isInstanceOf(Id06Exception.class);
  }

  @Test
  void nullDetailGivesEmptyParentheses() {
    assertThat(new InvalidInputException("sex", InputReason.EMPTY, null))
        .hasMessage("sex: EMPTY ()");
  }

  @Test
  void fieldAndReasonRequired() {
    assertThatNullPointerException()
        .isThrownBy(() -> new InvalidInputException((String) null, InputReason.EMPTY, "x"));
    assertThatNullPointerException().isThrownBy(() -> new InvalidInputException("f", null, "x"));
  }

  @Test
  void survivesSerialization() throws IOException, ClassNotFoundException {
    var e = new InvalidInputException("fullName", InputReason.MALFORMED, "digits in a name");
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      var copy = (InvalidInputException) in.readObject();
      assertThat(copy.field()).isEqualTo("fullName");
      assertThat(copy.reason()).isEqualTo(InputReason.MALFORMED);
      assertThat(copy).hasMessage(e.getMessage());
    }
  }

  @Test
  void contractReasonsExist() {
    assertThat(InputReason.values())
        .extracting(Enum::name)
        .containsExactly(
            "EMPTY",
            "TOO_LONG",
            "WRONG_LENGTH",
            "NOT_DIGITS",
            "MALFORMED",
            "IMPOSSIBLE_DATE",
            "FUTURE_DATE",
            "UNKNOWN_VALUE",
            "WRONG_FIELD_COUNT",
            "UNREPAIRABLE_TEXT",
            "BINARY_DATA",
            "UNRECOGNISED_FORMAT",
            "ACCESS_REFUSED");
  }
}
