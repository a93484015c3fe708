package vn.id06.eform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a form definition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the field's id, unique in its scope (the form, or one person of a group)
 * @param label the label in Vietnamese and English
 * @param type the type
 * @param required whether a value is required
 * @param binding the citizen-record path the field is prefilled from, if any
 * @param lock whether a prefilled value is locked
 * @param validation further validation
 * @param options the options of a {@link FieldType#CHOICE} field, else empty
 * @param repeatMin for {@link FieldType#PERSON}: the fewest entries, else 0
 * @param repeatMax for {@link FieldType#PERSON}: the most entries, else 0
 * @param fields for {@link FieldType#PERSON}: the fields of one entry, else empty
 */
public record FormField(
    String id,
    LocalizedText label,
    FieldType type,
    boolean required,
    Optional<Binding> binding,
    LockPolicy lock,
    FieldValidation validation,
    List<ChoiceOption> options,
    int repeatMin,
    int repeatMax,
    List<FormField> fields) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if any is null
   */
  public FormField {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(validation, "validation");
    options = List.copyOf(options);
    fields = List.copyOf(fields);
  }

  /**
   * Finds a field of one entry of a person group.
   *
   * @param partId the part's id
   * @return the part, or empty
   */
  public Optional<FormField> part(String partId) {
    return fields.stream().filter(f -> f.id().equals(partId)).findFirst();
  }
}
