package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run as a hostile caller or a careless integrator would: each test is one class
 * of defect found by probing the command line from outside.
 */
class HostileInputTest {
  private static final String QR_2021 =
      "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021";

  @Test
  void anArgumentStartingWithAtIsNotReadAsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("args");
    Files.writeString(file, "079190012345\n", StandardCharsets.UTF_8);
    var existing = CliRun.of("id", "inspect", "@" + file);
    var missing = CliRun.of("id", "inspect", "@" + dir.resolve("none"));
    // Not the file's content: "@..." is not 12 digits.
    assertThat(existing.exitCode()).isEqualTo(2);
    assertThat(existing.out()).isEmpty();
    // And the answer does not tell whether the file exists.
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo(existing.err());
  }

  @Test
  void tooManyArgumentsAreRefusedBeforeParsing() {
    String[] args = new String[40_002];
    Arrays.fill(args, "x");
    args[0] = "id";
    args[1] = "inspect";
    var run = CliRun.of(args);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    // Refused by the bound, not by the parser (whose unmatched-argument path is quadratic).
    assertThat(run.err()).contains("more than " + Id06Command.MAX_ARGUMENTS + " arguments");
  }

  @Test
  void aLongButLegalCommandLineStillParses() {
    String[] args = new String[Id06Command.MAX_ARGUMENTS];
    Arrays.fill(args, "x");
    args[0] = "id";
    args[1] = "inspect";
    var run = CliRun.of(args);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unexpected argument");
  }

  @Test
  void c1ControlsAndLineSeparatorsNeverReachStdoutRaw() throws Exception {
    // A 2024 card's extra fields are kept as they come; a CSI or a line separator in them must not.
    for (String hostile : new String[] {"\u009b31m", "a\u0085b", "a\u2028b", "a\u2029b"}) {
      var run =
          CliRun.withInput(QR_2021.replace("|01072021", "|01072021|" + hostile), "qr", "parse");
      if (run.exitCode() == 0) {
        assertThat(run.out()).doesNotContainPattern("[\\u0080-\\u009f\\u2028\\u2029]");
        // Whatever the parser kept of it is still there, escaped: the output is valid JSON.
        assertThat(new ObjectMapper().readTree(run.out()).get("extraFields").isArray()).isTrue();
      } else {
        assertThat(run.exitCode()).isEqualTo(2); // refused by the parser: also fine
      }
    }
  }

  @Test
  void utf16InputIsNamedInTheMessage() {
    for (var charset :
        new java.nio.charset.Charset[] {
          StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE
        }) {
      var run = CliRun.withInput(QR_2021.getBytes(charset), "qr", "parse");
      assertThat(run.exitCode()).as(charset.name()).isEqualTo(2);
      assertThat(run.err()).as(charset.name()).contains("UTF-16").doesNotContain("NUL");
    }
    // Plain UTF-8 is not taken for UTF-16.
    assertThat(QrCommand.Parse.looksLikeUtf16(QR_2021.getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void aDeclaredBirthDateInTheFutureIsRefusedAsQrParseRefusesIt() {
    // 079 3 26 ...: a girl born in 2026; the fixed clock says 2026-11-27.
    var future = CliRun.of("id", "inspect", "079326000001", "--dob", "2026-12-25");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.out()).isEmpty();
    assertThat(future.err()).contains("dateOfBirth").contains("FUTURE_DATE");

    var qr =
        CliRun.withInput(
            "079326000001|Nguyễn Thị An|25122026|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|26112026",
            "qr",
            "parse");
    assertThat(qr.exitCode()).isEqualTo(2);
    assertThat(qr.err()).contains("dateOfBirth").contains("FUTURE_DATE");

    // Today and a partial date that may be today are not in the future.
    assertThat(CliRun.of("id", "inspect", "079326000001", "--dob", "2026-11-27").exitCode())
        .isZero();
    assertThat(CliRun.of("id", "inspect", "079326000001", "--dob", "2026-11").exitCode()).isZero();
  }
}
