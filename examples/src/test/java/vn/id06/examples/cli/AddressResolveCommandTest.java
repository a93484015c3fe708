package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressResolveCommandTest {

  @Test
  void oldAddressNamesTodaysCommune() {
    var run = CliRun.of("address", "resolve", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    // Codes from the statistics office's lists: 21976 -> 21952 (whole), province 52 (Gia Lai now).
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"input\":{\"commune\":\"Xã Phước Lộc\",\"district\":\"Huyện Tuy Phước\","
                + "\"province\":\"Tỉnh Bình Định\",\"era\":\"PRE_REFORM\",\"codes\":{\"commune\":"
                + "\"21976\",\"district\":\"550\",\"province\":\"52\"}},\"current\":{\"commune\":"
                + "\"Xã Tuy Phước\",\"province\":\"Tỉnh Gia Lai\",\"codes\":{\"commune\":\"21952\","
                + "\"province\":\"52\"}},\"certainty\":\"EXACT\",\"candidates\":[{\"commune\":"
                + "\"Xã Tuy Phước\",\"province\":\"Tỉnh Gia Lai\",\"codes\":{\"commune\":\"21952\","
                + "\"province\":\"52\"},\"share\":\"WHOLE\",\"from\":\"21976\"}]}");
  }

  @Test
  void splitCommuneListsItsCandidates() {
    // mapping.csv: 00112 (Phường Thụy Khuê, Quận Tây Hồ) went in parts to several wards.
    var run = CliRun.of("address", "resolve", "Phường Thụy Khuê, Quận Tây Hồ, Hà Nội");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"certainty\":\"SPLIT\"").contains("\"share\":\"PART\"");
    assertThat(run.out()).doesNotContain("\"current\":{\"commune\"");
  }

  @Test
  void unknownIsAResult() {
    var run = CliRun.of("address", "resolve", "Synthetic Street 1, Springfield");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"input\":{\"detail\":\"Synthetic Street 1, Springfield\"},\"current\":{},"
                + "\"certainty\":\"UNKNOWN\",\"candidates\":[]}");
  }

  @Test
  void badInputExitsTwoWithoutEchoingIt() {
    var run = CliRun.of("address", "resolve", "Synthetic\u0001");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("bad input").doesNotContain("Synthetic");
    assertThat(CliRun.of("address", "resolve", " ").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("address").exitCode()).isEqualTo(2);
  }
}
