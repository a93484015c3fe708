package vn.id06.eform;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form prefilled from citizen records: each value with its provenance and lock, and the conflicts
 * between sources. {@link #toJson()} is what a web front end renders and posts back; {@link
 * #toHtml()} is a plain, self-contained rendering to look at.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows values.
 */
public final class PrefilledForm {
  /** The path suffix of an address's province under today's units. */
  public static final String PROVINCE_SUFFIX = ".province";

  private final FormDefinition definition;
  private final Map<String, PrefilledValue> values;
  private final List<Conflict> conflicts;
  private final Instant preparedAt;

  PrefilledForm(
      FormDefinition definition,
      Map<String, PrefilledValue> values,
      List<Conflict> conflicts,
      Instant preparedAt) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.conflicts = List.copyOf(conflicts);
    this.preparedAt = Objects.requireNonNull(preparedAt, "preparedAt");
  }

  /**
   * The form.
   *
   * @return the definition
   */
  public FormDefinition definition() {
    return definition;
  }

  /**
   * A prefilled value.
   *
   * @param path a field id, or {@code id.province} for an address's province
   * @return the value, or empty if the field was not prefilled
   */
  public Optional<PrefilledValue> value(String path) {
    return Optional.ofNullable(values.get(path));
  }

  /**
   * All prefilled values, in form order.
   *
   * @return an immutable list
   */
  public List<PrefilledValue> values() {
    return List.copyOf(values.values());
  }

  /**
   * The locked values, in form order: what {@link FormSealer#seal} seals.
   *
   * @return an immutable list
   */
  public List<PrefilledValue> lockedValues() {
    return values.values().stream().filter(PrefilledValue::locked).toList();
  }

  /**
   * Fields on which sources disagree.
   *
   * @return an immutable list, in form order
   */
  public List<Conflict> conflicts() {
    return conflicts;
  }

  /**
   * When the form was prefilled.
   *
   * @return the instant
   */
  public Instant preparedAt() {
    return preparedAt;
  }

  /**
   * The form as JSON for a web front end: the definition's fields with labels, types, options and
   * rules, each with its prefilled value, lock, provenance and whether to confirm it; and the
   * conflicts. A front end posts the same document back, with the citizen's values, as the
   * submission ({@link FormSubmission#parse}).
   *
   * @return the JSON text (UTF-8 when written out)
   */
  public String toJson() {
    return FormJson.write(this);
  }

  /**
   * The form as one self-contained HTML page: every value escaped, locked fields shown locked with
   * their source, nothing loaded from elsewhere (no external style sheets, scripts or fonts; a
   * content security policy forbids them).
   *
   * @return the HTML text
   */
  public String toHtml() {
    return FormHtml.render(this);
  }

  @Override
  public String toString() {
    return "PrefilledForm["
        + definition.id()
        + ", values="
        + values.size()
        + ", locked="
        + lockedValues().size()
        + ", conflicts="
        + conflicts.size()
        + "]";
  }
}
