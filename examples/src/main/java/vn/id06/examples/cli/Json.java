package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one JSON object to stdout, following the command-line contract: camelCase keys, absent
 * rather than null, one object per line. Not thread-safe: one instance per command run.
 */
final class Json implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** One generator call; the writer is a StringWriter, so an IOException means a bug, not I/O. */
  private interface Step {
    void on(JsonGenerator gen) throws IOException;
  }

  private final PrintWriter out;
  private final StringWriter buffer = new StringWriter();
  private final JsonGenerator gen;

  private Json(PrintWriter out) {
    this.out = out;
    try {
      this.gen = FACTORY.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(JsonGenerator::writeStartObject);
  }

  /** Starts an object that is printed, followed by a newline, on {@link #close()}. */
  static Json object(PrintWriter out) {
    return new Json(out);
  }

  private Json write(Step step) {
    try {
      step.on(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A string field; a null value leaves the key out. */
  Json field(String name, String value) {
    return value == null ? this : write(g -> g.writeStringField(name, value));
  }

  Json field(String name, boolean value) {
    return write(g -> g.writeBooleanField(name, value));
  }

  Json field(String name, int value) {
    return write(g -> g.writeNumberField(name, value));
  }

  Json strings(String name, Iterable<String> values) {
    return write(
        g -> {
          g.writeArrayFieldStart(name);
          for (String v : values) {
            g.writeString(v);
          }
          g.writeEndArray();
        });
  }

  /** Starts an array of objects; each element is written with {@link #element}. */
  Json startArray(String name) {
    return write(g -> g.writeArrayFieldStart(name));
  }

  /** Writes one object of two string fields inside an array. */
  Json element(String key1, String value1, String key2, String value2) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField(key1, value1);
          g.writeStringField(key2, value2);
          g.writeEndObject();
        });
  }

  Json endArray() {
    return write(JsonGenerator::writeEndArray);
  }

  @Override
  public void close() {
    write(
        g -> {
          g.writeEndObject();
          g.close();
        });
    out.println(buffer);
    out.flush();
  }
}
