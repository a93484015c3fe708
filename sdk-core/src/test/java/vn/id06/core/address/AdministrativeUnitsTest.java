package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.address.AdministrativeUnit.Level;

class AdministrativeUnitsTest {
  private static final AdministrativeUnits UNITS = AdministrativeUnits.builtIn();
  private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
  private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

  /** The 63-unit table of vn-domain.md §1. */
  private static final String LEGACY =
      "001 Hà Nội|002 Hà Giang|004 Cao Bằng|006 Bắc Kạn|008 Tuyên Quang|010 Lào Cai|011 Điện Biên|"
          + "012 Lai Châu|014 Sơn La|015 Yên Bái|017 Hòa Bình|019 Thái Nguyên|020 Lạng Sơn|"
          + "022 Quảng Ninh|024 Bắc Giang|025 Phú Thọ|026 Vĩnh Phúc|027 Bắc Ninh|030 Hải Dương|"
          + "031 Hải Phòng|033 Hưng Yên|034 Thái Bình|035 Hà Nam|036 Nam Định|037 Ninh Bình|"
          + "038 Thanh Hóa|040 Nghệ An|042 Hà Tĩnh|044 Quảng Bình|045 Quảng Trị|046 Thừa Thiên Huế|"
          + "048 Đà Nẵng|049 Quảng Nam|051 Quảng Ngãi|052 Bình Định|054 Phú Yên|056 Khánh Hòa|"
          + "058 Ninh Thuận|060 Bình Thuận|062 Kon Tum|064 Gia Lai|066 Đắk Lắk|067 Đắk Nông|"
          + "068 Lâm Đồng|070 Bình Phước|072 Tây Ninh|074 Bình Dương|075 Đồng Nai|"
          + "077 Bà Rịa-Vũng Tàu|079 Hồ Chí Minh|080 Long An|082 Tiền Giang|083 Bến Tre|"
          + "084 Trà Vinh|086 Vĩnh Long|087 Đồng Tháp|089 An Giang|091 Kiên Giang|092 Cần Thơ|"
          + "093 Hậu Giang|094 Sóc Trăng|095 Bạc Liêu|096 Cà Mau";

  /** New unit <- absorbed units, vn-domain.md §1. */
  private static final Map<String, List<String>> MERGERS =
      Map.ofEntries(
          Map.entry("Tuyên Quang", List.of("Hà Giang")),
          Map.entry("Lào Cai", List.of("Yên Bái")),
          Map.entry("Thái Nguyên", List.of("Bắc Kạn")),
          Map.entry("Phú Thọ", List.of("Vĩnh Phúc", "Hòa Bình")),
          Map.entry("Bắc Ninh", List.of("Bắc Giang")),
          Map.entry("Hưng Yên", List.of("Thái Bình")),
          Map.entry("Hải Phòng", List.of("Hải Dương")),
          Map.entry("Ninh Bình", List.of("Hà Nam", "Nam Định")),
          Map.entry("Quảng Trị", List.of("Quảng Bình")),
          Map.entry("Đà Nẵng", List.of("Quảng Nam")),
          Map.entry("Quảng Ngãi", List.of("Kon Tum")),
          Map.entry("Gia Lai", List.of("Bình Định")),
          Map.entry("Khánh Hòa", List.of("Ninh Thuận")),
          Map.entry("Lâm Đồng", List.of("Đắk Nông", "Bình Thuận")),
          Map.entry("Đắk Lắk", List.of("Phú Yên")),
          Map.entry("Hồ Chí Minh", List.of("Bình Dương", "Bà Rịa-Vũng Tàu")),
          Map.entry("Đồng Nai", List.of("Bình Phước")),
          Map.entry("Tây Ninh", List.of("Long An")),
          Map.entry("Cần Thơ", List.of("Sóc Trăng", "Hậu Giang")),
          Map.entry("Vĩnh Long", List.of("Bến Tre", "Trà Vinh")),
          Map.entry("Đồng Tháp", List.of("Tiền Giang")),
          Map.entry("Cà Mau", List.of("Bạc Liêu")),
          Map.entry("An Giang", List.of("Kiên Giang")));

  private static final Set<String> UNCHANGED =
      Set.of(
          "Hà Nội",
          "Huế",
          "Lai Châu",
          "Điện Biên",
          "Sơn La",
          "Lạng Sơn",
          "Quảng Ninh",
          "Thanh Hóa",
          "Nghệ An",
          "Hà Tĩnh",
          "Cao Bằng");

  @Test
  void legacyTableMatchesReference() {
    String[] rows = LEGACY.split("\\|", -1);
    assertThat(rows).hasSize(63);
    for (String row : rows) {
      String code = row.substring(0, 3);
      String name = row.substring(4);
      assertThat(UNITS.byLegacyProvinceCode(code))
          .as(code)
          .get()
          .satisfies(
              u -> {
                assertThat(u.name()).isEqualTo(name);
                assertThat(u.code()).isEqualTo(code);
                assertThat(Normalizer.isNormalized(u.name(), Normalizer.Form.NFC)).isTrue();
              });
    }
    assertThat(UNITS.byLegacyProvinceCode("003")).isEmpty();
    assertThat(UNITS.byLegacyProvinceCode("101")).isEmpty();
    assertThat(UNITS.provincesOn(BEFORE)).hasSize(63);
    assertThat(UNITS.provincesOn(LocalDate.of(2010, 1, 1))).hasSize(63);
    assertThat(UNITS.provincesOn(LocalDate.of(1990, 1, 1))).hasSize(63);
    assertThat(UNITS.provincesOn(LocalDate.of(2024, 12, 31)))
        .containsExactlyElementsOf(
            java.util.Arrays.stream(rows)
                .map(r -> UNITS.byLegacyProvinceCode(r.substring(0, 3)).orElseThrow())
                .toList());
  }

  @Test
  void fiveCitiesBeforeSixAfter() {
    assertThat(
            UNITS.provincesOn(LocalDate.of(2024, 1, 1)).stream()
                .filter(u -> u.level() == Level.CITY)
                .map(AdministrativeUnit::name))
        .containsExactlyInAnyOrder("Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");
    assertThat(
            UNITS.provincesOn(AFTER).stream()
                .filter(u -> u.level() == Level.CITY)
                .map(AdministrativeUnit::name))
        .containsExactlyInAnyOrder(
            "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");
  }

  @Test
  void thirtyFourAfterReform() {
    List<AdministrativeUnit> after = UNITS.provincesOn(AFTER);
    assertThat(after).hasSize(34);
    assertThat(UNITS.provincesOn(LocalDate.of(2030, 1, 1))).isEqualTo(after);
    Set<String> expected = new HashSet<>(UNCHANGED);
    expected.addAll(MERGERS.keySet());
    assertThat(after.stream().map(AdministrativeUnit::name).collect(Collectors.toSet()))
        .isEqualTo(expected);
    assertThat(after.stream().map(AdministrativeUnit::code).distinct()).hasSize(34);
    assertThat(after).allSatisfy(u -> assertThat(u.validUntil()).isNull());
    assertThat(UNITS.reformDate()).isEqualTo(AFTER);
  }

  @Test
  void everyLegacyUnitHasSuccessorPerResolution() {
    for (AdministrativeUnit old : UNITS.provincesOn(BEFORE)) {
      AdministrativeUnit succ = UNITS.successorOn(old, AFTER);
      assertThat(succ.isValidOn(AFTER)).isTrue();
      String expected =
          MERGERS.entrySet().stream()
              .filter(e -> e.getValue().contains(old.name()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(old.name().equals("Thừa Thiên Huế") ? "Huế" : old.name());
      assertThat(succ.name()).as(old.name()).isEqualTo(expected);
      assertThat(UNITS.successorOn(old, BEFORE)).isEqualTo(old);
    }
  }

  @Test
  void continuingUnitsKeepIdentityAndCode() {
    AdministrativeUnit gialai = UNITS.byLegacyProvinceCode("064").orElseThrow();
    AdministrativeUnit binhDinh = UNITS.byLegacyProvinceCode("052").orElseThrow();
    assertThat(UNITS.successorOn(binhDinh, AFTER)).isSameAs(gialai);
    assertThat(gialai.validUntil()).isNull();
    assertThat(binhDinh.validUntil()).isEqualTo(BEFORE);
    assertThat(binhDinh.isValidOn(BEFORE)).isTrue();
    assertThat(binhDinh.isValidOn(AFTER)).isFalse();
    AdministrativeUnit hanoi = UNITS.byLegacyProvinceCode("001").orElseThrow();
    assertThat(UNITS.provincesOn(AFTER)).contains(hanoi);
    assertThat(UNITS.provincesOn(BEFORE)).contains(hanoi);
  }

  @Test
  void hueBecameCityIn2025() {
    AdministrativeUnit tth = UNITS.byLegacyProvinceCode("046").orElseThrow();
    assertThat(tth.name()).isEqualTo("Thừa Thiên Huế");
    assertThat(tth.level()).isEqualTo(Level.PROVINCE);
    AdministrativeUnit hue = UNITS.successorOn(tth, LocalDate.of(2025, 1, 1));
    assertThat(hue.name()).isEqualTo("Huế");
    assertThat(hue.code()).isEqualTo("046");
    assertThat(hue.level()).isEqualTo(Level.CITY);
    assertThat(UNITS.successorOn(tth, LocalDate.of(2024, 12, 31))).isEqualTo(tth);
    assertThat(UNITS.findProvince("Huế", LocalDate.of(2020, 1, 1))).contains(tth);
    assertThat(UNITS.findProvince("Huế", AFTER)).contains(hue);
    assertThat(UNITS.findProvince("Thừa Thiên Huế", AFTER)).contains(hue);
    assertThat(UNITS.findProvince("Thừa Thiên - Huế", BEFORE)).contains(hue);
  }

  @ParameterizedTest
  @CsvSource({
    "TP. Hồ Chí Minh, Hồ Chí Minh",
    "TP.HCM, Hồ Chí Minh",
    "TP HCM, Hồ Chí Minh",
    "Tp.Hồ Chí Minh, Hồ Chí Minh",
    "Hồ Chí Minh, Hồ Chí Minh",
    "Thành phố Hồ Chí Minh, Hồ Chí Minh",
    "THANH PHO HO CHI MINH, Hồ Chí Minh",
    "Thành phố Hà Nội, Hà Nội",
    "Ha Noi, Hà Nội",
    "HÀ NỘI, Hà Nội",
    "Tỉnh Bình Định, Bình Định",
    "tinh binh dinh, Bình Định",
    "Thừa Thiên Huế, Thừa Thiên Huế",
    "Thua Thien Hue, Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu, Bà Rịa-Vũng Tàu",
    "Bà Rịa – Vũng Tàu, Bà Rịa-Vũng Tàu",
    "Ba Ria Vung Tau, Bà Rịa-Vũng Tàu",
    "Tỉnh Đắk Lắk, Đắk Lắk",
    "Dak Lak, Đắk Lắk",
    "Đắc Lắc, Đắk Lắk",
    "Tỉnh Thanh Hoá, Thanh Hóa",
    "Hoà Bình, Hòa Bình",
    "Khánh Hoà, Khánh Hòa",
    "Tỉnh Bắc Cạn, Bắc Kạn",
    "\u00D0à Nẵng, Đà Nẵng",
  })
  void findsCommonSpellingsBeforeReform(String spelling, String name) {
    assertThat(UNITS.findProvince(spelling, LocalDate.of(2024, 12, 31)))
        .as(spelling)
        .get()
        .extracting(AdministrativeUnit::name)
        .isEqualTo(name);
    String nfd = Normalizer.normalize(spelling, Normalizer.Form.NFD);
    assertThat(UNITS.findProvince(nfd, LocalDate.of(2024, 12, 31))).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
    "Tỉnh Bình Định, Gia Lai",
    "Bình Dương, Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu, Hồ Chí Minh",
    "Hà Giang, Tuyên Quang",
    "Tỉnh Quảng Nam, Đà Nẵng",
    "Kon Tum, Quảng Ngãi",
    "Hậu Giang, Cần Thơ",
    "Gia Lai, Gia Lai",
    "Huế, Huế",
    "Hà Nội, Hà Nội",
  })
  void findReturnsSuccessorAfterReform(String spelling, String name) {
    assertThat(UNITS.findProvince(spelling, AFTER))
        .get()
        .extracting(AdministrativeUnit::name)
        .isEqualTo(name);
  }

  @Test
  void unknownNames() {
    assertThat(UNITS.findProvince("Hà Tây", AFTER)).isEmpty();
    assertThat(UNITS.findProvince("Quy Nhơn", AFTER)).isEmpty();
    assertThat(UNITS.findProvince("", AFTER)).isEmpty();
    assertThat(UNITS.findProvince("Tỉnh", AFTER)).isEmpty();
    assertThat(UNITS.findProvince(null, AFTER)).isEmpty();
  }

  @Test
  void successorRejectsForeignUnit() {
    AdministrativeUnit fake =
        new AdministrativeUnit("999", "Nowhere", Level.PROVINCE, LocalDate.of(2000, 1, 1), null);
    assertThatIllegalArgumentException().isThrownBy(() -> UNITS.successorOn(fake, AFTER));
  }

  @Test
  void unitValidation() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AdministrativeUnit(
                    "1", "x", Level.CITY, LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)));
  }
}
