package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrParseCommandTest {
  private static final String QR_2021 =
      "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021";

  /**
   * The whole contract. {@code addressUnits}: Gia Lai is province 64 in provinces-pre2025.csv and
   * 52 in provinces-2025.csv; neither has a Xã Phước Hòa (today's only one, units-2025.csv, is in
   * Hồ Chí Minh; the old Gia Lai had none), so the commune is not found (UNKNOWN) and is kept as
   * detail, and the province name is read as today's.
   */
  @Test
  void cleanChipCardQrFollowsTheContract() {
    var run = CliRun.withInput(QR_2021 + "\n", "qr", "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"kind\":\"CCCD_2021\",\"citizenId\":\"079190012345\",\"legacyId\":\"271234567\","
                + "\"fullName\":\"Nguyễn Thị Hoà\",\"dateOfBirth\":\"1990-03-14\",\"sex\":\"FEMALE\","
                + "\"address\":\"Xã Phước Hòa, Tỉnh Gia Lai\",\"addressUnits\":{\"input\":{"
                + "\"province\":\"Tỉnh Gia Lai\",\"era\":\"POST_REFORM\","
                + "\"codes\":{\"province\":\"52\"},\"detail\":\"Xã Phước Hòa\"},\"current\":{\"province\":\"Tỉnh Gia Lai\","
                + "\"codes\":{\"province\":\"52\"}},\"certainty\":\"UNKNOWN\",\"candidates\":[]},"
                + "\"issueDate\":\"2021-07-01\","
                + "\"extraFields\":[],\"repairs\":[],\"inconsistencies\":[]}");
  }

  @Test
  void garbledNameIsRepairedAndTheRepairReported() {
    String garbled =
        new String(QR_2021.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    var run = CliRun.withInput(garbled, "qr", "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"fullName\":\"Nguyễn Thị Hoà\"")
        .contains("{\"field\":\"fullName\",\"kind\":\"UTF8_READ_AS_CP1252\"}");
  }

  @Test
  void sixFieldVariantHasNoLegacyId() {
    var run =
        CliRun.withInput(
            "079190012345|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021",
            "qr",
            "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"kind\":\"CCCD_2021_SHORT\"").doesNotContain("legacyId");
  }

  @Test
  void sexDigitDisagreeingWithTheCardIsAnInconsistencyNotAnError() {
    var run = CliRun.withInput(QR_2021.replace("|Nữ|", "|Nam|"), "qr", "parse");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("{\"field\":\"sex\",\"kind\":\"SEX_MISMATCH\"}");
  }

  @Test
  void healthInsuranceCardQr() {
    String qr =
        "HC4797912345678|"
            + hex("Trần Văn Bình")
            + "|05/09/1978|1|"
            + hex("Xã Phước Hòa, Tỉnh Gia Lai")
            + "|52 - 017|01/01/2026|31/12/2026|-|4|$";
    var run = CliRun.withInput(qr, "qr", "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"kind\":\"BHYT\"")
        .contains("\"cardNumber\":\"HC4797912345678\"")
        .contains("\"socialInsuranceNumber\":\"7912345678\"")
        .contains("\"fullName\":\"Trần Văn Bình\"")
        .contains("\"dateOfBirth\":\"1978-09-05\"")
        .contains("\"sex\":\"MALE\"")
        .contains("\"validFrom\":\"2026-01-01\"")
        .contains("\"validTo\":\"2026-12-31\"");
  }

  @Test
  void noExpiryIsANewKeyBesideTheOldOnes() throws Exception {
    var never = CliRun.withInput(QR_2021 + "|Không thời hạn", "qr", "parse");
    assertThat(never.exitCode()).as(never.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(never.out());
    assertThat(json.get("noExpiry").asBoolean()).isTrue();
    assertThat(json.has("expiryDate")).isFalse();

    var dated = CliRun.withInput(QR_2021 + "|14032036", "qr", "parse");
    var datedJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dated.out());
    assertThat(datedJson.get("expiryDate").asText()).isEqualTo("2036-03-14");
    assertThat(datedJson.has("noExpiry")).isFalse();
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("qr.txt");
    Files.writeString(file, QR_2021, StandardCharsets.UTF_8);
    var run = CliRun.of("qr", "parse", "--file", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"citizenId\":\"079190012345\"");

    var missing = CliRun.of("qr", "parse", "--file", dir.resolve("none.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--file");
  }

  @Test
  void badInputExitsTwoNamingTheFieldWithoutPersonalData() {
    var impossible = CliRun.withInput(QR_2021.replace("14031990", "31021990"), "qr", "parse");
    assertThat(impossible.exitCode()).isEqualTo(2);
    assertThat(impossible.out()).isEmpty();
    assertThat(impossible.err())
        .contains("dateOfBirth")
        .doesNotContain("31021990")
        .doesNotContain("Nguyễn")
        .doesNotContain("079190012345");

    assertThat(CliRun.withInput("", "qr", "parse").exitCode()).isEqualTo(2);
    assertThat(CliRun.withInput(new byte[] {0, 1, 2, (byte) 0xff, 0}, "qr", "parse").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.withInput("a|b|c", "qr", "parse").exitCode()).isEqualTo(2);

    var huge = CliRun.withInput(new byte[QrCommand.MAX_INPUT_BYTES + 10], "qr", "parse");
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err()).contains("TOO_LONG");
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
