package vn.id06.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes an event record straight into a reused byte buffer, byte for byte as {@link
 * AuditRecords#line} followed by UTF-8 encoding would write it (the verifier re-serialises each
 * line with {@code AuditRecords.line} and refuses any difference). The sink writes one line per
 * audited call, so this path avoids the map, the string and the copies of the general one; the
 * operator's part and the time's second are cached, since a batch repeats them.
 *
 * <p>Not thread-safe: one per sink, used under the sink's lock.
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

  private byte[] buf = new byte[1024];
  private int len;

  private OperatorContext operator;
  private byte[] operatorPart = new byte[0];
  private long second = Long.MIN_VALUE;
  private byte[] secondPart = new byte[0];

  /** The encoded line (without its newline); valid until the next call. */
  byte[] bytes() {
    return buf;
  }

  /** The encoded line's length. */
  int length() {
    return len;
  }

  /**
   * Encodes an event record.
   *
   * @param seq the record's sequence number
   * @param prevHex the previous line's hash, 64 lowercase hex digits as ASCII bytes
   * @param e the event
   */
  void encode(long seq, byte[] prevHex, AuditEvent e) {
    len = 0;
    put(V_SEQ);
    putLong(seq);
    put(TYPE_TIME);
    putTime(e.time());
    put(PREV);
    put(prevHex);
    put(OP);
    putString(e.operation());
    put(operatorPart(e.operator()));
    put(SUBJECT);
    putAscii(e.subjectHash());
    put(OUTCOME);
    putAscii(e.outcome().name());
    put(ATTEMPTS);
    putLong(e.attempts());
    put(REQUEST_ID);
    putString(e.requestId());
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
      // Never for a sequence number or attempt count; kept exact all the same.
      put(ascii(Long.toString(v)));
      return;
    }
    ensure(20);
    int start = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte tmp = buf[i];
      buf[i] = buf[j];
      buf[j] = tmp;
    }
  }

  /** Text the event's constructor or enum limits to printable ASCII without quotes to escape. */
  private void putAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** A JSON string: quoted, escaped as the general writer escapes, UTF-8 encoded. */
  private void putString(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
        // Rare (the event's tokens are printable ASCII): the general writer's escaping.
        StringBuilder b = new StringBuilder(s.length() + 8);
        AuditRecords.quote(b, s);
        put(b.toString().getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    ensure(s.length() + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    buf[len++] = '"';
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
