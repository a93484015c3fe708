package vn.id06.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.audit.AuditProblem;
import vn.id06.core.audit.AuditProblem.Kind;
import vn.id06.core.audit.AuditReport;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.AuditVerifier;

/**
 * A crash in the middle of writing (kill -9 of a child JVM) loses only the unflushed tail: the
 * verifier reports the lines after the last checkpoint (or a cut last line), never an edit.
 */
class AuditCrashTest {
  private static final int CHECKPOINT_EVERY = 200;
  private static final List<Kind> CRASH_KINDS =
      List.of(Kind.UNSEALED_TAIL, Kind.INCOMPLETE_LINE, Kind.NOT_CLOSED);

  @Test
  void killNineLosesOnlyTheUnsealedTail(@TempDir Path dir) throws Exception {
    Path keys = Files.createDirectory(dir.resolve("keys"));
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(
        keys.resolve("signing-key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(
        keys.resolve("signing.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    byte[] hmac = new byte[32];
    new SecureRandom().nextBytes(hmac);
    Files.write(keys.resolve("hmac.key"), hmac);
    AuditVerifier verifier =
        AuditVerifier.of(AuditSigner.publicKeyFromPem(keys.resolve("signing.pem")));

    // Three crashes at different moments, each on its own trail.
    for (int run = 0; run < 3; run++) {
      Path trail = dir.resolve("trail-" + run + ".jsonl");
      long recorded = crash(trail, keys, 1000 + 700L * run);
      AuditReport r = verifier.verify(List.of(trail));
      AuditProblem p = r.problem().orElseThrow(() -> new AssertionError("a crash leaves a tail"));
      assertThat(p.kind()).as(p.toString()).isIn(CRASH_KINDS);
      // At most the events since the last checkpoint (plus a cut line) are lost or unsealed.
      assertThat(r.events()).as(p.toString()).isGreaterThanOrEqualTo(recorded - CHECKPOINT_EVERY);
      assertThat(r.unsealed()).isLessThanOrEqualTo(CHECKPOINT_EVERY + 1L);
      if (p.kind() == Kind.UNSEALED_TAIL) {
        assertThat(p.detail()).contains(r.unsealed() + " record(s)");
      }
    }
  }

  /** Starts the writer, waits until it reports {@code atLeast} events, kills it with SIGKILL. */
  private static long crash(Path trail, Path keys, long atLeast) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AuditCrashWriter.class.getName(),
                trail.toString(),
                keys.toString(),
                Integer.toString(CHECKPOINT_EVERY))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long recorded = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (recorded < atLeast && (line = out.readLine()) != null) {
        recorded = Long.parseLong(line.strip());
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(recorded).as("the writer ran").isGreaterThanOrEqualTo(atLeast);
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
    return recorded;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
