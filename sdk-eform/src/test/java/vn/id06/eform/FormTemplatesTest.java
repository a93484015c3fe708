package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class FormTemplatesTest {
  /**
   * Each template's fields, written out by hand from the published forms (see each template's
   * description), so a change to a template is a change to this table too.
   */
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "birth-registration",
          List.of(
              "declarantName",
              "declarantDateOfBirth",
              "declarantSex",
              "declarantCitizenId",
              "declarantResidence",
              "relationshipToChild",
              "childName",
              "childDateOfBirth",
              "childPlaceOfBirth",
              "childSex",
              "childEthnicity",
              "childNationality",
              "childPlaceOfOrigin",
              "parents"),
          "permanent-residence",
          List.of(
              "authority",
              "fullName",
              "dateOfBirth",
              "sex",
              "citizenId",
              "phone",
              "email",
              "householdHeadName",
              "relationshipToHead",
              "householdHeadCitizenId",
              "currentAddress",
              "request",
              "registrationAddress",
              "householdMembers"),
          "temporary-residence",
          List.of(
              "authority",
              "fullName",
              "dateOfBirth",
              "sex",
              "citizenId",
              "phone",
              "email",
              "householdHeadName",
              "relationshipToHead",
              "householdHeadCitizenId",
              "currentAddress",
              "request",
              "temporaryAddress",
              "stayUntil",
              "householdMembers"),
          "judicial-record",
          List.of(
              "fullName",
              "dateOfBirth",
              "sex",
              "placeOfBirth",
              "nationality",
              "ethnicity",
              "permanentAddress",
              "temporaryAddress",
              "citizenId",
              "idIssueDate",
              "idIssuedBy",
              "fatherName",
              "motherName",
              "spouseName",
              "phone",
              "email",
              "residenceHistory",
              "certificateType",
              "copies",
              "purpose"),
          "driving-licence-renewal",
          List.of(
              "authority",
              "fullName",
              "dateOfBirth",
              "sex",
              "citizenId",
              "idIssueDate",
              "idIssuedBy",
              "address",
              "drivingSchool",
              "drivingSchoolYear",
              "licenceClass",
              "licenceNumber",
              "licenceIssuer",
              "licenceIssueDate",
              "requestedClass",
              "reason",
              "integrateLicences",
              "trafficViolations"),
          "health-insurance-renewal",
          List.of(
              "fullName",
              "dateOfBirth",
              "sex",
              "citizenId",
              "nationality",
              "ethnicity",
              "birthRegistrationPlace",
              "address",
              "phone",
              "socialInsuranceNumber",
              "cardNumber",
              "facilityCode",
              "householdMembers"));

  private static final Map<String, String> LEGAL_FORM =
      Map.of(
          "birth-registration", "Tờ khai đăng ký khai sinh",
          "permanent-residence", "CT01",
          "temporary-residence", "CT01",
          "judicial-record", "Mẫu số 03/2013/TT-LLTP",
          "driving-licence-renewal", "Phụ lục XII",
          "health-insurance-renewal", "TK1-TS");

  @Test
  void theSixServicesAreBuiltIn() {
    assertThat(FormTemplates.builtIn().all())
        .extracting(FormDefinition::id)
        .containsExactlyInAnyOrderElementsOf(FIELDS.keySet());
  }

  @Test
  void eachTemplateHoldsItsFieldList() {
    for (var e : FIELDS.entrySet()) {
      FormDefinition d = FormTemplates.builtIn().get(e.getKey());
      assertThat(d.fields()).extracting(FormField::id).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void eachTemplateNamesItsLegalFormAndCreditsSources() {
    for (var e : LEGAL_FORM.entrySet()) {
      FormDefinition d = FormTemplates.builtIn().get(e.getKey());
      assertThat(d.legalForm().form()).isEqualTo(e.getValue());
      assertThat(d.legalForm().instrument()).matches(".*(Thông tư|Quyết định) \\d+/.*");
      assertThat(d.description()).containsIgnoringCase("source");
    }
  }

  @Test
  void everyTemplatePassesTheSchema() throws Exception {
    for (String id : FormTemplates.IDS) {
      var node = JsonSupport.MAPPER.readTree(FormTemplates.resource(id));
      DefinitionReader.checkSchema(node); // throws on any violation
    }
  }

  @Test
  void unknownTemplateIsATypedErrorNamingTheField() {
    assertThatThrownBy(() -> FormTemplates.builtIn().get("passport"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("template");
              assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE);
            });
  }
}
