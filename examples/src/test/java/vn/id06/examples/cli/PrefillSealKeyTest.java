package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.eform.SealKeys;

/**
 * Where {@code prefill} and {@code prefill verify} take the portal's sealing key from: {@code
 * --seal-key FILE}, else {@code ID06_SEAL_KEY} (a PKCS#12 file's password in {@code
 * ID06_SEAL_KEY_PASSWORD}), else a throwaway key kept in the output folder.
 */
class PrefillSealKeyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A PKCS#12 key store made by the JDK's keytool, as a portal's operator would make one. */
  private static Path pkcs12(Path dir) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in this JDK");
    Path p12 = dir.resolve("portal.p12");
    Process proc =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "s3cret-pass",
                "-alias",
                "portal",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Portal Test",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    proc.getInputStream().readAllBytes();
    assertThat(proc.waitFor()).isZero();
    return p12;
  }

  @Test
  void aPkcs12KeyFromTheEnvironmentWithItsPassword(@TempDir Path tmp) throws Exception {
    Path p12 = pkcs12(tmp);
    Map<String, String> env =
        Map.of("ID06_SEAL_KEY", p12.toString(), "ID06_SEAL_KEY_PASSWORD", "s3cret-pass");
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.withEnv(
            env,
            "prefill",
            "--form",
            "judicial-record",
            "--from-qr",
            PrefillGoldenTest.QR,
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(MAPPER.readTree(run.out()).get("throwawayKey").asBoolean()).isFalse();
    assertThat(dir.resolve("seal-key.pem")).doesNotExist();
    assertThat(run.err()).doesNotContain("s3cret");
    CliRun verify =
        CliRun.withEnv(
            env, "prefill", "verify", dir.toString(), dir.resolve("form.json").toString());
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    // --seal-key wins over the environment: another key, so the seal does not verify.
    Path other = tmp.resolve("other.pem");
    Files.writeString(other, SealKeys.toPem(SealKeys.generate()));
    CliRun overridden =
        CliRun.withEnv(
            env,
            "prefill",
            "verify",
            dir.toString(),
            dir.resolve("form.json").toString(),
            "--seal-key",
            other.toString());
    assertThat(overridden.exitCode()).isEqualTo(4);
    assertThat(MAPPER.readTree(overridden.out()).get("sealValid").asBoolean()).isFalse();
  }

  @Test
  void aWrongPasswordIsBadInputNamingTheKeyAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path p12 = pkcs12(tmp);
    Path dir = tmp.resolve("out");
    CliRun run =
        CliRun.withEnv(
            Map.of("ID06_SEAL_KEY", p12.toString(), "ID06_SEAL_KEY_PASSWORD", "not-the-pass-42"),
            "prefill",
            "--form",
            "judicial-record",
            "--from-qr",
            PrefillGoldenTest.QR,
            "--out",
            dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sealKey").doesNotContain("not-the-pass-42");
    assertThat(run.out()).isEmpty();
    assertThat(dir).doesNotExist();
  }
}
