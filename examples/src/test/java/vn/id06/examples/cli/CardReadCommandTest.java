package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** The QR printed on the virtual card's default holder (CCCD 2021, 7 fields). */
  private static final String HOA_QR =
      "079190012345|025123456|Nguyễn Thị Hòa|14031990|Nữ|"
          + "12 Đường Số 7, Phường Bình Trị Đông, Quận Bình Tân, Hồ Chí Minh|20042021";

  @Test
  void theCardsOwnQrAgreesWithTheChip() throws Exception {
    CliRun run = CliRun.of("card", "read", "--virtual", "--qr", HOA_QR);
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(run.out());
    assertThat(out.get("consistency")).isEmpty();
    assertThat(out.get("passiveAuthentication").get("outcome").asText()).isEqualTo("PROVEN");
  }

  @Test
  void aQrThatDiffersFromTheChipIsReportedByFieldNotThrown() throws Exception {
    String other =
        HOA_QR.replace("14031990", "15031990").replace("Nguyễn Thị Hòa", "Nguyễn Thị Hoa");
    CliRun run = CliRun.of("card", "read", "--virtual", "--qr", other);
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(run.out());
    assertThat(out.get("consistency"))
        .extracting(n -> n.get("field").asText())
        .containsExactlyInAnyOrder("fullName", "dateOfBirth");
    assertThat(out.get("consistency"))
        .extracting(n -> n.get("detail").asText())
        .containsOnly("the chip and the QR differ");
    assertThat(run.err()).doesNotContain("15031990");
  }

  @Test
  void aMalformedQrIsBadInputBeforeTheCardIsRead() {
    CliRun run = CliRun.of("card", "read", "--virtual", "--qr", "not|a|card");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void cardWithoutSubcommandIsUsage() {
    assertThat(CliRun.of("card").exitCode()).isEqualTo(2);
  }
}
