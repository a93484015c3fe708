package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InvalidInputException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.AuditProblem.Kind;

/** {@link AuditVerifier#find}, and the writer's guards: one writer per file, the trail's keys. */
class AuditFindAndLockTest {
  @TempDir Path dir;
  private final AuditVerifier verifier = AuditVerifier.of(AuditTrails.KEYS.getPublic());

  @Test
  void findReturnsTheSubjectsEventsInOrder() {
    Path f = AuditTrails.write(dir.resolve("a.jsonl"), 9, 4);
    // AuditTrails.event(i) hashes the synthetic ID 0010900 + i (5 digits).
    AuditSearch s = verifier.find(List.of(f), AuditTrails.HASHER, "001090000004");
    assertThat(s.report().ok()).isTrue();
    assertThat(s.entries()).hasSize(1);
    AuditEntry e = s.entries().get(0);
    AuditEvent expected = AuditTrails.event(4);
    assertThat(e.time()).isEqualTo(expected.time());
    assertThat(e.operation()).isEqualTo(expected.operation());
    assertThat(e.agencyCode()).isEqualTo(AuditTrails.OPERATOR.agencyCode());
    assertThat(e.officerCode()).isEqualTo(AuditTrails.OPERATOR.officerCode());
    assertThat(e.procedureCode()).isEqualTo(AuditTrails.OPERATOR.procedureCode());
    assertThat(e.purpose()).isEqualTo(AuditTrails.OPERATOR.purpose());
    assertThat(e.outcome()).isEqualTo(expected.outcome());
    assertThat(e.attempts()).isEqualTo(expected.attempts());
    assertThat(e.requestId()).isEqualTo("req-4");
    assertThat(e.file()).isEqualTo(f);
    // genesis, checkpoint, events 0..3, checkpoint, then event 4 on line 8
    assertThat(e.line()).isEqualTo(8);
    assertThat(Files.exists(f)).isTrue();
    assertThat(verifier.find(List.of(f), AuditTrails.HASHER, "001090099999").entries()).isEmpty();
  }

  @Test
  void findStopsAtTheFirstProblem() throws Exception {
    Path f = AuditTrails.write(dir.resolve("a.jsonl"), 9, 4);
    List<String> lines = AuditTrails.lines(f);
    // Edit event 1 (line 4): event 4 on line 8 lies beyond the problem.
    lines.set(3, lines.get(3).replace("req-1", "req-X"));
    AuditTrails.writeLines(f, lines);
    AuditSearch s = verifier.find(List.of(f), AuditTrails.HASHER, "001090000004");
    assertThat(s.report().ok()).isFalse();
    assertThat(s.report().problem().get().line()).isEqualTo(4);
    assertThat(s.entries()).isEmpty();
    assertThat(verifier.find(List.of(f), AuditTrails.HASHER, "001090000000").entries()).hasSize(1);
    // The edited line itself is not an answer.
    assertThat(verifier.find(List.of(f), AuditTrails.HASHER, "001090000001").entries()).isEmpty();
  }

  @Test
  void findWithAnotherHmacKeyIsRefused() {
    Path f = AuditTrails.write(dir.resolve("a.jsonl"), 2, 4);
    byte[] other = new byte[32];
    other[0] = 1;
    SubjectHasher wrong = SubjectHasher.of(new SecretKeySpec(other, "HmacSHA256"));
    assertThatThrownBy(() -> verifier.find(List.of(f), wrong, "001090000001"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("another key");
  }

  @Test
  void aSecondWriterOnTheSameFileIsRefused() {
    Path f = dir.resolve("a.jsonl");
    try (FileAuditSink first = AuditTrails.sink(f, Clock.systemUTC()).build()) {
      first.record(AuditTrails.event(1));
      assertThatThrownBy(() -> AuditTrails.sink(f, Clock.systemUTC()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("in use");
      first.record(AuditTrails.event(2));
    }
    assertThat(verifier.verify(List.of(f)).ok()).isTrue();
    // Closed: the next writer continues.
    AuditTrails.sink(f, Clock.systemUTC()).build().close();
    assertThat(verifier.verify(List.of(f)).ok()).isTrue();
  }

  @Test
  void aTrailStartedWithOtherKeysIsNotContinued() throws Exception {
    Path f = AuditTrails.write(dir.resolve("a.jsonl"), 2, 4);
    byte[] before = Files.readAllBytes(f);
    AuditSigner other =
        AuditSigner.of(AuditTrails.OTHER_KEYS.getPrivate(), AuditTrails.OTHER_KEYS.getPublic());
    assertThatThrownBy(() -> FileAuditSink.builder(f, other, AuditTrails.HASHER).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("other keys");
    byte[] key = new byte[32];
    key[31] = 7;
    SubjectHasher otherHmac = SubjectHasher.of(new SecretKeySpec(key, "HmacSHA256"));
    assertThatThrownBy(() -> FileAuditSink.builder(f, AuditTrails.SIGNER, otherHmac).build())
        .isInstanceOf(InvalidInputException.class);
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void aFileWhoseFirstLineIsNotARecordIsNotContinued() throws Exception {
    Path f = AuditTrails.write(dir.resolve("a.jsonl"), 2, 4);
    List<String> lines = AuditTrails.lines(f);
    lines.set(0, "not json");
    AuditTrails.writeLines(f, lines);
    assertThatThrownBy(() -> AuditTrails.sink(f, Clock.systemUTC()).build())
        .isInstanceOf(VerificationException.class);
    assertThat(verifier.verify(List.of(f)).problem().get().kind()).isEqualTo(Kind.NOT_JSON);
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).startsWith("not json\n");
  }
}
