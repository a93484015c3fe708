package vn.id06.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Test fixtures: keys, synthetic events and trails. */
final class AuditTrails {
  static final KeyPair KEYS = generate("Ed25519");
  static final KeyPair OTHER_KEYS = generate("Ed25519");
  static final AuditSigner SIGNER = AuditSigner.of(KEYS.getPrivate(), KEYS.getPublic());
  static final SubjectHasher HASHER =
      SubjectHasher.of(new SecretKeySpec(new byte[32], "HmacSHA256"));
  static final OperatorContext OPERATOR =
      OperatorContext.of("G01.999.000.000", "CB001", "1.001234", "Xác minh thông tin cư trú");

  static final List<AuditOutcome> OUTCOMES =
      List.of(
          AuditOutcome.SUCCESS,
          AuditOutcome.NOT_FOUND,
          AuditOutcome.REFUSED,
          AuditOutcome.UNAVAILABLE);

  private AuditTrails() {}

  static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static AuditEvent event(int i) {
    // Synthetic 12-digit IDs.
    String subject = String.format("0010900%05d", i);
    return new AuditEvent(
        Instant.parse("2026-03-01T01:00:00Z").plusSeconds(i),
        i % 2 == 0 ? "verify" : "lookup",
        OPERATOR,
        HASHER.hash(subject),
        OUTCOMES.get(i % OUTCOMES.size()),
        1 + i % 3,
        "req-" + i);
  }

  /**
   * The events of one batch call: subjects {@code first} to {@code first + n - 1}, sharing the
   * call's time, operation, attempts and request id; outcomes vary.
   */
  static List<AuditEvent> call(int first, int n) {
    List<AuditEvent> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int i = first + k;
      out.add(
          new AuditEvent(
              Instant.parse("2026-03-01T01:00:00Z").plusSeconds(first),
              "verify-batch",
              OPERATOR,
              HASHER.hash(String.format("0010900%05d", i)),
              OUTCOMES.get(i % OUTCOMES.size()),
              1 + first % 3,
              "batch-" + first));
    }
    return out;
  }

  /**
   * Writes a trail of {@code events} events in calls of 1, 3 and 2 subjects in turn (a batch call's
   * subjects share one group record).
   */
  static Path writeBatched(Path file, int events, int checkpointEvery) {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
    int[] sizes = {1, 3, 2};
    try (FileAuditSink s = sink(file, clock).checkpointEvery(checkpointEvery).build()) {
      int i = 0;
      for (int c = 0; i < events; c++) {
        int n = Math.min(sizes[c % sizes.length], events - i);
        if (n == 1) {
          s.record(event(i));
        } else {
          s.recordAll(call(i, n));
        }
        i += n;
      }
    }
    return file;
  }

  static FileAuditSink.Builder sink(Path file, Clock clock) {
    return FileAuditSink.builder(file, SIGNER, HASHER)
        .clock(clock)
        .rotateDaily(false, ZoneId.of("Asia/Ho_Chi_Minh"));
  }

  static Path write(Path file, int events, int checkpointEvery) {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
    try (FileAuditSink s = sink(file, clock).checkpointEvery(checkpointEvery).build()) {
      for (int i = 0; i < events; i++) {
        s.record(event(i));
      }
    }
    return file;
  }

  static List<String> lines(Path file) throws IOException {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static void writeLines(Path file, List<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  static Duration day() {
    return Duration.ofDays(1);
  }
}
