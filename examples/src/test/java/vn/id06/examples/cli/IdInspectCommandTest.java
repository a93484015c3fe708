package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdInspectCommandTest {

  @Test
  void wellFormedIdPrintsItsDecodedParts() {
    var run = CliRun.of("id", "inspect", "079190012345");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"valid\":true,\"reasons\":[],\"warnings\":[],\"provinceCode\":\"079\","
                + "\"provinceName\":\"Hồ Chí Minh\",\"registeredAbroad\":false,\"sex\":\"FEMALE\","
                + "\"birthYear\":1990}");
  }

  @Test
  void birthYearInTheFutureIsAResultNotAnError() {
    var run = CliRun.of("id", "inspect", "001299000111"); // 2099, after the fixed clock's 2026
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"valid\":false").contains("BIRTH_YEAR_IN_FUTURE");
  }

  @Test
  void unknownPrefixIsAWarning() {
    var run = CliRun.of("id", "inspect", "099301001122");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"valid\":true")
        .contains("\"warnings\":[\"UNKNOWN_PREFIX\"]")
        .doesNotContain("provinceName");
  }

  @Test
  void registeredAbroadIsValidWithoutAProvince() {
    var run = CliRun.of("id", "inspect", "201185007788");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"valid\":true").contains("\"registeredAbroad\":true");
  }

  @Test
  void declaredSexAndBirthDateAreCheckedAgainstTheNumber() {
    var ok = CliRun.of("id", "inspect", "079190012345", "--sex", "Nữ", "--dob", "1990-03-14");
    assertThat(ok.out()).contains("\"valid\":true");

    var wrong = CliRun.of("id", "inspect", "079190012345", "--sex", "MALE", "--dob", "1991");
    assertThat(wrong.exitCode()).isZero();
    assertThat(wrong.out())
        .contains("\"valid\":false")
        .contains("SEX_MISMATCH")
        .contains("BIRTH_YEAR_MISMATCH");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "07919001234",
        "0791900123456",
        "07919001234X",
        "０７９１９００１２３４５",
        " 079190012345"
      })
  void anythingButTwelveAsciiDigitsExitsTwoWithoutEchoingIt(String number) {
    var run = CliRun.of("id", "inspect", number);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("citizenId");
    if (!number.isBlank()) {
      assertThat(run.err()).doesNotContain(number.strip());
    }
  }

  @Test
  void badDeclaredValuesNameTheirOption() {
    var run = CliRun.of("id", "inspect", "079190012345", "--dob", "1990-02-30");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("dateOfBirth").doesNotContain("1990-02-30");

    var sex = CliRun.of("id", "inspect", "079190012345", "--sex", "X");
    assertThat(sex.exitCode()).isEqualTo(2);
    assertThat(sex.err()).contains("sex");
  }

  @Test
  void usageErrorsExitTwoAndDoNotQuoteArguments() {
    var run = CliRun.of("id", "inspect", "079190012345", "--nonsense=079190012345");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("079190012345");

    assertThat(CliRun.of().exitCode()).isEqualTo(2);
    assertThat(CliRun.of("id", "inspect").exitCode()).isEqualTo(2);
  }
}
