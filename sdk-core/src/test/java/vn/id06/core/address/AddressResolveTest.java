package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** {@link Address#resolve} against the source CSVs (the tables' own inputs, read independently). */
class AddressResolveTest {

  /** Every pre-reform commune: code -> {name, type, district name, district type, province}. */
  private static List<String[]> oldCommunes() {
    Map<String, String[]> districts = new HashMap<>();
    for (Map<String, String> d : CommuneTablesTest.csv("districts-pre2025.csv")) {
      districts.put(d.get("code"), new String[] {d.get("name"), d.get("type")});
    }
    Map<String, String[]> provinces = new HashMap<>();
    for (Map<String, String> p : CommuneTablesTest.csv("provinces-pre2025.csv")) {
      provinces.put(p.get("code"), new String[] {p.get("name"), p.get("type")});
    }
    List<String[]> out = new ArrayList<>();
    for (Map<String, String> r : CommuneTablesTest.csv("units-pre2025.csv")) {
      String[] d = districts.get(r.get("district_code"));
      String[] p = provinces.get(r.get("province_code"));
      out.add(new String[] {r.get("code"), r.get("name"), r.get("type"), d[0], d[1], p[0], p[1]});
    }
    return out;
  }

  private static String bare(String name, String type) {
    return name.substring(type.length() + 1);
  }

  private static String abbreviation(String type) {
    return switch (type) {
      case "Xã" -> "X.";
      case "Phường" -> "P.";
      case "Thị trấn" -> "TT.";
      case "Huyện" -> "H.";
      case "Quận" -> "Q.";
      case "Thị xã" -> "TX.";
      case "Thành phố" -> "TP.";
      case "Tỉnh" -> "T.";
      default -> throw new IllegalArgumentException(type);
    };
  }

  @Test
  void everyOldCommuneResolvesToItsOwnCode() {
    List<String[]> all = oldCommunes();
    // Bare names shared by two communes of one district: without type words, both are candidates.
    Map<String, Integer> bareInDistrict = new HashMap<>();
    for (String[] c : all) {
      bareInDistrict.merge(
          c[3] + "|" + c[5] + "|" + bare(c[1], c[2]).toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    int n = 0;
    for (String[] c : all) {
      String commune = bare(c[1], c[2]);
      String district = bare(c[3], c[4]);
      String province = bare(c[5], c[6]);
      String full = c[1] + ", " + c[3] + ", " + c[5];
      String abbreviated =
          abbreviation(c[2])
              + " "
              + commune
              + ", "
              + abbreviation(c[4])
              + " "
              + district
              + ", "
              + abbreviation(c[6])
              + " "
              + province;
      String capitals = full.toUpperCase(Locale.ROOT);
      String untyped = commune + ", " + district + ", " + province;
      for (String text : List.of(full, abbreviated, capitals)) {
        ResolvedAddress r = Address.resolve(text);
        assertThat(r.commune()).as(text).isPresent();
        assertThat(r.commune().get().code()).as(text).isEqualTo(c[0]);
        assertThat(r.era()).as(text).contains(Era.PRE_REFORM);
      }
      ResolvedAddress r = Address.resolve(untyped);
      assertThat(r.communeCandidates()).extracting(Division::code).as(untyped).contains(c[0]);
      if (bareInDistrict.get(c[3] + "|" + c[5] + "|" + commune.toLowerCase(Locale.ROOT)) == 1) {
        assertThat(r.communeCandidates()).as(untyped).hasSize(1);
      }
      n++;
    }
    assertThat(n).isEqualTo(all.size()).isGreaterThan(10_000);
  }

  @Test
  void everySplitCommuneIsSplitWithAllItsParts() {
    Map<String, Set<String>> parts = new TreeMap<>();
    for (String key : CommuneTablesTest.mappingRows().keySet()) {
      String[] k = key.split(">", -1);
      parts.computeIfAbsent(k[0], x -> new TreeSet<>()).add(k[1]);
    }
    int split = 0;
    for (String[] c : oldCommunes()) {
      Set<String> expected = parts.get(c[0]);
      CurrentUnits now = Address.resolve(c[1] + ", " + c[3] + ", " + c[5]).toCurrentUnits();
      assertThat(now.candidates())
          .extracting(Division::code)
          .as(c[0])
          .containsExactlyElementsOf(expected);
      if (expected.size() > 1) {
        assertThat(now.certainty()).as(c[0]).isEqualTo(Certainty.SPLIT);
        assertThat(now.commune()).isEmpty();
        split++;
      } else {
        assertThat(now.certainty()).as(c[0]).isEqualTo(Certainty.EXACT);
        assertThat(now.commune().orElseThrow().code()).isEqualTo(expected.iterator().next());
      }
    }
    assertThat(split).isGreaterThan(400);
  }

  @Test
  void anAddressResolvesOnceAndKeepsItsResolution() {
    Address a = Address.parse("Thôn 3, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    ResolvedAddress first = a.resolution();
    // A record's address is asked for its units by every consumer (CLI, e-form): one resolution.
    assertThat(a.resolution()).isSameAs(first);
  }

  @Test
  void theIssueExample() {
    ResolvedAddress r = Address.resolve("Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    // units-pre2025.csv: 21976 Xã Phước Lộc, 550 Huyện Tuy Phước, 52 Tỉnh Bình Định;
    // mapping.csv: 21976 -> 21952 whole; units-2025.csv: 21952 Xã Tuy Phước, 52 Tỉnh Gia Lai.
    assertThat(r.commune().orElseThrow().code()).isEqualTo("21976");
    assertThat(r.district().orElseThrow().code()).isEqualTo("550");
    assertThat(r.province().orElseThrow().code()).isEqualTo("52");
    assertThat(r.province().orElseThrow().name()).isEqualTo("Tỉnh Bình Định");
    assertThat(r.detail()).isEmpty();
    CurrentUnits now = r.toCurrentUnits();
    assertThat(now.certainty()).isEqualTo(Certainty.EXACT);
    assertThat(now.commune().orElseThrow().code()).isEqualTo("21952");
    assertThat(now.commune().orElseThrow().name()).isEqualTo("Xã Tuy Phước");
    assertThat(now.province().orElseThrow().name()).isEqualTo("Tỉnh Gia Lai");
    assertThat(now.province().orElseThrow().code()).isEqualTo("52");
    assertThat(now.successions()).hasSize(1);
    assertThat(now.successions().get(0).share()).isEqualTo(Succession.Share.WHOLE);
  }

  @Test
  void detailIsKeptAsWritten() {
    ResolvedAddress r =
        Address.resolve(
            "Số 12 Đường Synthetic, Thôn Synthetic - Xã Phước Lộc - Huyện Tuy Phước - Tỉnh Bình Định,"
                + " Việt Nam");
    assertThat(r.detail()).isEqualTo("Số 12 Đường Synthetic, Thôn Synthetic");
    assertThat(r.commune().orElseThrow().code()).isEqualTo("21976");
    assertThat(Address.resolve("Ấp Synthetic; Xã Tuy Phước; Gia Lai").detail())
        .isEqualTo("Ấp Synthetic");
  }

  @Test
  void todaysAddressIsExact() {
    ResolvedAddress r = Address.resolve("Thôn Synthetic, Xã Tuy Phước, Tỉnh Gia Lai");
    assertThat(r.era()).contains(Era.POST_REFORM);
    assertThat(r.district()).isEmpty();
    CurrentUnits now = r.toCurrentUnits();
    assertThat(now.certainty()).isEqualTo(Certainty.EXACT);
    assertThat(now.commune().orElseThrow().code()).isEqualTo("21952");
    assertThat(now.successions()).isEmpty();
  }

  @Test
  void amendedCommunesResolveUnderBothNames() {
    for (Map<String, String> a : CommuneTablesTest.csv("amendments-2026.csv")) {
      if (!a.get("level").equals("commune")) {
        continue;
      }
      Division now = AdministrativeUnits.builtIn().communes().commune(a.get("code")).orElseThrow();
      Division province = now.province();
      Division provinceThen =
          AdministrativeUnits.builtIn().reformDay().province(province.code()).orElseThrow();
      String oldName = a.get("name_2025_07_01").split(" / ", -1)[0];
      for (String text :
          List.of(
              oldName + ", " + provinceThen.name(),
              a.get("name_current") + ", " + province.name(),
              oldName + ", " + province.name())) {
        CurrentUnits c = Address.resolve(text).toCurrentUnits();
        assertThat(c.certainty()).as(text).isEqualTo(Certainty.EXACT);
        assertThat(c.commune().orElseThrow().code()).as(text).isEqualTo(a.get("code"));
        assertThat(c.commune().orElseThrow().name()).as(text).isEqualTo(a.get("name_current"));
      }
    }
  }

  @Test
  void ambiguousNameIsSplitUnlessTheDistrictSettlesIt() {
    // Pairs from the CSV, in provinces whose name no longer exists (a name that still exists
    // reads as today's address when no district is given).
    Map<String, List<String[]>> byName = new HashMap<>();
    for (String[] c : oldCommunes()) {
      if (!AdministrativeUnits.builtIn().communes().provincesNamed(c[5]).isEmpty()) {
        continue;
      }
      byName.computeIfAbsent(c[5] + "|" + c[1], k -> new ArrayList<>()).add(c);
    }
    int checked = 0;
    for (List<String[]> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      String[] first = same.get(0);
      ResolvedAddress r = Address.resolve(first[1] + ", " + first[5]);
      assertThat(r.communeCandidates()).hasSize(same.size());
      assertThat(r.commune()).isEmpty();
      Set<String> union = new TreeSet<>();
      for (String[] c : same) {
        for (String key : CommuneTablesTest.mappingRows().keySet()) {
          if (key.startsWith(c[0] + ">")) {
            union.add(key.substring(6));
          }
        }
      }
      CurrentUnits now = r.toCurrentUnits();
      assertThat(now.candidates()).extracting(Division::code).containsExactlyElementsOf(union);
      assertThat(now.certainty()).isEqualTo(union.size() == 1 ? Certainty.EXACT : Certainty.SPLIT);
      ResolvedAddress settled = Address.resolve(first[1] + ", " + first[3] + ", " + first[5]);
      assertThat(settled.commune().orElseThrow().code()).isEqualTo(first[0]);
      if (++checked == 40) {
        break;
      }
    }
    assertThat(checked).isEqualTo(40);
  }

  @Test
  void unknownNamesAreUnknownNotErrors() {
    ResolvedAddress r = Address.resolve("Synthetic Street 1, Springfield");
    assertThat(r.toCurrentUnits().certainty()).isEqualTo(Certainty.UNKNOWN);
    assertThat(r.toCurrentUnits().candidates()).isEmpty();
    assertThat(r.toCurrentUnits().province()).isEmpty();
    assertThat(r.detail()).isEqualTo("Synthetic Street 1, Springfield");
    assertThat(r.era()).isEmpty();
    assertThat(r.commune()).isEmpty();
    ResolvedAddress provinceOnly = Address.resolve("Thôn Synthetic, Xã Nowhere, Tỉnh Bình Định");
    CurrentUnits now = provinceOnly.toCurrentUnits();
    assertThat(now.certainty()).isEqualTo(Certainty.UNKNOWN);
    assertThat(now.commune()).isEmpty();
    assertThat(now.province().orElseThrow().name()).isEqualTo("Tỉnh Gia Lai");
    assertThat(provinceOnly.detail()).isEqualTo("Thôn Synthetic, Xã Nowhere");
    assertThat(provinceOnly.era()).contains(Era.PRE_REFORM);
    assertThat(Address.resolve("Việt Nam").toCurrentUnits().certainty())
        .isEqualTo(Certainty.UNKNOWN);
  }

  @Test
  void aProvinceNameOfBothErasIsSettledByTheCommune() {
    // "Tỉnh Gia Lai" names pre-reform province 64 and today's province 52 (which took Bình Định).
    UnitView pre = AdministrativeUnits.builtIn().preReform();
    UnitView today = AdministrativeUnits.builtIn().communes();
    assertThat(pre.provincesNamed("Tỉnh Gia Lai")).extracting(Division::code).containsExactly("64");
    assertThat(today.provincesNamed("Tỉnh Gia Lai"))
        .extracting(Division::code)
        .containsExactly("52");

    // A commune of neither era's Gia Lai: read as today's address, nothing guessed.
    assertThat(pre.communesNamed("Xã Phước Hòa", pre.province("64").orElseThrow())).isEmpty();
    assertThat(today.communesNamed("Xã Phước Hòa", today.province("52").orElseThrow())).isEmpty();
    ResolvedAddress neither = Address.resolve("Xã Phước Hòa, Tỉnh Gia Lai");
    assertThat(neither.era()).contains(Era.POST_REFORM);
    assertThat(neither.province().orElseThrow().era()).isEqualTo(Era.POST_REFORM);
    assertThat(neither.province().orElseThrow().code()).isEqualTo("52");
    assertThat(neither.detail()).isEqualTo("Xã Phước Hòa");
    assertThat(neither.toCurrentUnits().certainty()).isEqualTo(Certainty.UNKNOWN);
    assertThat(neither.toCurrentUnits().province().orElseThrow().code()).isEqualTo("52");
    assertThat(Address.resolve("Tỉnh Gia Lai").province().orElseThrow().era())
        .isEqualTo(Era.POST_REFORM);

    // A commune of the old Gia Lai only (not a name of today's units there): a pre-reform address.
    Division oldOnly = null;
    for (Division c : pre.communes()) {
      if (c.province().code().equals("64")
          && today.communesNamed(c.name(), today.province("52").orElseThrow()).isEmpty()
          && pre.communesNamed(c.name(), pre.province("64").orElseThrow()).size() == 1) {
        oldOnly = c;
        break;
      }
    }
    ResolvedAddress old = Address.resolve(oldOnly.name() + ", Tỉnh Gia Lai");
    assertThat(old.era()).contains(Era.PRE_REFORM);
    assertThat(old.commune()).contains(oldOnly);
    assertThat(old.province().orElseThrow().code()).isEqualTo("64");
    assertThat(old.toCurrentUnits().province().orElseThrow().code()).isEqualTo("52");

    // A commune of today's Gia Lai: today's address, in today's province.
    ResolvedAddress now = Address.resolve("Xã Tuy Phước, Tỉnh Gia Lai");
    assertThat(now.era()).contains(Era.POST_REFORM);
    assertThat(now.province().orElseThrow().code()).isEqualTo("52");
    assertThat(now.toCurrentUnits().commune().orElseThrow().code()).isEqualTo("21952");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "x\u0000y", "Xã A\u0007", "Xã \uFFFD", "Xã \uD800", "a\uDC00"})
  void badInputIsTyped(String text) {
    assertThatThrownBy(() -> Address.resolve(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("address");
              assertThat(e.reason()).isIn(InputReason.EMPTY, InputReason.BINARY_DATA);
            });
  }

  @Test
  void hugeInputIsTyped() {
    for (String huge : List.of("Synthetic, ".repeat(46), "x".repeat(100_000))) {
      assertThatThrownBy(() -> Address.resolve(huge))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
                assertThat(e.getMessage()).doesNotContain("Synthetic");
              });
    }
    assertThatThrownBy(() -> Address.resolve(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void masked() {
    ResolvedAddress r =
        Address.resolve("Số 1 Synthetic, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    assertThat(r.toString()).doesNotContain("Synthetic").doesNotContain("Phước");
    assertThat(r.toCurrentUnits().toString()).doesNotContain("Phước");
  }
}
