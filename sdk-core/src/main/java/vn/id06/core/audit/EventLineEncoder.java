package vn.id06.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes event records byte for byte as {@link AuditRecords#line} followed by UTF-8 encoding would
 * write them (the verifier re-serialises each line with {@code AuditRecords.line} and refuses any
 * difference), in two steps on two threads:
 *
 * <ul>
 *   <li>{@link #encodeParts} on the caller's thread: the event's own fields (its time, and
 *       everything from {@code "op"} on), while the caller still has the event in its cache. The
 *       sink's writer thread then reads one run of bytes instead of following the event's objects
 *       across cores, which cost it more than the rest of its work.
 *   <li>{@link Line#assemble} on the writer's thread: the sequence number and the previous line's
 *       hash, which only the writer knows, around those parts.
 * </ul>
 *
 * <p>The operator's part, the time's second, the operation and the request id are cached, since a
 * batch repeats them. Not thread-safe: one per sink, used under the sink's lock.
 */
final class EventLineEncoder {
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] V_SEQ = ascii("{\"v\":" + AuditRecords.VERSION + ",\"seq\":");
  private static final byte[] TYPE_TIME =
      ascii(",\"type\":\"" + AuditRecords.EVENT + "\",\"time\":\"");
  private static final byte[] PREV = ascii("\",\"prev\":\"");
  private static final byte[] OP = ascii("\",\"op\":");
  private static final byte[] SUBJECT = ascii(",\"subject\":\"");
  private static final byte[] OUTCOME = ascii("\",\"outcome\":\"");
  private static final byte[] ATTEMPTS = ascii("\",\"attempts\":");
  private static final byte[] REQUEST_ID = ascii(",\"requestId\":");
  private static final byte[][] OUTCOMES = outcomeNames();

  private byte[] buf = new byte[512];
  private int len;
  private int timeLength;

  private OperatorContext operator;
  private byte[] operatorPart = new byte[0];
  private long second = Long.MIN_VALUE;
  private byte[] secondPart = new byte[0];
  private String operation;
  private byte[] operationPart = new byte[0];
  private String requestId;
  private byte[] requestIdPart = new byte[0];

  /** The parts written by {@link #encodeParts} (valid until the next call). */
  byte[] bytes() {
    return buf;
  }

  /** The parts' length. */
  int length() {
    return len;
  }

  /** How many of the parts' bytes are the time (the rest is the tail, from {@code "op"} on). */
  int timeLength() {
    return timeLength;
  }

  /**
   * Encodes an event's own fields: its time as {@link Instant#toString()} writes it, then the
   * record's tail from the closing quote of {@code prev} to the closing brace.
   *
   * @param e the event
   */
  void encodeParts(AuditEvent e) {
    len = 0;
    putTime(e.time());
    timeLength = len;
    put(OP);
    put(operationPart(e.operation()));
    put(operatorPart(e.operator()));
    put(SUBJECT);
    putAscii(e.subjectHash());
    put(OUTCOME);
    put(OUTCOMES[e.outcome().ordinal()]);
    put(ATTEMPTS);
    putLong(e.attempts());
    put(REQUEST_ID);
    put(requestIdPart(e.requestId()));
    ensure(1);
    buf[len++] = '}';
  }

  /**
   * Encodes a whole event record (both steps), into {@code line}.
   *
   * @param seq the record's sequence number
   * @param prevHex the previous line's hash, 64 lowercase hex digits as ASCII bytes
   * @param e the event
   * @param line where the record goes
   */
  void encode(long seq, byte[] prevHex, AuditEvent e, Line line) {
    encodeParts(e);
    line.assemble(seq, prevHex, buf, 0, timeLength, len);
  }

  /**
   * An event record's line, assembled on the writer's thread from the parts. Not thread-safe: the
   * writer's own.
   */
  static final class Line {
    private byte[] buf = new byte[1024];
    private int len;

    /** The line (without its newline); valid until the next call. */
    byte[] bytes() {
      return buf;
    }

    /** The line's length. */
    int length() {
      return len;
    }

    /**
     * Assembles a record from parts written by {@link #encodeParts}.
     *
     * @param seq the record's sequence number
     * @param prevHex the previous line's hash, 64 lowercase hex digits as ASCII bytes
     * @param parts the bytes holding the parts
     * @param off where the parts start
     * @param timeLength how many of them are the time
     * @param partsLength the parts' length
     */
    void assemble(
        long seq, byte[] prevHex, byte[] parts, int off, int timeLength, int partsLength) {
      int need = V_SEQ.length + 20 + TYPE_TIME.length + PREV.length + prevHex.length + partsLength;
      if (need > buf.length) {
        buf = new byte[Math.max(buf.length * 2, need)];
      }
      len = 0;
      copy(V_SEQ, 0, V_SEQ.length);
      if (seq < 0) {
        throw new IllegalArgumentException("negative sequence number");
      }
      len = putDigits(buf, len, seq);
      copy(TYPE_TIME, 0, TYPE_TIME.length);
      copy(parts, off, timeLength);
      copy(PREV, 0, PREV.length);
      copy(prevHex, 0, prevHex.length);
      copy(parts, off + timeLength, partsLength - timeLength);
    }

    private void copy(byte[] from, int off, int n) {
      System.arraycopy(from, off, buf, len, n);
      len += n;
    }
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
    if (!op.equals(operation)) {
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

  private static byte[][] outcomeNames() {
    AuditOutcome[] all = AuditOutcome.values();
    byte[][] names = new byte[all.length][];
    for (AuditOutcome o : all) {
      names[o.ordinal()] = ascii(o.name());
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
  private void putTime(Instant t) {
    long s = t.getEpochSecond();
    if (s != second) {
      String whole = Instant.ofEpochSecond(s).toString();
      secondPart = ascii(whole.substring(0, whole.length() - 1));
      second = s;
    }
    put(secondPart);
    int nano = t.getNano();
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
  static int putDigits(byte[] to, int at, long v) {
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

  /** Text the event's constructor or enum limits to printable ASCII without quotes to escape. */
  private void putAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
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
