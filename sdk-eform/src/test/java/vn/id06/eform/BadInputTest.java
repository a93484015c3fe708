package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.eform.Fixtures.Source;

class BadInputTest {
  private static final String MINIMAL =
      """
      {"id": "test-form", "version": 1, "title": {"vi": "Thử", "en": "Test"},
       "legalForm": {"instrument": "Thông tư 1/2025/TT-X", "form": "T1"},
       "description": "A test form. Source: none.",
       "fields": [%s]}
      """;

  private static InvalidInputException definitionFails(String fields) {
    try {
      FormDefinition.parse(MINIMAL.formatted(fields));
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("accepted: " + fields);
  }

  @Test
  void aMinimalDefinitionParses() {
    FormDefinition d =
        FormDefinition.parse(
            MINIMAL.formatted(
                """
                {"id": "name", "label": {"vi": "Tên", "en": "Name"}, "type": "text",
                 "binding": "applicant.fatherName"}"""));
    assertThat(d.field("name").orElseThrow().binding().orElseThrow().path())
        .isEqualTo("applicant.fatherName");
  }

  @Test
  void aBindingToAPathThatDoesNotExistNamesTheField() {
    InvalidInputException e =
        definitionFails(
            """
            {"id": "name", "label": {"vi": "Tên", "en": "Name"}, "type": "text",
             "binding": "applicant.favouriteColour"}""");
    assertThat(e.field()).isEqualTo("name.binding");
    assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE);
  }

  @Test
  void aDefinitionFailingItsSchemaNamesTheLocation() {
    InvalidInputException e =
        definitionFails(
            """
            {"id": "name", "label": {"vi": "Tên", "en": "Name"}, "type": "colour"}""");
    assertThat(e.field()).isEqualTo("$.fields[0].type");
    assertThat(e.getMessage()).doesNotContain("colour");
    InvalidInputException noLabel = definitionFails("{\"id\": \"name\", \"type\": \"text\"}");
    assertThat(noLabel.field()).startsWith("$.fields[0]");
    InvalidInputException choiceWithoutOptions =
        definitionFails(
            "{\"id\": \"c\", \"label\": {\"vi\": \"C\", \"en\": \"C\"}, \"type\": \"choice\"}");
    assertThat(choiceWithoutOptions.field()).startsWith("$.fields[0]");
    assertThat(definitionFails("").field()).isEqualTo("$.fields");
  }

  @Test
  void senseChecksNameTheField() {
    String twice =
        """
        {"id": "a", "label": {"vi": "A", "en": "A"}, "type": "text"},
        {"id": "a", "label": {"vi": "A", "en": "A"}, "type": "text"}""";
    assertThat(definitionFails(twice).field()).isEqualTo("a");
    String badRef =
        """
        {"id": "id", "label": {"vi": "A", "en": "A"}, "type": "citizenId",
         "validation": {"sexField": "nowhere"}}""";
    assertThat(definitionFails(badRef).field()).isEqualTo("id.validation.sexField");
    String badPattern =
        """
        {"id": "t", "label": {"vi": "A", "en": "A"}, "type": "text",
         "validation": {"pattern": "(["}}""";
    assertThat(definitionFails(badPattern).field()).isEqualTo("t.validation.pattern");
  }

  @Test
  void notJsonIsBadInput() {
    assertThatThrownBy(() -> FormDefinition.parse("{ nope"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("formDefinition"));
  }

  private static FormDefinition residence() {
    return FormTemplates.builtIn().get("permanent-residence");
  }

  private static String prefilledJson() {
    return Fixtures.prefiller().prefill(residence(), Fixtures.record(Source.QR)).toJson();
  }

  @Test
  void aSubmissionWithAnExtraFieldNamesIt() {
    String json =
        Fixtures.edit(
            prefilledJson(),
            r -> r.withArray("fields").addObject().put("id", "bankAccount").put("value", "1"));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("bankAccount");
              assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE);
            });
    String inGroup =
        Fixtures.edit(
            prefilledJson(),
            r ->
                Fixtures.item(r, "householdMembers")
                    .putArray("entries")
                    .addObject()
                    .put("salary", "1"));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), inGroup))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("householdMembers[0].salary"));
  }

  @Test
  void malformedDatesNameTheField() {
    String json =
        Fixtures.edit(
            prefilledJson(), r -> Fixtures.item(r, "dateOfBirth").put("value", "14/03/1985"));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), json))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
    FormDefinition temp = FormTemplates.builtIn().get("temporary-residence");
    String impossible =
        Fixtures.edit(
            Fixtures.prefiller().prefill(temp, Fixtures.record(Source.QR)).toJson(),
            r -> Fixtures.item(r, "stayUntil").put("value", "2026-02-30"));
    assertThatThrownBy(() -> FormSubmission.parse(temp, impossible))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("stayUntil");
              assertThat(e.reason()).isEqualTo(InputReason.IMPOSSIBLE_DATE);
            });
  }

  @Test
  void aSubmissionOfAnotherFormOrWithNonTextValuesIsRefused() {
    String other = Fixtures.edit(prefilledJson(), r -> r.put("form", "judicial-record"));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), other))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("form"));
    String number = Fixtures.edit(prefilledJson(), r -> Fixtures.item(r, "phone").put("value", 12));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), number))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    String twice =
        Fixtures.edit(prefilledJson(), r -> r.withArray("fields").addObject().put("id", "phone"));
    assertThatThrownBy(() -> FormSubmission.parse(residence(), twice))
        .isInstanceOf(InvalidInputException.class);
  }
}
