package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.id06.eform.Fixtures.ADDRESS_OLD;
import static vn.id06.eform.Fixtures.ADDRESS_TODAY;
import static vn.id06.eform.Fixtures.ID;
import static vn.id06.eform.Fixtures.NAME;
import static vn.id06.eform.Fixtures.record;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.Ethnicity;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.Nationality;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sourced;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.qr.CardQrParser;
import vn.id06.eform.Fixtures.Source;

class PrefillerTest {
  /** What the fixture records carry, by binding name, as the form shows it (written by hand). */
  private static final Map<String, String> EXPECTED =
      Map.of(
          "citizenId",
          ID,
          "fullName",
          NAME,
          "dateOfBirth",
          "1985-03-14",
          "sex",
          "MALE",
          "address",
          ADDRESS_TODAY,
          "issueDate",
          "2021-07-10");

  @ParameterizedTest
  @EnumSource(Source.class)
  void everyTemplateIsPrefilledFromEachSource(Source source) {
    for (FormDefinition form : FormTemplates.builtIn().all()) {
      PrefilledForm p = Fixtures.prefiller().prefill(form, record(source));
      int bound = 0;
      for (FormField f : form.fields()) {
        String name = f.binding().map(b -> b.field().jsonName()).orElse(null);
        if (name == null || !EXPECTED.containsKey(name)) {
          assertThat(p.value(f.id())).as(form.id() + "." + f.id()).isEmpty();
          continue;
        }
        bound++;
        PrefilledValue v = p.value(f.id()).orElseThrow();
        assertThat(v.value()).as(form.id() + "." + f.id()).isEqualTo(EXPECTED.get(name));
        assertThat(v.provenance().orElseThrow().level())
            .isEqualTo(Fixtures.provenance(source, Fixtures.NOW).level());
        boolean authority = source != Source.CITIZEN && f.lock() == LockPolicy.AUTHORITATIVE;
        assertThat(v.locked()).as(form.id() + "." + f.id() + " locked").isEqualTo(authority);
        assertThat(v.toConfirm()).isFalse();
      }
      assertThat(bound).as(form.id() + " binds the applicant's identity").isGreaterThanOrEqualTo(4);
      assertThat(p.conflicts()).isEmpty();
    }
  }

  @Test
  void strongestProofWinsWhateverTheOrderAndTheCitizenComesLast() {
    CitizenRecord gateway = record(Source.GATEWAY);
    CitizenRecord chip = record(Source.CHIP);
    CitizenRecord qr = record(Source.QR);
    CitizenRecord citizen = record(Source.CITIZEN);
    List<List<CitizenRecord>> orders =
        List.of(
            List.of(citizen, qr, chip, gateway),
            List.of(gateway, chip, qr, citizen),
            List.of(qr, citizen, gateway));
    for (FormDefinition form : FormTemplates.builtIn().all()) {
      for (List<CitizenRecord> sources : orders) {
        PrefilledForm p = Fixtures.prefiller().prefill(form, sources);
        for (PrefilledValue v : p.values()) {
          assertThat(v.provenance().orElseThrow().level())
              .isEqualTo(ProofLevel.POPULATION_DATABASE);
        }
        assertThat(p.conflicts()).isEmpty();
      }
      PrefilledForm withoutGateway = Fixtures.prefiller().prefill(form, citizen, qr, chip);
      withoutGateway
          .values()
          .forEach(
              v ->
                  assertThat(v.provenance().orElseThrow().level())
                      .isEqualTo(ProofLevel.CHIP_AUTHENTICATED));
      PrefilledForm citizenAndQr = Fixtures.prefiller().prefill(form, citizen, qr);
      citizenAndQr
          .values()
          .forEach(
              v -> assertThat(v.provenance().orElseThrow().level()).isEqualTo(ProofLevel.CARD_QR));
    }
  }

  @Test
  void aQrAddressThatDiffersFromTheDatabaseIsReportedNotResolved() {
    CitizenRecord gateway = record(Source.GATEWAY);
    String other = "Số 99 đường Hai Bà Trưng, Phường Sài Gòn, Thành phố Hồ Chí Minh";
    CitizenRecord qr = record(Source.QR, b -> b.permanentAddress(Address.parse(other)));
    FormDefinition form = FormTemplates.builtIn().get("permanent-residence");
    PrefilledForm p = Fixtures.prefiller().prefill(form, qr, gateway);
    assertThat(p.conflicts()).hasSize(1);
    Conflict c = p.conflicts().get(0);
    assertThat(c.path()).isEqualTo("currentAddress");
    assertThat(c.candidates())
        .extracting(PrefilledValue::value)
        .containsExactly(ADDRESS_TODAY, other);
    assertThat(c.candidates())
        .extracting(v -> v.provenance().orElseThrow().level())
        .containsExactly(ProofLevel.POPULATION_DATABASE, ProofLevel.CARD_QR);
    assertThat(p.value("currentAddress").orElseThrow().value()).isEqualTo(ADDRESS_TODAY);
    assertThat(p.toJson()).contains("\"conflicts\"").contains(other);
    assertThat(c.toString()).doesNotContain("Hai Bà Trưng");
  }

  @Test
  void namesThatDifferOnlyInCaseOrSpacingDoNotConflict() {
    CitizenRecord gateway = record(Source.GATEWAY);
    CitizenRecord qr = record(Source.QR, b -> b.fullName(VietnameseName.of("TRẦN VĂN THỬ")));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("judicial-record"), qr, gateway);
    assertThat(p.conflicts()).isEmpty();
    assertThat(p.value("fullName").orElseThrow().value()).isEqualTo(NAME);
  }

  @Test
  void aPreReformAddressMappedExactlyIsPrefilledInTodaysUnitsAndLocked() {
    // Xã Phước Lộc (code 21976, Huyện Tuy Phước, Tỉnh Bình Định) went whole into today's Xã Tuy
    // Phước (code 21952) of Tỉnh Gia Lai (Resolution 202/2025/QH15 merged Bình Định into Gia Lai).
    String old = "Thôn 3, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định";
    CitizenRecord gateway = record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(old)));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("permanent-residence"), gateway);
    PrefilledValue v = p.value("currentAddress").orElseThrow();
    assertThat(v.value()).isEqualTo("Thôn 3, Xã Tuy Phước, Tỉnh Gia Lai");
    assertThat(v.locked()).isTrue();
    assertThat(v.toConfirm()).isFalse();
    assertThat(v.origin()).contains(old);
    assertThat(p.value("currentAddress.province")).isEmpty();
    assertThat(p.lockedValues()).extracting(PrefilledValue::value).doesNotContain(old);
  }

  @Test
  void aDividedCommuneGivesTodaysProvinceLockedAndTheRestToConfirm() {
    // Phường Cống Vị (00007, Quận Ba Đình) was divided between two wards of today (mapping rows
    // 00007>00008 and 00007>00025, both "part"): the commune cannot be sealed.
    String old = "Số 5 phố Đội Cấn, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội";
    CitizenRecord gateway = record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(old)));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("permanent-residence"), gateway);
    PrefilledValue rest = p.value("currentAddress").orElseThrow();
    assertThat(rest.locked()).isFalse();
    assertThat(rest.toConfirm()).isTrue();
    assertThat(rest.origin()).contains(old);
    assertThat(rest.value()).isEqualTo("Số 5 phố Đội Cấn, Phường Cống Vị, Quận Ba Đình");
    PrefilledValue province = p.value("currentAddress.province").orElseThrow();
    assertThat(province.value()).isEqualTo("Thành phố Hà Nội");
    assertThat(province.locked()).isTrue();
    assertThat(province.origin()).contains(old);
  }

  @Test
  void anUnknownCommuneInAnOldProvinceGivesTodaysProvinceAndTheRestToConfirm() {
    String old = "Thôn 3, Xã Không Có, Huyện Tuy Phước, Tỉnh Bình Định";
    CitizenRecord gateway = record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(old)));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("permanent-residence"), gateway);
    PrefilledValue rest = p.value("currentAddress").orElseThrow();
    assertThat(rest.locked()).isFalse();
    assertThat(rest.toConfirm()).isTrue();
    assertThat(rest.value()).isEqualTo("Thôn 3, Xã Không Có, Huyện Tuy Phước");
    PrefilledValue province = p.value("currentAddress.province").orElseThrow();
    // Bình Định was merged into Gia Lai on 1 July 2025 (Resolution 202/2025/QH15).
    assertThat(province.value()).isEqualTo("Tỉnh Gia Lai");
    assertThat(province.locked()).isTrue();
  }

  @Test
  void anOldWardOfAProvinceThatStayedIsRewrittenInTodaysUnits() {
    // Phường Bến Nghé (26740, Quận 1) went whole into today's Phường Sài Gòn (26740): the district
    // level is gone, so the text as written is no longer today's address.
    String withDistrict = "12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh";
    CitizenRecord chip = record(Source.CHIP, b -> b.permanentAddress(Address.parse(withDistrict)));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("judicial-record"), chip);
    PrefilledValue v = p.value("permanentAddress").orElseThrow();
    assertThat(v.value()).isEqualTo("12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh");
    assertThat(v.locked()).isTrue();
    assertThat(v.toConfirm()).isFalse();
    assertThat(v.origin()).contains(withDistrict);
  }

  @Test
  void anAddressInTodaysUnitsKeepsItsTextAndHasNoOrigin() {
    CitizenRecord gateway =
        record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(Fixtures.ADDRESS_TODAY)));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("judicial-record"), gateway);
    PrefilledValue v = p.value("permanentAddress").orElseThrow();
    assertThat(v.value()).isEqualTo(Fixtures.ADDRESS_TODAY);
    assertThat(v.locked()).isTrue();
    assertThat(v.origin()).isEmpty();
  }

  @Test
  void anAddressWithoutAKnownProvinceIsNeverLocked() {
    CitizenRecord gateway =
        record(Source.GATEWAY, b -> b.permanentAddress(Address.parse("Thôn 3, Xã Phước Hòa")));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("temporary-residence"), gateway);
    PrefilledValue v = p.value("currentAddress").orElseThrow();
    assertThat(v.locked()).isFalse();
    assertThat(v.toConfirm()).isTrue();
    assertThat(p.value("currentAddress.province")).isEmpty();
  }

  @Test
  void beforeTheReformAnOldAddressIsStillCurrent() {
    CitizenRecord gateway =
        record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(ADDRESS_OLD)));
    Prefiller before =
        Prefiller.builder()
            .clock(
                java.time.Clock.fixed(java.time.Instant.parse("2025-06-01T00:00:00Z"), Fixtures.VN))
            .build();
    PrefilledForm p = before.prefill(FormTemplates.builtIn().get("permanent-residence"), gateway);
    assertThat(p.value("currentAddress").orElseThrow().value()).isEqualTo(ADDRESS_OLD);
    assertThat(p.value("currentAddress").orElseThrow().locked()).isTrue();
  }

  @Test
  void cardQrParsedByCoreIsASource() {
    String qr = ID + "|025123456|" + NAME + "|14031985|Nam|" + ADDRESS_OLD + "|10072021";
    CitizenRecord fromQr = CardQrParser.standard().parse(qr).record();
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("permanent-residence"), fromQr);
    assertThat(p.value("fullName").orElseThrow().value()).isEqualTo(NAME);
    assertThat(p.value("citizenId").orElseThrow().value()).isEqualTo(ID);
    assertThat(p.value("dateOfBirth").orElseThrow().value()).isEqualTo("1985-03-14");
    assertThat(p.value("sex").orElseThrow().value()).isEqualTo("MALE");
    assertThat(p.value("currentAddress.province").orElseThrow().value()).isEqualTo("Tỉnh Gia Lai");
    for (PrefilledValue v : p.lockedValues()) {
      assertThat(v.provenance().orElseThrow().level()).isEqualTo(ProofLevel.CARD_QR);
    }
    List<String> locked = new ArrayList<>();
    p.lockedValues().forEach(v -> locked.add(v.path()));
    assertThat(locked)
        .containsExactly("fullName", "dateOfBirth", "sex", "citizenId", "currentAddress.province");
  }

  @Test
  void chipFieldsFromDg13BindByName() {
    CitizenRecord chip =
        record(
            Source.CHIP,
            b ->
                b.fatherName(VietnameseName.of("Trần Văn Cha"))
                    .motherName(VietnameseName.of("Lê Thị Mẹ"))
                    .nationality(Nationality.VIETNAM)
                    .ethnicity(Ethnicity.of("Kinh")));
    PrefilledForm p =
        Fixtures.prefiller().prefill(FormTemplates.builtIn().get("judicial-record"), chip);
    assertThat(p.value("fatherName").orElseThrow().value()).isEqualTo("Trần Văn Cha");
    assertThat(p.value("motherName").orElseThrow().value()).isEqualTo("Lê Thị Mẹ");
    assertThat(p.value("nationality").orElseThrow().value()).isEqualTo("Việt Nam");
    assertThat(p.value("ethnicity").orElseThrow().value()).isEqualTo("Kinh");
    assertThat(p.value("spouseName")).isEmpty();
    assertThat(p.value("fatherName").orElseThrow().locked()).isTrue();
    assertThat(p.toJson())
        .contains("\"chipAuthentication\" : \"PROVEN\"")
        .contains("\"accessProtocol\" : \"PACE\"");
  }

  @Test
  void anUnsignedGatewayAnswerRanksBelowAnAuthenticatedChip() {
    CitizenRecord unsigned =
        CitizenRecord.builder(
                new GatewayProvenance(
                    "lgsp", "req-9", Fixtures.NOW, new ResponseSignature.NotVerified("no key")))
            .fullName(VietnameseName.of("Trần Văn Khác"))
            .build();
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(FormTemplates.builtIn().get("judicial-record"), unsigned, record(Source.CHIP));
    assertThat(p.value("fullName").orElseThrow().value()).isEqualTo(NAME);
    assertThat(p.conflicts()).extracting(Conflict::path).containsExactly("fullName");
    assertThat(p.conflicts().get(0).candidates())
        .extracting(v -> v.provenance().orElseThrow().level())
        .containsExactly(ProofLevel.CHIP_AUTHENTICATED, ProofLevel.POPULATION_DATABASE_UNVERIFIED);
  }

  @Test
  void aHealthInsuranceCardQrFillsTheCardFields() {
    java.util.HexFormat hex = java.util.HexFormat.of();
    String bhyt =
        "GD4797931234567|"
            + hex.formatHex(NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "|14/03/1985|1|"
            + hex.formatHex(ADDRESS_TODAY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "|79 - 012|01/01/2026|31/12/2026|$";
    var qr = CardQrParser.builder().clock(Fixtures.CLOCK).build().parse(bhyt);
    var card = new Sourced<>(qr.healthInsurance().orElseThrow(), qr.record().provenance());
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(
                FormTemplates.builtIn().get("health-insurance-renewal"),
                List.of(record(Source.GATEWAY), qr.record()),
                List.of(card));
    assertThat(p.value("cardNumber").orElseThrow().value()).isEqualTo("GD4797931234567");
    assertThat(p.value("socialInsuranceNumber").orElseThrow().value()).isEqualTo("7931234567");
    assertThat(p.value("cardNumber").orElseThrow().locked()).isTrue();
    PrefilledValue facility = p.value("facilityCode").orElseThrow();
    assertThat(facility.value())
        .isEqualTo("79012"); // the five-digit facility code, as core normalises it
    assertThat(facility.locked()).as("the citizen may choose another facility").isFalse();
    assertThat(p.value("fullName").orElseThrow().provenance().orElseThrow().level())
        .isEqualTo(ProofLevel.POPULATION_DATABASE);
  }

  @Test
  void editableFieldsAreNeverLocked() {
    FormDefinition form = FormTemplates.builtIn().get("health-insurance-renewal");
    Set<String> editable = new java.util.HashSet<>();
    form.fields().stream()
        .filter(f -> f.lock() == LockPolicy.EDITABLE)
        .forEach(f -> editable.add(f.id()));
    assertThat(editable).contains("facilityCode");
    for (Source s : EnumSet.allOf(Source.class)) {
      PrefilledForm p = Fixtures.prefiller().prefill(form, record(s));
      p.lockedValues().forEach(v -> assertThat(editable).doesNotContain(v.path()));
    }
  }

  @Test
  void toStringsShowNoPersonalData() {
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(FormTemplates.builtIn().get("permanent-residence"), record(Source.GATEWAY));
    String all = p + " " + p.values() + " " + record(Source.GATEWAY);
    assertThat(all).doesNotContain(ID).doesNotContain("Thử").doesNotContain("Lê Lợi");
  }
}
