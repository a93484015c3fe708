package vn.id06.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trail's record format: one flat JSON object per line (strings, integers, booleans), fields in
 * a fixed order, each line carrying the SHA-256 of the previous line's exact bytes ({@code prev}).
 * Stateless helpers; a {@link JsonFactory} is thread-safe once configured.
 */
final class AuditRecords {
  static final int VERSION = 1;
  static final String ZERO_HASH = "0".repeat(64);
  static final String GENESIS = "genesis";
  static final String CONTINUATION = "continuation";
  static final String EVENT = "event";
  static final String EVENTS = "events";
  static final String CHECKPOINT = "checkpoint";

  private static final HexFormat HEX = HexFormat.of();
  private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();

  private AuditRecords() {}

  static JsonFactory newFactory(int maxLineBytes) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(maxLineBytes)
                .maxNestingDepth(2)
                .maxNumberLength(19)
                .build())
        .build();
  }

  static Map<String, Object> header(long seq, String type, String time, String prev) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", VERSION);
    m.put("seq", seq);
    m.put("type", type);
    m.put("time", time);
    m.put("prev", prev);
    return m;
  }

  /**
   * Writes a flat record as one compact JSON line (without the newline), byte for byte as Jackson's
   * default generator writes it: strings with {@code "}, {@code \\} and control characters escaped
   * (non-ASCII text as it is), integers and booleans bare. Written by hand because the sink writes
   * one line per audited call and Jackson's generator per line cost several times more.
   */
  static String line(Map<String, Object> record) {
    StringBuilder b = new StringBuilder(384);
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : record.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      quote(b, e.getKey());
      b.append(':');
      Object v = e.getValue();
      if (v instanceof String str) {
        quote(b, str);
      } else if (v instanceof Boolean bool) {
        b.append(bool.booleanValue());
      } else if (v instanceof Number n) {
        b.append(n.longValue());
      } else {
        throw new IllegalStateException("unsupported value in an audit record");
      }
    }
    return b.append('}').toString();
  }

  /** Appends {@code s} as a JSON string, escaped as Jackson's generator escapes it. */
  static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        // Rare: let Jackson escape the rest exactly as its generator does.
        b.append(ESCAPER.quoteAsString(s.substring(i))).append('"');
        return;
      }
      b.append(c);
    }
    b.append('"');
  }

  /**
   * Parses a flat JSON object; empty when the text is not one (nested values, floats, nulls,
   * duplicate keys and trailing content are refused). Integers come back as {@link Long}.
   */
  static Optional<Map<String, Object>> parse(JsonFactory factory, String line) {
    Map<String, Object> m = new LinkedHashMap<>();
    try (JsonParser p = factory.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        Object value =
            switch (p.nextToken()) {
              case VALUE_STRING -> p.getText();
              case VALUE_TRUE -> true;
              case VALUE_FALSE -> false;
              case VALUE_NUMBER_INT -> p.getLongValue();
              default -> null;
            };
        if (value == null || m.put(name, value) != null) {
          return Optional.empty();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(m);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(newSha256().digest(bytes));
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  static String hashOfLine(String line) {
    return sha256Hex(line.getBytes(StandardCharsets.UTF_8));
  }

  static String keyId(PublicKey key) {
    return sha256Hex(key.getEncoded()).substring(0, 32);
  }

  /** What a checkpoint's signature covers: every field of the checkpoint but the signature. */
  static byte[] checkpointPayload(
      long seq, String time, String prev, long events, boolean fin, String alg) {
    String text =
        "id06-audit-checkpoint\n"
            + VERSION
            + "\n"
            + seq
            + "\n"
            + time
            + "\n"
            + prev
            + "\n"
            + events
            + "\n"
            + fin
            + "\n"
            + alg;
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
