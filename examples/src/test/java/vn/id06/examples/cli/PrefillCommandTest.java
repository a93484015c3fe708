package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.eform.SealKeys;

class PrefillCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Synthetic card QR: male born 1985 (ID 079 0 85 ...), a pre-reform Bình Định address. */
  private static final String QR =
      "079085001234|025123456|Trần Văn Thử|14031985|Nam|"
          + "Thôn 3, Xã Canh Liên, Huyện Vân Canh, Tỉnh Bình Định|10072021";

  private static JsonNode json(String s) throws Exception {
    return MAPPER.readTree(s);
  }

  @Test
  void listPrintsTheTemplates() throws Exception {
    CliRun run = CliRun.of("prefill", "--list");
    assertThat(run.exitCode()).isZero();
    assertThat(json(run.out()).get("templates"))
        .extracting(n -> n.get("id").asText())
        .contains(
            "birth-registration",
            "permanent-residence",
            "temporary-residence",
            "judicial-record",
            "driving-licence-renewal",
            "health-insurance-renewal");
  }

  @Test
  void prefillFromTheVirtualCardLocksTheChipsValuesAtChipAuthenticated(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.of(
            "prefill",
            "--form",
            "permanent-residence",
            "--from-card",
            "--virtual",
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = json(run.out());
    assertThat(out.get("locked"))
        .extracting(n -> n.get("field").asText())
        .contains("fullName", "dateOfBirth", "sex", "citizenId");
    assertThat(out.get("locked"))
        .extracting(n -> n.get("level").asText())
        .containsOnly("CHIP_AUTHENTICATED");
    assertThat(dir.resolve("seal.jws")).exists();
  }

  @Test
  void cardOptionsWithoutFromCardAreBadInputAndWriteNothing(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.of("prefill", "--form", "permanent-residence", "--virtual", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(dir).doesNotExist();
  }

  @Test
  void fromCardWithATerminalButNoAccessDataIsBadInput(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.of(
            "prefill",
            "--form",
            "permanent-residence",
            "--from-card",
            "--terminal",
            "No Such Reader",
            "--out",
            dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(dir).doesNotExist();
  }

  @Test
  void prefillFromQrWritesTheFormAndAnUnchangedSubmissionVerifies(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.of(
            "prefill", "--form", "permanent-residence", "--from-qr", QR, "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = json(run.out());
    assertThat(out.get("throwawayKey").asBoolean()).isTrue();
    assertThat(run.err()).contains("throwaway key").doesNotContain("Thử").doesNotContain("079085");
    assertThat(out.get("locked"))
        .extracting(n -> n.get("field").asText())
        .containsExactly("fullName", "dateOfBirth", "sex", "citizenId", "currentAddress.province");
    assertThat(out.get("toConfirm")).extracting(JsonNode::asText).containsExactly("currentAddress");
    for (String f : new String[] {"form.json", "form.html", "seal.jws", "seal-key.pem"}) {
      assertThat(dir.resolve(f)).exists();
    }
    JsonNode form = json(Files.readString(dir.resolve("form.json")));
    assertThat(form.get("form").asText()).isEqualTo("permanent-residence");

    CliRun clean =
        CliRun.of("prefill", "verify", dir.toString(), dir.resolve("form.json").toString());
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(json(clean.out()).get("tampered")).isEmpty();

    ObjectNode changed = (ObjectNode) form.deepCopy();
    for (JsonNode f : changed.get("fields")) {
      if (f.get("id").asText().equals("fullName")) {
        ((ObjectNode) f).put("value", "Trần Văn Khác");
      }
    }
    Path sub = tmp.resolve("changed.json");
    Files.writeString(sub, MAPPER.writeValueAsString(changed));
    CliRun tampered = CliRun.of("prefill", "verify", dir.toString(), sub.toString());
    assertThat(tampered.exitCode()).isEqualTo(4);
    JsonNode t = json(tampered.out()).get("tampered");
    assertThat(t).hasSize(1);
    assertThat(t.get(0).get("field").asText()).isEqualTo("fullName");
    assertThat(t.get(0).get("reason").asText()).isEqualTo("CHANGED");
  }

  @Test
  void aFieldTheFormDoesNotHaveIsBadInput(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("out");
    assertThat(
            CliRun.of(
                    "prefill",
                    "--form",
                    "judicial-record",
                    "--from-qr",
                    QR,
                    "--out",
                    dir.toString())
                .exitCode())
        .isZero();
    ObjectNode form = (ObjectNode) json(Files.readString(dir.resolve("form.json")));
    form.withArray("fields").addObject().put("id", "bankAccount").put("value", "123");
    Path sub = tmp.resolve("extra.json");
    Files.writeString(sub, MAPPER.writeValueAsString(form));
    CliRun run = CliRun.of("prefill", "verify", dir.toString(), sub.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bankAccount");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aSealKeyFromAnotherPortalFailsVerification(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("out");
    Path key = tmp.resolve("portal.pem");
    Files.writeString(key, SealKeys.toPem(SealKeys.generate()));
    CliRun run =
        CliRun.of(
            "prefill",
            "--form",
            "driving-licence-renewal",
            "--from-qr",
            QR,
            "--out",
            dir.toString(),
            "--seal-key",
            key.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(json(run.out()).get("throwawayKey").asBoolean()).isFalse();
    assertThat(dir.resolve("seal-key.pem")).doesNotExist();
    CliRun ok =
        CliRun.of(
            "prefill",
            "verify",
            dir.toString(),
            dir.resolve("form.json").toString(),
            "--seal-key",
            key.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    Path other = tmp.resolve("other.pem");
    Files.writeString(other, SealKeys.toPem(SealKeys.generate()));
    CliRun bad =
        CliRun.of(
            "prefill",
            "verify",
            dir.toString(),
            dir.resolve("form.json").toString(),
            "--seal-key",
            other.toString());
    assertThat(bad.exitCode()).isEqualTo(4);
    assertThat(bad.err()).contains("seal");
  }

  @Test
  void nothingIsWrittenWhenPrefillFails(@TempDir Path tmp) {
    Path dir = tmp.resolve("out");
    CliRun unknown = CliRun.of("prefill", "--form", "passport", "--out", dir.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("template");
    CliRun badQr =
        CliRun.of(
            "prefill",
            "--form",
            "permanent-residence",
            "--from-qr",
            "garbage",
            "--out",
            dir.toString());
    assertThat(badQr.exitCode()).isEqualTo(2);
    CliRun badKey =
        CliRun.of(
            "prefill",
            "--form",
            "permanent-residence",
            "--from-qr",
            QR,
            "--out",
            dir.toString(),
            "--seal-key",
            tmp.resolve("missing.pem").toString());
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(dir).doesNotExist();
    assertThat(CliRun.of("prefill").exitCode()).isEqualTo(2);
  }

  @Test
  void anOutThatIsAFileIsBadInputAndAnExistingFolderGetsTheFilesBesideItsOwn(@TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("file");
    Files.writeString(file, "mine");
    CliRun onFile =
        CliRun.of(
            "prefill", "--form", "judicial-record", "--from-qr", QR, "--out", file.toString());
    assertThat(onFile.exitCode()).isEqualTo(2);
    assertThat(onFile.err()).contains("out");
    assertThat(Files.readString(file)).isEqualTo("mine");

    Path dir = tmp.resolve("existing");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("form.json"), "old");
    CliRun run =
        CliRun.of("prefill", "--form", "judicial-record", "--from-qr", QR, "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    assertThat(json(Files.readString(dir.resolve("form.json"))).get("form").asText())
        .isEqualTo("judicial-record");
    // No staging folder is left behind.
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("file", "existing");
    }
  }

  @Test
  void cardAndQrTogetherTheChipWinsAndTheirDisagreementsAreReported(@TempDir Path tmp)
      throws Exception {
    // The virtual card and the QR hold two different synthetic people: every identity field
    // disagrees, the chip's authenticated values are prefilled.
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.of(
            "prefill",
            "--form",
            "judicial-record",
            "--from-qr",
            QR,
            "--from-card",
            "--virtual",
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = json(run.out());
    assertThat(out.get("conflicts"))
        .extracting(JsonNode::asText)
        .contains("fullName", "dateOfBirth", "citizenId");
    assertThat(out.get("locked"))
        .filteredOn(n -> n.get("field").asText().equals("fullName"))
        .extracting(n -> n.get("level").asText())
        .containsExactly("CHIP_AUTHENTICATED");
    assertThat(run.err()).contains("disagree on").doesNotContain("Thử").doesNotContain("079085");
  }
}
