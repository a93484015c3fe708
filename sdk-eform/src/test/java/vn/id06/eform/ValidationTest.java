package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.id06.eform.Fixtures.record;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.id06.core.address.Address;
import vn.id06.eform.Fixtures.Source;

class ValidationTest {
  private static final FormValidator VALIDATOR = FormValidator.create(Fixtures.CLOCK);
  private static final LocalizedText LABEL = new LocalizedText("Họ và tên", "Full name");

  @Test
  void everyRuleHasAMessageInBothLanguagesNamingTheField() {
    for (ValidationRule rule : ValidationRule.values()) {
      LocalizedText m = rule.message(LABEL, 7);
      assertThat(m.vi()).as(rule.name()).startsWith("Họ và tên: ").hasSizeGreaterThan(15);
      assertThat(m.en()).as(rule.name()).startsWith("Full name: ").hasSizeGreaterThan(15);
      assertThat(m.vi()).isNotEqualTo(m.en());
      assertThat(m.vi() + m.en()).doesNotContain("{").doesNotContain("}");
    }
    assertThat(ValidationRule.MAX_LENGTH.message(LABEL, 7).en()).contains("7");
    assertThat(ValidationRule.ADDRESS_TO_CONFIRM.message(LABEL, null).en()).contains("today's");
  }

  private static List<ValidationMessage> validate(
      String template,
      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
    FormDefinition form = FormTemplates.builtIn().get(template);
    PrefilledForm p = Fixtures.prefiller().prefill(form, record(Source.GATEWAY));
    return VALIDATOR.validate(FormSubmission.parse(form, Fixtures.edit(p.toJson(), edit)));
  }

  private static Set<ValidationRule> rules(List<ValidationMessage> ms) {
    return ms.stream().map(ValidationMessage::rule).collect(Collectors.toSet());
  }

  @Test
  void aCompleteSubmissionIsValid() {
    List<ValidationMessage> ms =
        validate(
            "permanent-residence",
            r -> {
              Fixtures.item(r, "authority").put("value", "Công an phường Bến Thành");
              Fixtures.item(r, "householdHeadName").put("value", "Trần Văn Chủ");
              Fixtures.item(r, "relationshipToHead").put("value", "Con");
              Fixtures.item(r, "request").put("value", "Đăng ký thường trú");
              Fixtures.item(r, "registrationAddress")
                  .put("value", "Số 5 đường Lý Thái Tổ, Phường Bàn Cờ, Thành phố Hồ Chí Minh");
            });
    assertThat(ms).isEmpty();
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    List<ValidationMessage> ms = validate("permanent-residence", r -> {});
    assertThat(ms)
        .extracting(ValidationMessage::field)
        .containsExactly(
            "authority",
            "householdHeadName",
            "relationshipToHead",
            "request",
            "registrationAddress");
    assertThat(ms.get(0).message().vi()).startsWith("Kính gửi");
    assertThat(ms.get(0).message().en()).startsWith("To (residence");
  }

  @Test
  void idConsistencyWithDateOfBirthAndSexComesFromCore() {
    List<ValidationMessage> ms =
        validate(
            "judicial-record",
            r -> {
              Fixtures.item(r, "sex").put("value", "FEMALE");
              Fixtures.item(r, "dateOfBirth").put("value", "1990");
            });
    assertThat(rules(ms))
        .contains(
            ValidationRule.CITIZEN_ID_SEX_MISMATCH, ValidationRule.CITIZEN_ID_BIRTH_YEAR_MISMATCH);
    assertThat(ms.stream().filter(m -> m.rule() == ValidationRule.CITIZEN_ID_SEX_MISMATCH))
        .extracting(ValidationMessage::field)
        .containsExactly("citizenId");
  }

  @Test
  void groupsAreCheckedPerEntry() {
    List<ValidationMessage> ms =
        validate(
            "permanent-residence",
            r -> {
              var entries = Fixtures.item(r, "householdMembers").putArray("entries");
              entries
                  .addObject()
                  .put("fullName", "Trần Thị Con")
                  .put("dateOfBirth", "2030")
                  .put("sex", "X")
                  .put("citizenId", "07930001");
            });
    assertThat(ms)
        .filteredOn(m -> m.field().startsWith("householdMembers"))
        .extracting(ValidationMessage::field, ValidationMessage::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "householdMembers[0].dateOfBirth", ValidationRule.DATE_IN_FUTURE),
            org.assertj.core.groups.Tuple.tuple(
                "householdMembers[0].sex", ValidationRule.UNKNOWN_CHOICE),
            org.assertj.core.groups.Tuple.tuple(
                "householdMembers[0].citizenId", ValidationRule.CITIZEN_ID_FORMAT),
            org.assertj.core.groups.Tuple.tuple(
                "householdMembers[0].relationshipToHead", ValidationRule.REQUIRED));
  }

  @Test
  void groupSizesAreChecked() {
    assertThat(rules(validate("birth-registration", r -> {})))
        .contains(ValidationRule.TOO_FEW_ENTRIES);
    assertThat(
            rules(
                validate(
                    "birth-registration",
                    r -> {
                      var e = Fixtures.item(r, "parents").putArray("entries");
                      for (int i = 0; i < 3; i++) {
                        e.addObject().put("fullName", "Trần Văn Cha").put("dateOfBirth", "1960");
                      }
                    })))
        .contains(ValidationRule.TOO_MANY_ENTRIES);
  }

  @Test
  void singleValueRules() {
    FormDefinition dl = FormTemplates.builtIn().get("driving-licence-renewal");
    FormField licence = dl.field("licenceNumber").orElseThrow();
    FormField issued = dl.field("licenceIssueDate").orElseThrow();
    FormField reason = dl.field("reason").orElseThrow();
    assertThat(rules(VALIDATOR.validateValue(licence, "12345")))
        .containsExactly(ValidationRule.PATTERN);
    assertThat(VALIDATOR.validateValue(licence, "790123456789")).isEmpty();
    assertThat(rules(VALIDATOR.validateValue(issued, "2024-02-30")))
        .containsExactly(ValidationRule.DATE_FORMAT);
    assertThat(rules(VALIDATOR.validateValue(issued, "2027-01-01")))
        .containsExactly(ValidationRule.DATE_IN_FUTURE);
    assertThat(rules(VALIDATOR.validateValue(reason, "x".repeat(301))))
        .containsExactly(ValidationRule.MAX_LENGTH);
    FormField dob = dl.field("dateOfBirth").orElseThrow();
    assertThat(rules(VALIDATOR.validateValue(dob, "1985-13")))
        .containsExactly(ValidationRule.PARTIAL_DATE_FORMAT);
    FormField id = dl.field("citizenId").orElseThrow();
    // Century-sex digit 2 (male, 2000s) with year 99: born 2099, in the future.
    assertThat(rules(VALIDATOR.validateValue(id, "079299001234")))
        .containsExactly(ValidationRule.CITIZEN_ID_IMPOSSIBLE);
    FormField address = dl.field("address").orElseThrow();
    assertThat(rules(VALIDATOR.validateValue(address, Fixtures.ADDRESS_OLD)))
        .containsExactly(ValidationRule.ADDRESS_TO_CONFIRM);
    assertThat(VALIDATOR.validateValue(address, Fixtures.ADDRESS_TODAY)).isEmpty();
  }

  @Test
  void aHealthInsuranceCardNumberInEitherFormIsValid() {
    // The 15-character number printed before 2021 (two letters, then digits) and the 10-digit
    // social-insurance number that the cards issued since carry (and the gateway reports).
    FormField card =
        FormTemplates.builtIn().get("health-insurance-renewal").field("cardNumber").orElseThrow();
    assertThat(VALIDATOR.validateValue(card, "GD4797931234567")).isEmpty();
    assertThat(VALIDATOR.validateValue(card, "7931234567")).isEmpty();
    assertThat(rules(VALIDATOR.validateValue(card, "GD47979312345")))
        .containsExactly(ValidationRule.PATTERN);
    assertThat(rules(VALIDATOR.validateValue(card, "79312345678")))
        .containsExactly(ValidationRule.PATTERN);
  }

  @Test
  void aProvinceWithoutTheRestIsToConfirm() {
    FormDefinition form = FormTemplates.builtIn().get("judicial-record");
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(
                form,
                record(
                    Source.GATEWAY, b -> b.permanentAddress(Address.parse(Fixtures.ADDRESS_OLD))));
    String json =
        Fixtures.edit(p.toJson(), r -> Fixtures.item(r, "permanentAddress").remove("value"));
    List<ValidationMessage> ms = VALIDATOR.validate(FormSubmission.parse(form, json));
    assertThat(ms)
        .filteredOn(m -> m.field().equals("permanentAddress"))
        .extracting(ValidationMessage::rule)
        .containsExactly(ValidationRule.ADDRESS_TO_CONFIRM);
    String completed =
        Fixtures.edit(
            p.toJson(),
            r -> Fixtures.item(r, "permanentAddress").put("value", "Thôn 3, Xã Tuy Phước"));
    assertThat(VALIDATOR.validate(FormSubmission.parse(form, completed)))
        .extracting(ValidationMessage::field)
        .doesNotContain("permanentAddress");
  }

  @Test
  void everyRuleIsReachable() {
    // The tests above between them trigger each rule; this keeps the list honest.
    assertThat(EnumSet.allOf(ValidationRule.class)).hasSize(14);
  }
}
