package vn.id06.eform;

import java.util.Optional;

/**
 * The type of a form field, as named in a form definition's JSON.
 *
 * <p>Immutable and thread-safe.
 */
public enum FieldType {
  /** Free text. */
  TEXT("text"),
  /** A full date, ISO {@code yyyy-MM-dd}. */
  DATE("date"),
  /** A date that may lack its day or month (ISO {@code yyyy}, {@code yyyy-MM} or full). */
  PARTIAL_DATE("partialDate"),
  /** One of the field's options. */
  CHOICE("choice"),
  /** A 12-digit personal identification number (số định danh cá nhân). */
  CITIZEN_ID("citizenId"),
  /** A Vietnamese address, asked for under today's administrative units. */
  ADDRESS("address"),
  /** A repeating group of persons (parents, household members). */
  PERSON("person");

  private final String jsonName;

  FieldType(String jsonName) {
    this.jsonName = jsonName;
  }

  /**
   * The name used in definitions and in the form's JSON.
   *
   * @return e.g. {@code "partialDate"}
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds a type by its JSON name.
   *
   * @param name the name
   * @return the type, or empty
   */
  public static Optional<FieldType> fromJsonName(String name) {
    for (FieldType t : values()) {
      if (t.jsonName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
