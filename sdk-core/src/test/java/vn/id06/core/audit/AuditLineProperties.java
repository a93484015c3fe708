package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The hand-written line writer writes what Jackson's default generator writes (the independent
 * reference), for any text, integers and booleans: trails written before and after it verify alike.
 */
class AuditLineProperties {
  private static final JsonFactory JACKSON = new JsonFactory();
  // Shared by the tries of a property, which jqwik runs one after another.
  private static final EventLineEncoder SHARED = new EventLineEncoder();

  @Property(tries = 500)
  void sameBytesAsJackson(
      @ForAll @Size(max = 6) List<String> texts, @ForAll long number, @ForAll boolean flag)
      throws IOException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("v", 1L);
    r.put("seq", number);
    for (int i = 0; i < texts.size(); i++) {
      r.put("t" + i + texts.get(i), texts.get(i));
    }
    r.put("final", flag);
    assertThat(AuditRecords.line(r)).isEqualTo(jackson(r));
  }

  @Property(tries = 50)
  void controlCharactersQuotesAndVietnamese(@ForAll char c) throws IOException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("purpose", "Xác minh \"cư trú\" \\ " + c + " tail" + c);
    assertThat(AuditRecords.line(r)).isEqualTo(jackson(r));
  }

  /**
   * The sink's event encoder writes, byte for byte, the UTF-8 of what Jackson writes for the same
   * record, with {@link Instant#toString()} for the time: any operator text (Vietnamese, quotes,
   * backslashes, lone surrogates), any instant, any printable request id.
   */
  @Property(tries = 1000)
  void eventEncoderWritesJacksonsBytes(
      @ForAll("purposes") String purpose,
      @ForAll("instants") Instant time,
      @ForAll @LongRange(min = 0) long seq,
      @ForAll("tokens") String operation,
      @ForAll("tokens") String requestId,
      @ForAll @IntRange(min = 0, max = 1000) int attempts,
      @ForAll AuditOutcome outcome,
      @ForAll boolean withSubject)
      throws IOException {
    OperatorContext op = OperatorContext.of("000.00.00.H10", "CB-\"01\"", "1.004227", purpose);
    String subject = withSubject ? "ab".repeat(32) : "";
    AuditEvent e = new AuditEvent(time, operation, op, subject, outcome, attempts, requestId);
    String prev = "0123456789abcdef".repeat(4);
    Map<String, Object> r = callRecord(seq, "event", time, prev, operation, op);
    r.put("subject", subject);
    r.put("outcome", outcome.name());
    r.put("attempts", (long) attempts);
    r.put("requestId", requestId);
    byte[] expected = jackson(r).getBytes(StandardCharsets.UTF_8);

    // Twice through one encoder: the second line comes from its caches.
    EventLineEncoder encoder = new EventLineEncoder();
    for (int i = 0; i < 2; i++) {
      encoder.encode(seq, prev.getBytes(StandardCharsets.US_ASCII), queued(e), 0);
      assertThat(Arrays.copyOf(encoder.bytes(), encoder.length())).isEqualTo(expected);
    }
    // And through one encoder for all tries: its caches follow each change of operator, operation,
    // request id and second.
    SHARED.encode(seq, prev.getBytes(StandardCharsets.US_ASCII), queued(e), 0);
    assertThat(Arrays.copyOf(SHARED.bytes(), SHARED.length())).isEqualTo(expected);
  }

  /**
   * A batch call's group record, too: the shared fields once, the subjects and outcomes comma
   * separated, byte for byte as Jackson writes the same record.
   */
  @Property(tries = 300)
  void groupEncoderWritesJacksonsBytes(
      @ForAll("purposes") String purpose,
      @ForAll("instants") Instant time,
      @ForAll @LongRange(min = 0) long seq,
      @ForAll("tokens") String requestId,
      @ForAll @IntRange(min = 2, max = 40) int size,
      @ForAll @IntRange(min = 0, max = 1000) int seed)
      throws IOException {
    OperatorContext op = OperatorContext.of("000.00.00.H10", "CB-01", "1.004227", purpose);
    PendingEvents q = new PendingEvents(size);
    List<String> subjects = new java.util.ArrayList<>();
    List<String> outcomes = new java.util.ArrayList<>();
    AuditOutcome[] all = AuditOutcome.values();
    for (int i = 0; i < size; i++) {
      String subject = AuditTrails.HASHER.hash(String.format("0010900%05d", seed + i));
      AuditOutcome outcome = all[(seed + i * 7) % all.length];
      subjects.add(subject);
      outcomes.add(outcome.name());
      q.addEvent(
          new AuditEvent(time, "verify-batch", op, subject, outcome, 2, requestId),
          Instant.EPOCH,
          i > 0);
    }
    String prev = "fedcba9876543210".repeat(4);
    Map<String, Object> r = callRecord(seq, "events", time, prev, "verify-batch", op);
    r.put("subjects", String.join(",", subjects));
    r.put("outcomes", String.join(",", outcomes));
    r.put("attempts", 2L);
    r.put("requestId", requestId);
    byte[] expected = jackson(r).getBytes(StandardCharsets.UTF_8);
    for (int i = 1; i < size; i++) {
      assertThat(q.sameCall(0, i)).isTrue();
    }
    SHARED.encodeGroup(seq, prev.getBytes(StandardCharsets.US_ASCII), q, 0, size);
    assertThat(Arrays.copyOf(SHARED.bytes(), SHARED.length())).isEqualTo(expected);
  }

  /** An event or group record's fields up to the operator's, in the writer's order. */
  private static Map<String, Object> callRecord(
      long seq, String type, Instant time, String prev, String operation, OperatorContext op) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("v", 1L);
    r.put("seq", seq);
    r.put("type", type);
    r.put("time", time.toString());
    r.put("prev", prev);
    r.put("op", operation);
    r.put("agency", op.agencyCode());
    r.put("officer", op.officerCode());
    r.put("procedure", op.procedureCode());
    r.put("purpose", op.purpose());
    return r;
  }

  /** The event alone in a queue, as the sink's writer gets it. */
  private static PendingEvents queued(AuditEvent e) {
    PendingEvents one = new PendingEvents(1);
    one.addEvent(e, e.time(), false);
    return one;
  }

  @Provide
  Arbitrary<String> purposes() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
            Arbitraries.of("Xác minh cư trú", "khám chữa bệnh", "\"", "\\", "😀", "\ud800", "Đ"));
    return pieces
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> String.join("", l))
        .filter(t -> !t.isBlank() && t.length() <= 500);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1000),
            Arbitraries.just(0));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128);
  }

  private static String jackson(Map<String, Object> record) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JACKSON.createGenerator(w)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : record.entrySet()) {
        g.writeFieldName(e.getKey());
        Object v = e.getValue();
        if (v instanceof String s) {
          g.writeString(s);
        } else if (v instanceof Boolean b) {
          g.writeBoolean(b);
        } else {
          g.writeNumber(((Number) v).longValue());
        }
      }
      g.writeEndObject();
    }
    return w.toString();
  }
}
