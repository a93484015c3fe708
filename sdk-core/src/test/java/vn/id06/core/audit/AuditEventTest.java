package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;

class AuditEventTest {
  static final OperatorContext OPERATOR =
      OperatorContext.of("G01.999.000.000", "CB001", "1.001234", "Xác minh cư trú")
          .withOfficer("Trần Thị Thử", "079090001245");
  static final String HASH = "ab".repeat(32);

  static AuditEvent event(int i) {
    return new AuditEvent(
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
        "verify",
        OPERATOR,
        HASH,
        AuditOutcome.SUCCESS,
        1,
        "req-" + i);
  }

  @Test
  void toStringHidesPersonalData() {
    String s = event(1).toString();
    assertThat(s).contains("verify", "CB001", "abababab...", "req-1", "SUCCESS");
    assertThat(s).doesNotContain("079090001245", "Trần", HASH);
    AuditEvent noSubject =
        new AuditEvent(Instant.EPOCH, "batchVerify", OPERATOR, null, AuditOutcome.ERROR, 0, null);
    assertThat(noSubject.subjectHash()).isEmpty();
    assertThat(noSubject.requestId()).isEmpty();
    assertThat(noSubject.toString()).contains("subjectHash=,");
  }

  @Test
  void refusesMalformedFields() {
    Instant t = Instant.EPOCH;
    AuditOutcome ok = AuditOutcome.SUCCESS;
    assertThatThrownBy(() -> new AuditEvent(t, "", OPERATOR, HASH, ok, 1, ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditEvent(t, "a b", OPERATOR, HASH, ok, 1, ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditEvent(t, "v", OPERATOR, HASH, ok, 1, "r".repeat(129)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditEvent(t, "v", OPERATOR, "001090012345", ok, 1, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("001090012345");
    assertThatThrownBy(() -> new AuditEvent(t, "v", OPERATOR, HASH, ok, -1, ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditEvent(t, "v", OPERATOR, HASH, ok, 1001, ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditEvent(null, "v", OPERATOR, HASH, ok, 1, ""))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void inMemorySinkKeepsOrderUnderConcurrencyAndIsBounded() throws Exception {
    InMemoryAuditSink sink = InMemoryAuditSink.create();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    sink.record(event(base + i));
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sink.events()).hasSize(4000).doesNotHaveDuplicates();
    sink.flush();
    sink.close();
    sink.clear();
    assertThat(sink.events()).isEmpty();

    InMemoryAuditSink small = InMemoryAuditSink.withCapacity(2);
    small.record(event(1));
    small.record(event(2));
    small.record(event(3));
    assertThat(small.events()).containsExactly(event(2), event(3));
    assertThat(small.dropped()).isEqualTo(1);
    assertThat(small.toString()).contains("dropped=1");
    assertThatThrownBy(() -> InMemoryAuditSink.withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    AuditSink.discarding().record(event(1));
  }
}
