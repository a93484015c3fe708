package vn.id06.eform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The built-in form definitions for the essential public services: birth registration, permanent
 * and temporary residence, criminal record certificate, driving licence renewal, household health
 * insurance renewal. Each names the published form it follows and credits its sources in its
 * description.
 *
 * <p>Immutable and thread-safe: the templates are read and checked against the schema once, when
 * the class is loaded.
 */
public final class FormTemplates {
  /** The built-in template ids, in the order {@link #all()} lists them. */
  static final List<String> IDS =
      List.of(
          "birth-registration",
          "permanent-residence",
          "temporary-residence",
          "judicial-record",
          "driving-licence-renewal",
          "health-insurance-renewal");

  private static final FormTemplates BUILT_IN = new FormTemplates(load());

  private final Map<String, FormDefinition> byId;

  private FormTemplates(Map<String, FormDefinition> byId) {
    this.byId = byId;
  }

  /**
   * The built-in templates.
   *
   * @return the shared immutable set
   */
  public static FormTemplates builtIn() {
    return BUILT_IN;
  }

  /**
   * All templates, in a fixed order.
   *
   * @return an immutable list
   */
  public List<FormDefinition> all() {
    return List.copyOf(byId.values());
  }

  /**
   * Finds a template by id.
   *
   * @param id e.g. {@code permanent-residence}
   * @return the definition
   * @throws InvalidInputException field {@code template}, reason {@link InputReason#UNKNOWN_VALUE},
   *     if no template has that id
   */
  public FormDefinition get(String id) {
    FormDefinition d = byId.get(Objects.requireNonNull(id, "id"));
    if (d == null) {
      throw new InvalidInputException(
          "template", InputReason.UNKNOWN_VALUE, "no such template; known: " + byId.keySet());
    }
    return d;
  }

  private static Map<String, FormDefinition> load() {
    Map<String, FormDefinition> m = new LinkedHashMap<>();
    for (String id : IDS) {
      m.put(id, FormDefinition.parse(resource(id)));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The template's JSON text, as shipped. */
  static String resource(String id) {
    try (InputStream in = FormTemplates.class.getResourceAsStream("templates/" + id + ".json")) {
      if (in == null) {
        throw new IllegalStateException("template missing from the jar: " + id);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("template unreadable: " + id, e);
    }
  }

  @Override
  public String toString() {
    return "FormTemplates" + byId.keySet();
  }
}
