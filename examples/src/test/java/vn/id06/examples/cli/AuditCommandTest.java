package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * The audit trail through the command line: gateway commands with {@code --audit} against the
 * simulator (throwaway keys from its state folder), then {@code audit verify} and {@code audit
 * show} on the clean trail and on copies with one line edited, removed or swapped.
 */
class AuditCommandTest {
  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY = GatewaySimulatorExtension.defaults();

  private static GatewaySimulator sim() {
    return GATEWAY.simulator();
  }

  /** The simulator's state folder: its keys, and the audit trail's throwaway keys. */
  private static Path state() {
    return sim().stateDirectory();
  }

  private static CliRun verifyCitizen(long index, Path trail) {
    SyntheticCitizen c = sim().population().citizen(index);
    return CliRun.of(
        "verify",
        "--gateway",
        sim().rootUri().toString(),
        "--simulator-state",
        state().toString(),
        "--id",
        c.citizenId(),
        "--name",
        c.fullName(),
        "--audit",
        trail.toString());
  }

  private static CliRun auditVerify(Path... files) {
    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    for (Path f : files) {
      args.add(f.toString());
    }
    args.add("--simulator-state");
    args.add(state().toString());
    return CliRun.of(args.toArray(new String[0]));
  }

  private static Path twoVerifications(Path dir) {
    Path trail = dir.resolve("trail.jsonl");
    for (int i = 0; i < 2; i++) {
      CliRun r = verifyCitizen(3 + i, trail);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("{\"result\":").contains("\"fields\":{\"fullName\":");
    }
    return trail;
  }

  @Test
  void twoVerificationsMakeATrailThatVerifies(@TempDir Path dir) throws IOException {
    Path trail = twoVerifications(dir);
    CliRun v = auditVerify(trail);
    assertThat(v.exitCode()).as(v.err()).isZero();
    JsonNode j = v.json();
    assertThat(j.path("ok").asBoolean()).isTrue();
    assertThat(j.path("events").asLong()).isEqualTo(2);
    // genesis, its checkpoint; per run one event, the checkpoint the client's flush writes and the
    // closing one
    assertThat(j.path("records").asLong()).isEqualTo(8);
    assertThat(j.path("checkpoints").asLong()).isEqualTo(5);
    assertThat(j.path("keys").asText()).isEqualTo("simulator");
    assertThat(j.has("problem")).isFalse();
    // The trail holds no ID and no name of the citizen.
    String text = Files.readString(trail, StandardCharsets.UTF_8);
    for (long i = 3; i < 5; i++) {
      assertThat(text)
          .doesNotContain(sim().population().citizen(i).citizenId())
          .doesNotContain(sim().population().citizen(i).fullName());
    }
  }

  @Test
  void anEditedLineIsNamed(@TempDir Path dir) throws IOException {
    Path trail = twoVerifications(dir);
    List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
    assertThat(lines.get(2)).contains("\"type\":\"event\"").contains("DEMO-OFFICER");
    lines.set(2, lines.get(2).replace("DEMO-OFFICER", "DEMO-OFFICEX"));
    assertProblemAtLine(write(dir, lines), 3);
  }

  @Test
  void aRemovedLineIsNamed(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(twoVerifications(dir), StandardCharsets.UTF_8);
    lines.remove(2);
    assertProblemAtLine(write(dir, lines), 3);
  }

  @Test
  void swappedLinesAreNamed(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(twoVerifications(dir), StandardCharsets.UTF_8);
    String third = lines.get(2);
    assertThat(lines.get(5)).contains("\"type\":\"event\"");
    lines.set(2, lines.get(5));
    lines.set(5, third);
    assertProblemAtLine(write(dir, lines), 3);
  }

  @Test
  void aCutTailIsReportedWithItsCount(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(twoVerifications(dir), StandardCharsets.UTF_8);
    // The second run's two checkpoints lost: its event is unsealed.
    lines.remove(lines.size() - 1);
    lines.remove(lines.size() - 1);
    CliRun v = auditVerify(write(dir, lines));
    assertThat(v.exitCode()).isEqualTo(4);
    JsonNode p = v.json().path("problem");
    assertThat(p.path("kind").asText()).isEqualTo("UNSEALED_TAIL");
    assertThat(p.path("line").asLong()).isEqualTo(6);
    assertThat(v.json().path("unsealed").asLong()).isEqualTo(1);
  }

  private static Path write(Path dir, List<String> lines) throws IOException {
    Path f = dir.resolve("changed.jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  private static void assertProblemAtLine(Path file, long line) throws IOException {
    CliRun v = auditVerify(file);
    assertThat(v.exitCode()).as(v.err()).isEqualTo(4);
    JsonNode j = v.json();
    assertThat(j.path("ok").asBoolean()).isFalse();
    assertThat(j.path("problem").path("line").asLong()).as(v.out()).isEqualTo(line);
    assertThat(j.path("problem").path("file").asText()).isEqualTo(file.toString());
  }

  @Test
  void showAnswersWhoLookedTheSubjectUp(@TempDir Path dir) throws IOException {
    Path trail = twoVerifications(dir);
    String id = sim().population().citizen(3).citizenId();
    CliRun s =
        CliRun.of(
            "audit",
            "show",
            trail.toString(),
            "--subject",
            id,
            "--simulator-state",
            state().toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    JsonNode entries = s.json().path("entries");
    assertThat(entries).hasSize(1);
    JsonNode e = entries.get(0);
    assertThat(e.path("operation").asText()).isEqualTo("verify");
    assertThat(e.path("agency").asText()).isEqualTo("DEMO-AGENCY");
    assertThat(e.path("officer").asText()).isEqualTo("DEMO-OFFICER");
    assertThat(e.path("procedure").asText()).isEqualTo("DEMO");
    assertThat(e.path("purpose").asText()).isEqualTo("id06 simulator demo");
    assertThat(e.path("time").asText()).endsWith("Z");
    assertThat(e.path("line").asLong()).isEqualTo(3);
    // Someone never looked up has no entries.
    String other = sim().population().citizen(7).citizenId();
    CliRun none =
        CliRun.of(
            "audit",
            "show",
            trail.toString(),
            "--subject",
            other,
            "--simulator-state",
            state().toString());
    assertThat(none.exitCode()).isZero();
    assertThat(none.json().path("entries")).isEmpty();
  }

  @Test
  void lookupAndHealthInsuranceAreAuditedToo(@TempDir Path dir) throws IOException {
    Path trail = dir.resolve("trail.jsonl");
    String id = sim().population().citizen(5).citizenId();
    String gw = sim().rootUri().toString();
    CliRun l =
        CliRun.of(
            "lookup",
            "--gateway",
            gw,
            "--simulator-state",
            state().toString(),
            "--id",
            id,
            "--audit",
            trail.toString());
    assertThat(l.exitCode()).as(l.err()).isZero();
    assertThat(l.out()).startsWith("{\"found\":true,\"citizen\":{\"fullName\":");
    assertThat(l.err()).contains("throwaway keys");
    CliRun h =
        CliRun.withEnv(
            Map.of("ID06_AUDIT_FILE", trail.toString()),
            "health-insurance",
            "--gateway",
            gw,
            "--simulator-state",
            state().toString(),
            "--id",
            id);
    assertThat(h.exitCode()).as(h.err()).isZero();
    assertThat(h.out()).startsWith("{\"found\":");
    CliRun s =
        CliRun.of(
            "audit",
            "show",
            trail.toString(),
            "--subject",
            id,
            "--simulator-state",
            state().toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    List<String> ops = new ArrayList<>();
    s.json().path("entries").forEach(e -> ops.add(e.path("operation").asText()));
    assertThat(ops).hasSize(2).startsWith("lookup");
  }

  @Test
  void elsewhereTheKeysAreRequired(@TempDir Path dir) {
    CliRun r =
        CliRun.of(
            "verify",
            "--gateway",
            "https://gateway.example.vn/",
            "--agency",
            "G01",
            "--officer",
            "CB1",
            "--procedure",
            "1.0001",
            "--purpose",
            "test",
            "--id",
            "001090000001",
            "--audit",
            dir.resolve("t.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--audit-keys").contains("ID06_AUDIT_KEYS");
    assertThat(dir.resolve("t.jsonl")).doesNotExist();
  }

  @Test
  void verifyWithoutKeysOrSimulatorKeysIsBadInput(@TempDir Path dir) throws IOException {
    Path trail = twoVerifications(dir);
    CliRun r =
        CliRun.of(
            "audit",
            "verify",
            trail.toString(),
            "--simulator-state",
            dir.resolve("none").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--audit-keys");
  }

  @Test
  void ownKeysFromAFolderRawAndPem(@TempDir Path dir) throws Exception {
    // The simulator's throwaway folder has the documented layout: copy it as "own" keys.
    Path keys = Files.createDirectory(dir.resolve("keys"));
    for (String f : new String[] {"hmac.key", "signing-key.pem", "signing.pem"}) {
      Files.copy(state().resolve("audit").resolve(f), keys.resolve(f));
    }
    Path trail = dir.resolve("own.jsonl");
    SyntheticCitizen c = sim().population().citizen(2);
    CliRun r =
        CliRun.withEnv(
            Map.of("ID06_AUDIT_KEYS", keys.toString()),
            "verify",
            "--gateway",
            sim().rootUri().toString(),
            "--simulator-state",
            state().toString(),
            "--id",
            c.citizenId(),
            "--audit",
            trail.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("throwaway");
    // Verifying needs only the public key.
    Path pub = Files.createDirectory(dir.resolve("pub"));
    Files.copy(keys.resolve("signing.pem"), pub.resolve("signing.pem"));
    CliRun v = CliRun.of("audit", "verify", trail.toString(), "--audit-keys", pub.toString());
    assertThat(v.exitCode()).as(v.err()).isZero();
    assertThat(v.json().path("keys").asText()).isEqualTo("folder");
  }

  @Test
  void ownKeysFromPkcs12(@TempDir Path dir) throws Exception {
    Path keys = Files.createDirectory(dir.resolve("keys"));
    String pw = "changeit-" + System.nanoTime();
    keytool(
        "-genseckey",
        "-keyalg",
        "HmacSHA256",
        "-keysize",
        "256",
        "-alias",
        "hmac",
        "-keystore",
        keys.resolve("hmac.p12").toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        pw);
    keytool(
        "-genkeypair",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-alias",
        "signing",
        "-dname",
        "CN=audit test",
        "-validity",
        "30",
        "-keystore",
        keys.resolve("signing.p12").toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        pw);
    Path trail = dir.resolve("p12.jsonl");
    SyntheticCitizen c = sim().population().citizen(1);
    Map<String, String> env =
        Map.of("ID06_AUDIT_KEYS", keys.toString(), "ID06_AUDIT_KEYS_PASSWORD", pw);
    CliRun r =
        CliRun.withEnv(
            env,
            "verify",
            "--gateway",
            sim().rootUri().toString(),
            "--simulator-state",
            state().toString(),
            "--id",
            c.citizenId(),
            "--audit",
            trail.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    CliRun v = CliRun.withEnv(env, "audit", "verify", trail.toString());
    assertThat(v.exitCode()).as(v.err()).isZero();
    CliRun s = CliRun.withEnv(env, "audit", "show", trail.toString(), "--subject", c.citizenId());
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(s.json().path("entries")).hasSize(1);
    // The simulator's throwaway keys did not sign it: verifying with them is refused as bad input.
    CliRun wrong =
        CliRun.of("audit", "verify", trail.toString(), "--simulator-state", state().toString());
    assertThat(wrong.exitCode()).isEqualTo(2);
    // A wrong password is bad input, without the password in the message.
    CliRun badPw =
        CliRun.withEnv(
            Map.of("ID06_AUDIT_KEYS", keys.toString(), "ID06_AUDIT_KEYS_PASSWORD", "nope"),
            "audit",
            "verify",
            trail.toString());
    assertThat(badPw.exitCode()).isEqualTo(2);
    assertThat(badPw.err()).doesNotContain(pw);
    // A trail continued with other keys is refused before anything is written.
    long size = Files.size(trail);
    CliRun other = verifyCitizen(1, trail);
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("other keys");
    assertThat(Files.size(trail)).isEqualTo(size);
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void badFilesAreTypedErrors(@TempDir Path dir) throws IOException {
    twoVerifications(dir); // makes sure the throwaway keys exist
    CliRun missing = auditVerify(dir.resolve("missing.jsonl"));
    assertThat(missing.exitCode()).isEqualTo(2);
    Path png = dir.resolve("picture.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
    CliRun notJson = auditVerify(png);
    assertThat(notJson.exitCode()).isEqualTo(4);
    assertThat(notJson.json().path("problem").path("kind").asText())
        .isIn("NOT_JSON", "INCOMPLETE_LINE");
    assertThat(notJson.json().path("problem").path("line").asLong()).isEqualTo(1);
    Path badHash = dir.resolve("badhash.jsonl");
    List<String> lines = Files.readAllLines(dir.resolve("trail.jsonl"), StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"abc\""));
    Files.writeString(badHash, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    CliRun bad = auditVerify(badHash);
    assertThat(bad.exitCode()).isEqualTo(4);
    assertThat(bad.json().path("problem").path("kind").asText()).isEqualTo("BAD_FIELD");
    assertThat(bad.json().path("problem").path("line").asLong()).isEqualTo(2);
    CliRun noArgs = CliRun.of("audit");
    assertThat(noArgs.exitCode()).isEqualTo(2);
  }
}
