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
}
