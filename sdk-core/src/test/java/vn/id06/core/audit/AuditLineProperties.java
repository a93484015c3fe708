package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The hand-written line writer writes what Jackson's default generator writes (the independent
 * reference), for any text, integers and booleans: trails written before and after it verify alike.
 */
class AuditLineProperties {
  private static final JsonFactory JACKSON = new JsonFactory();

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
