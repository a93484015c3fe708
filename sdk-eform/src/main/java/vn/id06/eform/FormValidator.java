package vn.id06.eform;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;

/**
 * Validates a filled form: required fields, lengths and patterns, dates, choices, the 12-digit ID
 * with sdk-core's checks (its shape, a birth year in the future, and its consistency with the date
 * of birth and sex given beside it), addresses under today's administrative units, and the size of
 * repeating groups. Each finding names the field, in Vietnamese and English.
 *
 * <p>Immutable and thread-safe.
 */
public final class FormValidator {
  private final Clock clock;

  private FormValidator(Clock clock) {
    this.clock = clock;
  }

  /**
   * A validator whose "today" comes from a clock.
   *
   * @param clock the clock (its zone gives today's date)
   * @return the validator
   */
  public static FormValidator create(Clock clock) {
    return new FormValidator(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Validates a submission.
   *
   * @param submission the filled form
   * @return the findings, in form order; empty when the form is acceptable
   */
  public List<ValidationMessage> validate(FormSubmission submission) {
    Objects.requireNonNull(submission, "submission");
    List<ValidationMessage> out = new ArrayList<>();
    List<FormField> fields = submission.definition().fields();
    for (FormField f : fields) {
      if (f.type() == FieldType.PERSON) {
        List<Map<String, String>> entries = submission.entries(f.id());
        if (entries.size() < f.repeatMin()) {
          out.add(message(f.id(), f, ValidationRule.TOO_FEW_ENTRIES, f.repeatMin()));
        }
        if (entries.size() > f.repeatMax()) {
          out.add(message(f.id(), f, ValidationRule.TOO_MANY_ENTRIES, f.repeatMax()));
        }
        for (int i = 0; i < entries.size(); i++) {
          Map<String, String> entry = entries.get(i);
          scope(f.fields(), f.id() + "[" + i + "].", k -> Optional.ofNullable(entry.get(k)), out);
        }
      }
    }
    scope(fields, "", submission::value, out);
    out.sort(java.util.Comparator.comparingInt(m -> order(fields, m.field())));
    return List.copyOf(out);
  }

  private static int order(List<FormField> fields, String path) {
    for (int i = 0; i < fields.size(); i++) {
      String id = fields.get(i).id();
      if (path.equals(id) || path.startsWith(id + ".") || path.startsWith(id + "[")) {
        return i;
      }
    }
    return fields.size();
  }

  /**
   * Validates one value on its own, as a front end does while the citizen types: every rule but the
   * ID's consistency with other fields and the size of groups.
   *
   * @param field the field (not a person group)
   * @param value the value; null or empty for none
   * @return the findings
   */
  public List<ValidationMessage> validateValue(FormField field, String value) {
    Objects.requireNonNull(field, "field");
    List<ValidationMessage> out = new ArrayList<>();
    check(field, field.id(), value == null || value.isEmpty() ? null : value, k -> null, out);
    return List.copyOf(out);
  }

  private void scope(
      List<FormField> fields,
      String prefix,
      Function<String, Optional<String>> values,
      List<ValidationMessage> out) {
    for (FormField f : fields) {
      if (f.type() == FieldType.PERSON) {
        continue;
      }
      String value = values.apply(f.id()).orElse(null);
      if (f.type() == FieldType.ADDRESS) {
        // A prefilled address under today's units: the province locked, the rest typed.
        Optional<String> province = values.apply(f.id() + PrefilledForm.PROVINCE_SUFFIX);
        if (province.isPresent()) {
          if (value == null || value.isBlank()) {
            out.add(message(prefix + f.id(), f, ValidationRule.ADDRESS_TO_CONFIRM, null));
            continue;
          }
          value = value + ", " + province.get();
        }
      }
      check(f, prefix + f.id(), value, k -> values.apply(k).orElse(null), out);
    }
  }

  private void check(
      FormField f,
      String path,
      String value,
      Function<String, String> sibling,
      List<ValidationMessage> out) {
    if (value == null || value.isBlank()) {
      if (f.required()) {
        out.add(message(path, f, ValidationRule.REQUIRED, null));
      }
      return;
    }
    FieldValidation v = f.validation();
    if (v.maxLength().isPresent()
        && value.codePointCount(0, value.length()) > v.maxLength().getAsInt()) {
      out.add(message(path, f, ValidationRule.MAX_LENGTH, v.maxLength().getAsInt()));
      return;
    }
    if (v.pattern().isPresent() && !v.pattern().get().matcher(value).matches()) {
      out.add(message(path, f, ValidationRule.PATTERN, null));
      return;
    }
    LocalDate today = LocalDate.now(clock);
    switch (f.type()) {
      case DATE -> {
        LocalDate d;
        try {
          d = FormSubmission.parseDate(path, value);
        } catch (InvalidInputException e) {
          out.add(message(path, f, ValidationRule.DATE_FORMAT, null));
          return;
        }
        if (v.notInFuture() && d.isAfter(today)) {
          out.add(message(path, f, ValidationRule.DATE_IN_FUTURE, null));
        }
      }
      case PARTIAL_DATE -> {
        PartialDate d;
        try {
          d = PartialDate.parseIso(path, value);
        } catch (InvalidInputException e) {
          out.add(message(path, f, ValidationRule.PARTIAL_DATE_FORMAT, null));
          return;
        }
        if (v.notInFuture() && d.isAfter(today)) {
          out.add(message(path, f, ValidationRule.DATE_IN_FUTURE, null));
        }
      }
      case CHOICE -> {
        if (f.options().stream().noneMatch(o -> o.value().equals(value))) {
          out.add(message(path, f, ValidationRule.UNKNOWN_CHOICE, null));
        }
      }
      case CITIZEN_ID -> checkId(f, path, value, sibling, out);
      case ADDRESS -> {
        if (needsConfirmation(value, today)) {
          out.add(message(path, f, ValidationRule.ADDRESS_TO_CONFIRM, null));
        }
      }
      case TEXT, PERSON -> {
        // Nothing beyond length and pattern.
      }
    }
  }

  private void checkId(
      FormField f,
      String path,
      String value,
      Function<String, String> sibling,
      List<ValidationMessage> out) {
    CitizenIdInspection inspection;
    try {
      inspection = CitizenId.inspect(value, clock);
    } catch (InvalidInputException e) {
      out.add(message(path, f, ValidationRule.CITIZEN_ID_FORMAT, null));
      return;
    }
    if (!inspection.valid()) {
      out.add(message(path, f, ValidationRule.CITIZEN_ID_IMPOSSIBLE, null));
      return;
    }
    PartialDate dob =
        f.validation().dateOfBirthField().map(sibling).map(FormValidator::dateOrNull).orElse(null);
    Sex sex = f.validation().sexField().map(sibling).map(FormValidator::sexOrNull).orElse(null);
    for (IdFinding finding : inspection.id().inconsistenciesWith(dob, sex)) {
      switch (finding) {
        case SEX_MISMATCH ->
            out.add(message(path, f, ValidationRule.CITIZEN_ID_SEX_MISMATCH, null));
        case BIRTH_YEAR_MISMATCH ->
            out.add(message(path, f, ValidationRule.CITIZEN_ID_BIRTH_YEAR_MISMATCH, null));
        default -> {
          // Other findings are about the ID alone, handled above.
        }
      }
    }
  }

  private static PartialDate dateOrNull(String text) {
    try {
      return PartialDate.parseIso("dateOfBirth", text);
    } catch (InvalidInputException e) {
      return null; // reported on its own field
    }
  }

  private static Sex sexOrNull(String text) {
    try {
      return Sex.parse(text);
    } catch (InvalidInputException e) {
      return null; // reported on its own field
    }
  }

  /**
   * Whether an address must be confirmed under today's units: no province recognised, a province
   * that no longer exists, or a district level after the reform.
   */
  static boolean needsConfirmation(String text, LocalDate today) {
    Address a;
    try {
      a = Address.parse(text);
    } catch (InvalidInputException e) {
      return true;
    }
    Optional<AdministrativeUnit> p = a.province();
    if (p.isEmpty()) {
      return true;
    }
    boolean afterReform = !today.isBefore(AdministrativeUnits.builtIn().reformDate());
    return afterReform && (!p.get().isValidOn(today) || a.hasDistrictLevel());
  }

  private static ValidationMessage message(
      String path, FormField f, ValidationRule rule, Object limit) {
    return new ValidationMessage(path, rule, rule.message(f.label(), limit));
  }

  @Override
  public String toString() {
    return "FormValidator[" + clock.getZone() + "]";
  }
}
