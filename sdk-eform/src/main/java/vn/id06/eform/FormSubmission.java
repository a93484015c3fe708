package vn.id06.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.PartialDate;

/**
 * A filled form as a front end posts it back: the prefilled form's JSON ({@link
 * PrefilledForm#toJson()}) with the citizen's values. Parsing is strict about what the form is: a
 * field the form does not have, a duplicate, a value that is not text or a malformed date is bad
 * input naming the field. Whether the values are acceptable is {@link FormValidator}'s job, whether
 * locked values were kept is {@link FormSealer#verify}'s.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the form and counts, never values.
 */
public final class FormSubmission {
  /** The most entries a repeating group may carry in a submission. */
  static final int MAX_ENTRIES = 100;

  private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  private final FormDefinition definition;
  private final Map<String, String> values;
  private final Map<String, List<Map<String, String>>> entries;
  private final Set<String> claimedLocked;

  private FormSubmission(
      FormDefinition definition,
      Map<String, String> values,
      Map<String, List<Map<String, String>>> entries,
      Set<String> claimedLocked) {
    this.definition = definition;
    this.values = Collections.unmodifiableMap(values);
    this.entries = Collections.unmodifiableMap(entries);
    this.claimedLocked = Collections.unmodifiableSet(claimedLocked);
  }

  /**
   * Parses a submission of a form.
   *
   * @param definition the form it must be a submission of
   * @param json the submission: {@code {"form": ID, "fields": [{"id", "value", "locked",
   *     "province", "entries"}...]}}; other members (labels, provenance) are ignored
   * @return the submission
   * @throws InvalidInputException naming the field: not JSON, another form, a field the form does
   *     not have ({@link InputReason#UNKNOWN_VALUE}), a duplicate or non-text value ({@link
   *     InputReason#MALFORMED}), a malformed or impossible date
   */
  public static FormSubmission parse(FormDefinition definition, String json) {
    Objects.requireNonNull(definition, "definition");
    ObjectNode root = JsonSupport.readObject("submission", Objects.requireNonNull(json, "json"));
    JsonNode form = root.get("form");
    if (form == null || !form.isTextual() || !form.asText().equals(definition.id())) {
      throw new InvalidInputException(
          "form", InputReason.UNKNOWN_VALUE, "the submission is not of form " + definition.id());
    }
    JsonNode fields = root.get("fields");
    if (fields == null || !fields.isArray()) {
      throw new InvalidInputException("fields", InputReason.MALFORMED, "expected an array");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, List<Map<String, String>>> entries = new LinkedHashMap<>();
    Set<String> locked = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    int i = 0;
    for (JsonNode item : fields) {
      String where = "fields[" + i++ + "]";
      if (!item.isObject()) {
        throw new InvalidInputException(where, InputReason.MALFORMED, "expected an object");
      }
      JsonNode idNode = item.get("id");
      if (idNode == null || !idNode.isTextual() || !ID.matcher(idNode.asText()).matches()) {
        throw new InvalidInputException(where + ".id", InputReason.MALFORMED, "not a field id");
      }
      String id = idNode.asText();
      FormField field =
          definition
              .field(id)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          id, InputReason.UNKNOWN_VALUE, "the form has no such field"));
      if (!seen.add(id)) {
        throw new InvalidInputException(id, InputReason.MALFORMED, "the field appears twice");
      }
      if (item.path("locked").asBoolean(false)) {
        locked.add(id);
      }
      if (field.type() == FieldType.PERSON) {
        entries.put(id, entries(field, item.get("entries")));
        continue;
      }
      text(field, id, item.get("value")).ifPresent(v -> values.put(id, v));
      JsonNode province = item.get("province");
      if (province != null && !province.isNull()) {
        String pid = id + PrefilledForm.PROVINCE_SUFFIX;
        if (field.type() != FieldType.ADDRESS || !province.isObject()) {
          throw new InvalidInputException(
              pid, InputReason.MALFORMED, "only address fields have a province object");
        }
        text(field, pid, province.get("value")).ifPresent(v -> values.put(pid, v));
        if (province.path("locked").asBoolean(false)) {
          locked.add(pid);
        }
      }
    }
    return new FormSubmission(definition, values, entries, locked);
  }

  private static List<Map<String, String>> entries(FormField group, JsonNode node) {
    List<Map<String, String>> list = new ArrayList<>();
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidInputException(
          group.id() + ".entries", InputReason.MALFORMED, "expected an array");
    }
    if (node.size() > MAX_ENTRIES) {
      throw new InvalidInputException(
          group.id() + ".entries", InputReason.TOO_LONG, "at most " + MAX_ENTRIES + " entries");
    }
    int i = 0;
    for (JsonNode e : node) {
      String where = group.id() + "[" + i++ + "]";
      if (!e.isObject()) {
        throw new InvalidInputException(where, InputReason.MALFORMED, "expected an object");
      }
      Map<String, String> entry = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> m : e.properties()) {
        String key = m.getKey();
        if (!ID.matcher(key).matches()) {
          throw new InvalidInputException(where, InputReason.MALFORMED, "not a field id");
        }
        FormField part =
            group
                .part(key)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            where + "." + key,
                            InputReason.UNKNOWN_VALUE,
                            "the group has no such field"));
        text(part, where + "." + key, m.getValue()).ifPresent(v -> entry.put(key, v));
      }
      list.add(Collections.unmodifiableMap(entry));
    }
    return List.copyOf(list);
  }

  /** A value: absent, null or text; dates must be well formed. */
  private static Optional<String> text(FormField field, String where, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(where, InputReason.MALFORMED, "expected text");
    }
    String v = node.asText();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (field.type() == FieldType.DATE && !where.endsWith(PrefilledForm.PROVINCE_SUFFIX)) {
      parseDate(where, v);
    } else if (field.type() == FieldType.PARTIAL_DATE) {
      PartialDate.parseIso(where, v);
    }
    return Optional.of(v);
  }

  /**
   * Parses an ISO date strictly.
   *
   * @throws InvalidInputException MALFORMED or IMPOSSIBLE_DATE, naming the field
   */
  static LocalDate parseDate(String where, String v) {
    if (!v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw new InvalidInputException(where, InputReason.MALFORMED, "expected yyyy-MM-dd");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeException e) {
      throw new InvalidInputException(where, InputReason.IMPOSSIBLE_DATE, "no such day");
    }
  }

  /**
   * The form this is a submission of.
   *
   * @return the definition
   */
  public FormDefinition definition() {
    return definition;
  }

  /**
   * A field's submitted value; an address's province is {@code id.province}.
   *
   * @param path the field id
   * @return the value, or empty if none was submitted
   */
  public Optional<String> value(String path) {
    return Optional.ofNullable(values.get(path));
  }

  /**
   * All submitted values of fields outside repeating groups, by path.
   *
   * @return an immutable map in submission order
   */
  public Map<String, String> values() {
    return values;
  }

  /**
   * The entries of a repeating group.
   *
   * @param groupId the group field's id
   * @return the entries (part id to value), empty if none
   */
  public List<Map<String, String>> entries(String groupId) {
    return entries.getOrDefault(groupId, List.of());
  }

  /**
   * The paths the submission marks as locked.
   *
   * @return an immutable set
   */
  public Set<String> claimedLocked() {
    return claimedLocked;
  }

  @Override
  public String toString() {
    return "FormSubmission["
        + definition.id()
        + ", values="
        + values.size()
        + ", groups="
        + entries.size()
        + "]";
  }
}
