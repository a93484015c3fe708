package vn.id06.eform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A form a public-service portal shows a citizen: its fields with labels in Vietnamese and English,
 * their types, validation, bindings to citizen-record paths and lock policies. Definitions are
 * JSON, checked against the published schema {@code spec/eform-definition.schema.json} and then for
 * sense (bindings to paths that exist, unique ids, references between fields).
 *
 * <p>Immutable and thread-safe. Holds no personal data.
 */
public final class FormDefinition {
  private final String id;
  private final int version;
  private final LocalizedText title;
  private final LegalForm legalForm;
  private final String description;
  private final List<FormField> fields;

  FormDefinition(
      String id,
      int version,
      LocalizedText title,
      LegalForm legalForm,
      String description,
      List<FormField> fields) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = version;
    this.title = Objects.requireNonNull(title, "title");
    this.legalForm = Objects.requireNonNull(legalForm, "legalForm");
    this.description = Objects.requireNonNull(description, "description");
    this.fields = List.copyOf(fields);
  }

  /**
   * Reads a definition from its JSON text, checking it against the schema and for sense.
   *
   * @param json the definition
   * @return the definition
   * @throws vn.id06.core.InvalidInputException naming the offending part of the definition (its
   *     JSON location, or the field id and {@code binding}) when the definition fails its schema or
   *     binds to a path that does not exist
   */
  public static FormDefinition parse(String json) {
    return DefinitionReader.read(Objects.requireNonNull(json, "json"));
  }

  /**
   * The form's id, e.g. {@code permanent-residence}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The definition's version; a seal names it.
   *
   * @return the version, 1 or more
   */
  public int version() {
    return version;
  }

  /**
   * The form's title.
   *
   * @return the title
   */
  public LocalizedText title() {
    return title;
  }

  /**
   * The published form this definition follows.
   *
   * @return the legal form
   */
  public LegalForm legalForm() {
    return legalForm;
  }

  /**
   * What the form is for, and the public sources its fields were taken from.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The form's fields, in order.
   *
   * @return an immutable list
   */
  public List<FormField> fields() {
    return fields;
  }

  /**
   * Finds a field by id.
   *
   * @param fieldId the id
   * @return the field, or empty
   */
  public Optional<FormField> field(String fieldId) {
    return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
  }

  @Override
  public String toString() {
    return "FormDefinition[" + id + " v" + version + ", fields=" + fields.size() + "]";
  }
}
