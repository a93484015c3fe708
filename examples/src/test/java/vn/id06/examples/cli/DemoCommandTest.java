package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demoRunsOfflineAndShowsChecksRepairsAndRefusals() {
    var run = CliRun.of("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("registered in Hồ Chí Minh")
        .contains("BIRTH_YEAR_IN_FUTURE")
        .contains("UNKNOWN_PREFIX")
        // the garbled QR is repaired back to the clean name and the repair is named
        .contains("name     Nguyễn Thị Hoà")
        .contains("fullName: UTF8_READ_AS_CP1252")
        .contains("registered in Bình Định (since 2025-07-01 part of Gia Lai)")
        .contains("rejected: dateOfBirth: FUTURE_DATE")
        .contains("rejected: fullName: UNREPAIRABLE_TEXT")
        .contains("kind     BHYT")
        .contains("rejected: dateOfBirth")
        .doesNotContain("unexpectedly accepted");
  }

  @Test
  void demoReadsTheVirtualCardChecksTheGatewayAndPrefillsASealedForm() {
    var run = CliRun.of("demo");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = run.out();
    String genuine = section(out, "4. ", "   cloned chip");
    String cloned = section(out, "   cloned chip", "5. ");
    assertThat(genuine)
        .contains("access     PACE")
        .containsPattern("passive +PROVEN")
        .containsPattern("chip +PROVEN")
        .containsPattern("active +PROVEN")
        .contains("level      CHIP_AUTHENTICATED")
        .containsPattern("APDUs +[1-9][0-9]*")
        .contains("name       Nguyễn Thị Hòa");
    assertThat(cloned)
        .containsPattern("passive +PROVEN")
        .containsPattern("chip +FAILED")
        .containsPattern("active +FAILED")
        .contains("level      CHIP_UNVERIFIED");
    assertThat(section(out, "5. ", "6. "))
        .containsPattern("as held +MATCH, level POPULATION_DATABASE, request \\S+")
        .containsPattern("wrong birth date +MISMATCH \\(dateOfBirth\\), level POPULATION_DATABASE");
    assertThat(section(out, "6. ", "Done."))
        .containsPattern("fullName +locked +chip \\(CHIP_AUTHENTICATED\\) +Nguyễn Thị Hòa")
        .contains("conflict   currentAddress: chip")
        .contains("unchanged submission clean: true")
        .containsPattern("after changing \\S+: tampering detected: \\S+ CHANGED")
        .doesNotContain("NOT DETECTED");
  }

  /** The text from the line starting with {@code from} up to the line starting with {@code to}. */
  private static String section(String out, String from, String to) {
    int start = out.indexOf("\n" + from);
    int end = out.indexOf("\n" + to, start + 1);
    assertThat(start).as("section " + from).isNotNegative();
    assertThat(end).as("end of section " + from).isGreaterThan(start);
    return out.substring(start, end);
  }
}
