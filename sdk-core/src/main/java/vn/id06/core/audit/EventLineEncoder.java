package vn.id06.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes an event record straight into a reused byte buffer, byte for byte as {@link
 * AuditRecords#line} followed by UTF-8 encoding would write it (the verifier re-serialises each
 * line with {@code AuditRecords.line} and refuses any difference). The sink writes a line per
 * audited call (per group of subjects for a batch), so this path avoids the map, the string and the
 * copies of the general one. The operator's part, the operation, the request id and the time's
 * second are cached, since a batch repeats them (a repeated value is usually the same object, which
 * {@code equals} sees at once).
 *
 * <p>Not thread-safe: the sink's writer's own.
 */
final class EventLineEncoder {
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] V_SEQ = ascii("{\"v\":" + AuditRecords.VERSION + ",\"seq\":");
  private static final byte[] TYPE_TIME =
      ascii(",\"type\":\"" + AuditRecords.EVENT + "\",\"time\":\"");
  private static final byte[] GROUP_TYPE_TIME =
      ascii(",\"type\":\"" + AuditRecords.EVENTS + "\",\"time\":\"");
  private static final byte[] SUBJECTS = ascii(",\"subjects\":\"");
  private static final byte[] OUTCOMES_FIELD = ascii("\",\"outcomes\":\"");
  private static final byte[] PREV = ascii("\",\"prev\":\"");
  private static final byte[] OP = ascii("\",\"op\":");
  private static final byte[] SUBJECT = ascii(",\"subject\":\"");
  private static final byte[] OUTCOME = ascii("\",\"outcome\":\"");
  private static final byte[] ATTEMPTS = ascii("\",\"attempts\":");
  private static final byte[] REQUEST_ID = ascii(",\"requestId\":");
  private static final Map<AuditOutcome, byte[]> OUTCOMES = outcomeNames();

  private byte[] buf = new byte[1024];
  private int len;

  private OperatorContext operator;
  private byte[] operatorPart = new byte[0];
  private long second = Long.MIN_VALUE;
  private byte[] secondPart = new byte[0];
  private String operation;
  private byte[] operationPart = new byte[0];
  private String requestId;
  private byte[] requestIdPart = new byte[0];

  /** The encoded line (without its newline); valid until the next call. */
  byte[] bytes() {
    return buf;
  }

  /** The encoded line's length. */
  int length() {
    return len;
  }

  /**
   * Encodes the record of a queued event.
   *
   * @param seq the record's sequence number
   * @param prevHex the previous line's hash, 64 lowercase hex digits as ASCII bytes
   * @param q the queue
   * @param i the event's entry
   */
  void encode(long seq, byte[] prevHex, PendingEvents q, int i) {
    head(seq, prevHex, TYPE_TIME, q, i);
    int from = q.subjectStart(i);
    int subjectLength = q.subjectEnds[i] - from;
    put(SUBJECT);
    ensure(subjectLength);
    System.arraycopy(q.subjects, from, buf, len, subjectLength);
    len += subjectLength;
    put(OUTCOME);
    put(OUTCOMES.get(q.outcomes[i]));
    tail(q, i);
  }

  /**
   * Encodes one record for the queued events {@code from} to {@code to} (exclusive) of one call:
   * the shared fields once, then the subjects' hashes and the outcomes, in order, each list comma
   * separated.
   *
   * @param seq the record's sequence number
   * @param prevHex the previous line's hash, 64 lowercase hex digits as ASCII bytes
   * @param q the queue
   * @param from the first entry
   * @param to after the last entry ({@link PendingEvents#sameCall} with {@code from})
   */
  void encodeGroup(long seq, byte[] prevHex, PendingEvents q, int from, int to) {
    head(seq, prevHex, GROUP_TYPE_TIME, q, from);
    put(SUBJECTS);
    int subjectsStart = q.subjectStart(from);
    ensure(q.subjectEnds[to - 1] - subjectsStart + (to - from));
    for (int i = from; i < to; i++) {
      if (i > from) {
        buf[len++] = ',';
      }
      int start = q.subjectStart(i);
      int n = q.subjectEnds[i] - start;
      System.arraycopy(q.subjects, start, buf, len, n);
      len += n;
    }
    put(OUTCOMES_FIELD);
    for (int i = from; i < to; i++) {
      if (i > from) {
        ensure(1);
        buf[len++] = ',';
      }
      put(OUTCOMES.get(q.outcomes[i]));
    }
    tail(q, from);
  }

  /** From the opening brace to the operator's fields: the same in both kinds of record. */
  private void head(long seq, byte[] prevHex, byte[] typeAndTime, PendingEvents q, int i) {
    len = 0;
    put(V_SEQ);
    putLong(seq);
    put(typeAndTime);
    putTime(q.timeSeconds[i], q.timeNanos[i]);
    put(PREV);
    put(prevHex);
    put(OP);
    put(operationPart(q.operations[i]));
    put(operatorPart(q.operators[i]));
  }

  /** The attempts, the request id and the closing brace. */
  private void tail(PendingEvents q, int i) {
    put(ATTEMPTS);
    putLong(q.attempts[i]);
    put(REQUEST_ID);
    put(requestIdPart(q.requestIds[i]));
    ensure(1);
    buf[len++] = '}';
  }

  /** Writes 32 bytes as 64 lowercase hex digits into {@code hex}. */
  static void hex(byte[] digest, byte[] hex) {
    for (int i = 0; i < 32; i++) {
      hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
    }
  }

  /** The operation's JSON string (a batch repeats it). */
  private byte[] operationPart(String op) {
    if (!op.equals(operation)) { // String.equals tries identity first
      operationPart = quoted(op);
      operation = op;
    }
    return operationPart;
  }

  /** The request id's JSON string (every subject of a batch shares it). */
  private byte[] requestIdPart(String id) {
    if (!id.equals(requestId)) {
      requestIdPart = quoted(id);
      requestId = id;
    }
    return requestIdPart;
  }

  private static byte[] quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    AuditRecords.quote(b, s);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<AuditOutcome, byte[]> outcomeNames() {
    Map<AuditOutcome, byte[]> names = new EnumMap<>(AuditOutcome.class);
    for (AuditOutcome o : AuditOutcome.values()) {
      names.put(o, ascii(o.name()));
    }
    return names;
  }

  /** The agency, officer, procedure and purpose fields, with their leading commas. */
  private byte[] operatorPart(OperatorContext op) {
    if (!op.equals(operator)) {
      StringBuilder b = new StringBuilder(128);
      field(b, "agency", op.agencyCode());
      field(b, "officer", op.officerCode());
      field(b, "procedure", op.procedureCode());
      field(b, "purpose", op.purpose());
      operatorPart = b.toString().getBytes(StandardCharsets.UTF_8);
      operator = op;
    }
    return operatorPart;
  }

  private static void field(StringBuilder b, String key, String value) {
    b.append(",\"").append(key).append("\":");
    AuditRecords.quote(b, value);
  }

  /** As {@link Instant#toString()}: the second's text cached, the fraction in groups of three. */
  private void putTime(long s, int nano) {
    if (s != second) {
      String whole = Instant.ofEpochSecond(s).toString();
      secondPart = ascii(whole.substring(0, whole.length() - 1));
      second = s;
    }
    put(secondPart);
    if (nano > 0) {
      ensure(10);
      buf[len++] = '.';
      int digits;
      int value;
      if (nano % 1_000_000 == 0) {
        digits = 3;
        value = nano / 1_000_000;
      } else if (nano % 1000 == 0) {
        digits = 6;
        value = nano / 1000;
      } else {
        digits = 9;
        value = nano;
      }
      for (int i = digits - 1; i >= 0; i--) {
        buf[len + i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      len += digits;
    }
    ensure(1);
    buf[len++] = 'Z';
  }

  private void putLong(long v) {
    if (v < 0) {
      // Never for an attempt count; kept exact all the same.
      put(ascii(Long.toString(v)));
      return;
    }
    ensure(20);
    len = putDigits(buf, len, v);
  }

  /** Writes a non-negative number's decimal digits at {@code at}; returns the end. */
  private static int putDigits(byte[] to, int at, long v) {
    int start = at;
    do {
      to[at++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (int i = start, j = at - 1; i < j; i++, j--) {
      byte tmp = to[i];
      to[i] = to[j];
      to[j] = tmp;
    }
    return at;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
