package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one JSON object to stdout, following the command-line contract: camelCase keys, absent
 * rather than null, one object per line.
 */
final class Json implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PrintWriter out;
  private final StringWriter buffer = new StringWriter();
  private final JsonGenerator gen;

  private Json(PrintWriter out) {
    this.out = out;
    try {
      this.gen = FACTORY.createGenerator(buffer);
      gen.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an object that is printed, followed by a newline, on {@link #close()}. */
  static Json object(PrintWriter out) {
    return new Json(out);
  }

  Json field(String name, String value) {
    if (value == null) {
      return this;
    }
    try {
      gen.writeStringField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Json field(String name, boolean value) {
    try {
      gen.writeBooleanField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Json field(String name, int value) {
    try {
      gen.writeNumberField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Json strings(String name, Iterable<String> values) {
    try {
      gen.writeArrayFieldStart(name);
      for (String v : values) {
        gen.writeString(v);
      }
      gen.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Starts an array of objects; each element is written with {@link #element}. */
  Json startArray(String name) {
    try {
      gen.writeArrayFieldStart(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes one object of two string fields inside an array. */
  Json element(String key1, String value1, String key2, String value2) {
    try {
      gen.writeStartObject();
      gen.writeStringField(key1, value1);
      gen.writeStringField(key2, value2);
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Json endArray() {
    try {
      gen.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void close() {
    try {
      gen.writeEndObject();
      gen.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(buffer);
    out.flush();
  }
}
