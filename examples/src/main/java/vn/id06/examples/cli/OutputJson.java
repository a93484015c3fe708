package vn.id06.examples.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import vn.id06.core.CitizenField;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.VietnameseName;

/**
 * The command line's one JSON serialisation (Jackson databind), following the contract:
 *
 * <ul>
 *   <li>keys are the camelCase names of record components (or getters), in declaration order;
 *   <li>null and empty {@code Optional} are absent; empty lists stay ({@code "reasons":[]});
 *   <li>{@code LocalDate}, {@code Instant} and the other java.time types as ISO-8601 text; {@code
 *       PartialDate} as {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd};
 *   <li>enums by name ({@code MALE}/{@code FEMALE}); {@code IdFinding} by its code, {@code
 *       CitizenField} by its JSON name ({@code fullName}); {@code DocumentExpiry} as its date or
 *       {@code NONE} ("Không thời hạn");
 *   <li>{@code CitizenId}, {@code LegacyId} and {@code VietnameseName} by their value, {@code
 *       Address} by its text;
 *   <li>C1 controls (U+0080 to U+009F, the terminal's CSI among them) and the line and paragraph
 *       separators U+2028/U+2029 escaped as {@code \\uXXXX}, besides what JSON itself escapes: a
 *       value from a QR code can never drive the reader's terminal or split a line for a
 *       line-oriented consumer;
 *   <li>a value Jackson cannot serialise (an object without properties) fails: a bug, exit 1.
 * </ul>
 *
 * <p>Thread-safe: the writer is immutable.
 */
final class OutputJson {
  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .addModule(id06Types())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .build()
          .writer()
          .with(new Escapes());

  private OutputJson() {}

  /**
   * Serialises one value to a JSON document, without a trailing newline.
   *
   * @param value the value
   * @return the document
   */
  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Serialising to a String does no I/O: this is a value Jackson cannot handle, a bug.
      throw new UncheckedIOException(e);
    }
  }

  private static SimpleModule id06Types() {
    var module = new SimpleModule("id06-values");
    module.addSerializer(PartialDate.class, text(PartialDate.class, PartialDate::toIso));
    module.addSerializer(CitizenId.class, text(CitizenId.class, CitizenId::value));
    module.addSerializer(LegacyId.class, text(LegacyId.class, LegacyId::value));
    module.addSerializer(VietnameseName.class, text(VietnameseName.class, VietnameseName::value));
    module.addSerializer(Address.class, text(Address.class, Address::text));
    module.addSerializer(IdFinding.class, text(IdFinding.class, IdFinding::code));
    module.addSerializer(CitizenField.class, text(CitizenField.class, CitizenField::jsonName));
    module.addSerializer(
        DocumentExpiry.class,
        text(
            DocumentExpiry.class,
            e -> e instanceof DocumentExpiry.On on ? on.date().toString() : "NONE"));
    return module;
  }

  private static <T> StdSerializer<T> text(Class<T> type, Function<T, String> toText) {
    return new StdSerializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(toText.apply(value));
      }
    };
  }

  /** JSON's own escapes, plus C1 controls and U+2028/U+2029. */
  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
