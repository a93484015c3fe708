package vn.id06.it.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import vn.id06.core.audit.AuditEvent;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.FileAuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;

/**
 * The child JVM of {@link AuditCrashTest}: writes audit events to a trail without end, printing how
 * many it has recorded, until it is killed. Arguments: trail file, keys folder, checkpoint
 * interval.
 */
public final class AuditCrashWriter {
  private AuditCrashWriter() {}

  /**
   * Writes events until killed.
   *
   * @param args trail file, keys folder, checkpoint interval
   */
  public static void main(String[] args) {
    Path trail = Path.of(args[0]);
    Path keys = Path.of(args[1]);
    int every = Integer.parseInt(args[2]);
    SubjectHasher hasher = SubjectHasher.fromRawKeyFile(keys.resolve("hmac.key"));
    AuditSigner signer =
        AuditSigner.fromPem(keys.resolve("signing-key.pem"), keys.resolve("signing.pem"));
    OperatorContext op =
        OperatorContext.of("000.00.00.H10", "CB-CRASH-01", "1.004227", "test: crash while writing");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // Closed by the kill, never normally: the point is what a crash leaves.
    FileAuditSink sink =
        FileAuditSink.builder(trail, signer, hasher).checkpointEvery(every).build();
    for (long i = 0; ; i++) {
      sink.record(
          new AuditEvent(
              Instant.now(),
              "verify",
              op,
              hasher.hash(String.format(java.util.Locale.ROOT, "0010900%05d", i % 100_000)),
              AuditOutcome.SUCCESS,
              1,
              "crash-" + i));
      if (i % 25 == 0) {
        out.println(i + 1); // events recorded so far
      }
    }
  }
}
