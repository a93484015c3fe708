package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardReadCommandTest {

  @Test
  void missingAccessDataIsBadInput() {
    CliRun run = CliRun.of("card", "read", "--terminal", "Nothing 00");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedIdIsBadInputWithoutEchoingIt() {
    CliRun run =
        CliRun.of(
            "card",
            "read",
            "--terminal",
            "Nothing 00",
            "--id",
            "07909901234X",
            "--dob",
            "1999-01-01",
            "--expiry",
            "2039-01-01");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("07909901234X");
  }

  @Test
  void unknownTerminalIsUnavailable() {
    CliRun run =
        CliRun.of(
            "card",
            "read",
            "--terminal",
            "No Such Reader 99",
            "--id",
            "001099012345",
            "--dob",
            "1999-01-01",
            "--expiry",
            "2039-01-01");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain("001099012345");
  }

  @Test
  void cardWithoutSubcommandIsUsage() {
    assertThat(CliRun.of("card").exitCode()).isEqualTo(2);
  }
}
