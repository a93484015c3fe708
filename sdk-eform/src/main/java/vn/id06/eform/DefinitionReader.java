package vn.id06.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** Reads form definitions: the schema first, then sense. Stateless after class loading. */
final class DefinitionReader {
  static final String SCHEMA_RESOURCE = "eform-definition.schema.json";
  private static final String INPUT = "formDefinition";
  private static final JsonSchema SCHEMA = loadSchema();

  private DefinitionReader() {}

  private static JsonSchema loadSchema() {
    try (InputStream in = DefinitionReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the definition schema is missing from the jar");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the definition schema cannot be read", e);
    }
  }

  static FormDefinition read(String json) {
    ObjectNode root = JsonSupport.readObject(INPUT, json);
    checkSchema(root);
    List<FormField> fields = new ArrayList<>();
    for (JsonNode f : root.get("fields")) {
      fields.add(field(f, true));
    }
    checkSense(fields);
    JsonNode legal = root.get("legalForm");
    return new FormDefinition(
        root.get("id").asText(),
        root.get("version").asInt(),
        text(root.get("title")),
        new LegalForm(
            legal.get("instrument").asText(),
            legal.get("form").asText(),
            Optional.ofNullable(legal.get("name")).map(DefinitionReader::text)),
        root.get("description").asText(),
        fields);
  }

  /** Fails with the first schema violation in document order, naming its JSON location. */
  static void checkSchema(JsonNode root) {
    Set<com.networknt.schema.ValidationMessage> errors = SCHEMA.validate(root);
    if (errors.isEmpty()) {
      return;
    }
    com.networknt.schema.ValidationMessage first =
        errors.stream()
            .min(
                Comparator.comparing(
                        (com.networknt.schema.ValidationMessage m) ->
                            m.getInstanceLocation().toString())
                    .thenComparing(m -> String.valueOf(m.getType())))
            .orElseThrow();
    // The location and keyword only: the validator's message can quote the offending value.
    throw new InvalidInputException(
        first.getInstanceLocation().toString(),
        InputReason.MALFORMED,
        "the form definition fails its schema (keyword '" + first.getType() + "')");
  }

  private static FormField field(JsonNode n, boolean topLevel) {
    String id = n.get("id").asText();
    FieldType type =
        FieldType.fromJsonName(n.get("type").asText())
            .orElseThrow(() -> new IllegalStateException("schema allowed an unknown type"));
    Optional<Binding> binding = Optional.empty();
    if (topLevel && n.has("binding")) {
      binding = Optional.of(binding(id, n.get("binding").asText()));
    }
    LockPolicy lock =
        "editable".equals(n.path("lock").asText("authoritative"))
            ? LockPolicy.EDITABLE
            : LockPolicy.AUTHORITATIVE;
    List<ChoiceOption> options = new ArrayList<>();
    for (JsonNode o : n.path("options")) {
      options.add(new ChoiceOption(o.get("value").asText(), text(o.get("label"))));
    }
    List<FormField> parts = new ArrayList<>();
    for (JsonNode p : n.path("fields")) {
      parts.add(field(p, false));
    }
    JsonNode repeat = n.path("repeat");
    return new FormField(
        id,
        text(n.get("label")),
        type,
        n.path("required").asBoolean(false),
        binding,
        lock,
        validation(id, n.path("validation")),
        options,
        repeat.path("min").asInt(0),
        repeat.path("max").asInt(0),
        parts);
  }

  private static Binding binding(String fieldId, String path) {
    int dot = path.indexOf('.');
    String subject = path.substring(0, dot);
    CitizenField field =
        CitizenField.fromJsonName(path.substring(dot + 1))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        fieldId + ".binding",
                        InputReason.UNKNOWN_VALUE,
                        "no citizen-record path '"
                            + path
                            + "' (the part after 'applicant.' must be a citizen field's JSON"
                            + " name)"));
    return new Binding(subject, field);
  }

  private static FieldValidation validation(String fieldId, JsonNode v) {
    if (v.isMissingNode()) {
      return FieldValidation.NONE;
    }
    Optional<Pattern> pattern = Optional.empty();
    if (v.has("pattern")) {
      try {
        pattern = Optional.of(Pattern.compile(v.get("pattern").asText()));
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException(
            fieldId + ".validation.pattern",
            InputReason.MALFORMED,
            "not a valid regular expression");
      }
    }
    return new FieldValidation(
        v.has("maxLength") ? OptionalInt.of(v.get("maxLength").asInt()) : OptionalInt.empty(),
        pattern,
        v.path("notInFuture").asBoolean(false),
        Optional.ofNullable(v.get("dateOfBirthField")).map(JsonNode::asText),
        Optional.ofNullable(v.get("sexField")).map(JsonNode::asText));
  }

  private static LocalizedText text(JsonNode n) {
    return new LocalizedText(n.get("vi").asText(), n.get("en").asText());
  }

  /** What the schema cannot say: unique ids, references that resolve, sane repeat bounds. */
  private static void checkSense(List<FormField> fields) {
    checkScope(fields, "");
    for (FormField f : fields) {
      if (f.type() == FieldType.PERSON) {
        if (f.repeatMin() > f.repeatMax()) {
          throw new InvalidInputException(
              f.id() + ".repeat", InputReason.MALFORMED, "min is larger than max");
        }
        checkScope(f.fields(), f.id() + ".");
      }
    }
  }

  private static void checkScope(List<FormField> scope, String prefix) {
    Set<String> ids = new HashSet<>();
    for (FormField f : scope) {
      if (!ids.add(f.id())) {
        throw new InvalidInputException(
            prefix + f.id(), InputReason.MALFORMED, "the id is used twice in one scope");
      }
    }
    for (FormField f : scope) {
      FieldValidation v = f.validation();
      checkReference(scope, prefix + f.id(), "dateOfBirthField", v.dateOfBirthField(), f);
      checkReference(scope, prefix + f.id(), "sexField", v.sexField(), f);
    }
  }

  private static void checkReference(
      List<FormField> scope, String where, String key, Optional<String> ref, FormField f) {
    if (ref.isEmpty()) {
      return;
    }
    if (f.type() != FieldType.CITIZEN_ID) {
      throw new InvalidInputException(
          where + ".validation." + key, InputReason.MALFORMED, "only citizenId fields take it");
    }
    boolean found = scope.stream().anyMatch(o -> o.id().equals(ref.get()));
    if (!found) {
      throw new InvalidInputException(
          where + ".validation." + key,
          InputReason.UNKNOWN_VALUE,
          "names no field in the same scope");
    }
  }
}
