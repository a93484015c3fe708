package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.id06.core.address.Succession.Share;

/** The loaded tables against the source CSVs they were generated from. */
class CommuneTablesTest {
  private static final AdministrativeUnits UNITS = AdministrativeUnits.builtIn();
  private static final Path CSV = UnitTableResourceTest.csvDir();

  static List<Map<String, String>> csv(String name) {
    return UnitTableGenerator.csv(CSV.resolve(name));
  }

  static Map<String, Map<String, String>> included(String dataset) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Map<String, String> d : UnitTableGenerator.decisions(CSV).values()) {
      if (d.get("dataset").equals(dataset) && d.get("decision").equals("include")) {
        out.put(d.get("key"), d);
      }
    }
    return out;
  }

  /** The mapping rows: the agreed CSV plus the rows the decisions include. */
  private static Map<String, Share> mappingRows;

  static synchronized Map<String, Share> mappingRows() {
    if (mappingRows == null) {
      mappingRows = readMappingRows();
    }
    return mappingRows;
  }

  private static Map<String, Share> readMappingRows() {
    Map<String, Share> rows = new TreeMap<>();
    for (Map<String, String> r : csv("mapping.csv")) {
      rows.put(r.get("old_code") + ">" + r.get("new_code"), share(r.get("share")));
    }
    for (Map.Entry<String, Map<String, String>> e : included("mapping").entrySet()) {
      rows.put(e.getKey(), share(e.getValue().get("value")));
    }
    return rows;
  }

  private static Share share(String s) {
    return s.equals("whole") ? Share.WHOLE : Share.PART;
  }

  @Test
  void preReformViewHoldsEveryRow() {
    UnitView pre = UNITS.preReform();
    assertThat(pre.era()).isEqualTo(Era.PRE_REFORM);
    List<Map<String, String>> rows = csv("units-pre2025.csv");
    for (Map<String, String> r : rows) {
      Division c = pre.commune(r.get("code")).orElseThrow();
      assertThat(c.name()).isEqualTo(r.get("name"));
      assertThat(c.type().prefix()).isEqualToIgnoringCase(r.get("type"));
      assertThat(c.district().orElseThrow().code()).isEqualTo(r.get("district_code"));
      assertThat(c.district().orElseThrow().name()).isEqualTo(r.get("district_name"));
      assertThat(c.province().code()).isEqualTo(r.get("province_code"));
      assertThat(c.province().name()).isEqualTo(r.get("province_name"));
    }
    assertThat(pre.communes()).hasSize(rows.size() + included("units-pre2025").size());
    assertThat(pre.districts()).hasSize(csv("districts-pre2025.csv").size());
    assertThat(pre.provinces()).hasSize(63);
    for (Map<String, String> d : csv("units-pre2025.csv")) {
      assertThat(d.get("code")).hasSize(5);
    }
    assertThat(pre.commune("07693")).as("excluded stale code").isEmpty();
  }

  @Test
  void postReformViewsHoldEveryRow() {
    checkPost(UNITS.reformDay(), csv("units-2025-07-01.csv"));
    checkPost(UNITS.communes(), csv("units-2025.csv"));
    assertThat(UNITS.communes().communes()).hasSize(3321);
    assertThat(UNITS.communes().provinces()).hasSize(34);
    assertThat(UNITS.communes().districts()).isEmpty();
    assertThat(UNITS.communes().commune("23737")).isEmpty();
    assertThat(UNITS.communes().commune("23938").orElseThrow().name()).isEqualTo("Xã Ia Mơ");
    for (Map<String, String> p : csv("provinces-2025.csv")) {
      assertThat(UNITS.communes().province(p.get("code")).orElseThrow().name())
          .isEqualTo(p.get("name"));
      assertThat(UNITS.reformDay().province(p.get("code")).orElseThrow().name())
          .isEqualTo(p.get("name_2025_07_01"));
    }
  }

  private static void checkPost(UnitView view, List<Map<String, String>> rows) {
    assertThat(view.era()).isEqualTo(Era.POST_REFORM);
    for (Map<String, String> r : rows) {
      Division c = view.commune(r.get("code")).orElseThrow();
      assertThat(c.name()).isEqualTo(r.get("name"));
      assertThat(c.type().prefix()).isEqualTo(r.get("type"));
      assertThat(c.province().code()).isEqualTo(r.get("province_code"));
      assertThat(c.province().name()).isEqualTo(r.get("province_name"));
      assertThat(c.district()).isEmpty();
    }
  }

  @Test
  void viewsByDate() {
    assertThat(UNITS.communesOn(LocalDate.of(2025, 6, 30))).isSameAs(UNITS.preReform());
    assertThat(UNITS.communesOn(LocalDate.of(2025, 7, 1))).isSameAs(UNITS.reformDay());
    assertThat(UNITS.communesOn(LocalDate.of(2030, 1, 1))).isSameAs(UNITS.communes());
    for (Map<String, String> a : csv("amendments-2026.csv")) {
      LocalDate effective = LocalDate.parse(a.get("effective"));
      UnitView before = UNITS.communesOn(effective.minusDays(1));
      UnitView after = UNITS.communesOn(effective);
      String code = a.get("code");
      Division was =
          code.length() == 2
              ? before.province(code).orElseThrow()
              : before.commune(code).orElseThrow();
      Division is =
          code.length() == 2
              ? after.province(code).orElseThrow()
              : after.commune(code).orElseThrow();
      assertThat(was.type().prefix()).isEqualTo(a.get("type_2025_07_01"));
      assertThat(is.name()).isEqualTo(a.get("name_current"));
      assertThat(is.type().prefix()).isEqualTo(a.get("type_current"));
    }
  }

  @Test
  void everyMappingRowRoundTrips() {
    Map<String, Share> rows = mappingRows();
    UnitView pre = UNITS.preReform();
    UnitView now = UNITS.communes();
    int successions = 0;
    Set<String> seen = new HashSet<>();
    for (Division old : pre.communes()) {
      for (Succession s : UNITS.successorsOf(old)) {
        String key = old.code() + ">" + s.to().code();
        assertThat(rows.get(key)).as(key).isEqualTo(s.share());
        assertThat(UNITS.predecessorsOf(s.to())).contains(s);
        assertThat(s.to().era()).isEqualTo(Era.POST_REFORM);
        seen.add(key);
        successions++;
      }
    }
    assertThat(successions).isEqualTo(rows.size());
    assertThat(seen).isEqualTo(rows.keySet());
    int predecessors = 0;
    for (Division c : now.communes()) {
      for (Succession s : UNITS.predecessorsOf(c)) {
        if (s.from().level() == Division.Level.COMMUNE) {
          predecessors++;
        }
      }
    }
    assertThat(predecessors).isEqualTo(rows.size());
    // After the decisions every pre-reform commune has a complete mapping.
    for (Division old : pre.communes()) {
      List<Succession> next = UNITS.successorsOf(old);
      assertThat(next).as(old.code()).isNotEmpty();
      if (next.size() == 1) {
        assertThat(next.get(0).share()).as(old.code()).isEqualTo(Share.WHOLE);
      } else {
        assertThat(next).as(old.code()).allMatch(s -> s.share() == Share.PART);
      }
    }
  }

  @Test
  void islandDistrictsBecameSpecialZones() {
    for (Map<String, String> r : csv("mapping-districts.csv")) {
      Division d = UNITS.preReform().district(r.get("old_district_code")).orElseThrow();
      List<Succession> next = UNITS.successorsOf(d);
      assertThat(next).hasSize(1);
      assertThat(next.get(0).to().code()).isEqualTo(r.get("new_code"));
      assertThat(next.get(0).to().name()).isEqualTo(r.get("new_name"));
      assertThat(next.get(0).to().type()).isEqualTo(Division.Type.SPECIAL_ZONE);
      assertThat(UNITS.predecessorsOf(next.get(0).to())).extracting(Succession::from).contains(d);
    }
  }

  @Test
  void provincesFollowTheProvinceTable() {
    // The province-level table (independent of the commune CSVs) says which province took which.
    for (Division old : UNITS.preReform().provinces()) {
      List<Succession> next = UNITS.successorsOf(old);
      assertThat(next).as(old.name()).hasSize(1);
      String bare = PlaceNames.bare(old.name(), old.type());
      AdministrativeUnit legacy = UNITS.findProvince(bare, LocalDate.of(2025, 6, 30)).orElseThrow();
      AdministrativeUnit successor = UNITS.successorOn(legacy, LocalDate.of(2025, 7, 1));
      assertThat(PlaceNames.bare(next.get(0).to().name(), next.get(0).to().type()))
          .as(old.name())
          .isEqualTo(successor.name());
    }
  }

  @Test
  void codesAreSeparateNamespaces() {
    assertThat(UNITS.preReform().commune("00004").orElseThrow().name())
        .isEqualTo("Phường Trúc Bạch");
    assertThat(UNITS.communes().commune("00004").orElseThrow().name()).isEqualTo("Phường Ba Đình");
    assertThat(UNITS.preReform().province("52").orElseThrow().name()).isEqualTo("Tỉnh Bình Định");
    assertThat(UNITS.communes().province("52").orElseThrow().name()).isEqualTo("Tỉnh Gia Lai");
    Division old = UNITS.preReform().commune("00004").orElseThrow();
    assertThatIllegalArgumentException().isThrownBy(() -> UNITS.predecessorsOf(old));
    Division now = UNITS.communes().commune("00004").orElseThrow();
    assertThatIllegalArgumentException().isThrownBy(() -> UNITS.successorsOf(now));
    assertThatIllegalStateException().isThrownBy(() -> UNITS.preReform().successorsOf(old));
    assertThatIllegalStateException().isThrownBy(() -> UNITS.preReform().predecessorsOf(now));
  }

  @Test
  void namesMatchWhateverTheSpelling() {
    UnitView pre = UNITS.preReform();
    Division binhDinh = pre.provincesNamed("Tỉnh Bình Định").get(0);
    assertThat(pre.provincesNamed("binh dinh")).containsExactly(binhDinh);
    assertThat(pre.provincesNamed("T. BÌNH ĐỊNH")).containsExactly(binhDinh);
    Division tuyPhuoc = pre.districtsNamed("H. Tuy Phước", binhDinh).get(0);
    assertThat(tuyPhuoc.code()).isEqualTo("550");
    assertThat(pre.districtsNamed("huyen tuy phuoc", null)).containsExactly(tuyPhuoc);
    assertThat(pre.communesNamed("X. Phuoc Loc", tuyPhuoc))
        .extracting(Division::code)
        .containsExactly("21976");
    assertThat(pre.communesNamed("Phước Lộc", null)).hasSizeGreaterThan(1);
    assertThat(UNITS.communes().communesNamed("Xã Thuận Hoà", null))
        .extracting(Division::code)
        .contains("00922");
    assertThat(UNITS.communes().provincesNamed("TP.HCM"))
        .extracting(Division::code)
        .containsExactly("79");
    assertThat(
            pre.communesNamed(
                "P.05", pre.districtsNamed("Quận 3", pre.provincesNamed("TP HCM").get(0)).get(0)))
        .extracting(Division::name)
        .containsExactly("Phường 5");
    assertThat(pre.communesNamed("Nowhere", null)).isEmpty();
  }

  @Test
  void ambiguousCommuneNamesInAProvince() {
    // Count, from the CSV, the communes of one province that share a bare name.
    Map<String, List<String>> byName = new HashMap<>();
    for (Map<String, String> r : csv("units-pre2025.csv")) {
      String bare = r.get("name").substring(r.get("type").length() + 1);
      byName
          .computeIfAbsent(
              r.get("province_code") + "|" + r.get("type") + "|" + bare, k -> new ArrayList<>())
          .add(r.get("code"));
    }
    int checked = 0;
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      String[] k = e.getKey().split("\\|", -1);
      Division province = UNITS.preReform().province(k[0]).orElseThrow();
      List<Division> found = UNITS.preReform().communesNamed(k[1] + " " + k[2], province);
      assertThat(found)
          .extracting(Division::code)
          .containsExactlyInAnyOrderElementsOf(e.getValue());
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }
}
