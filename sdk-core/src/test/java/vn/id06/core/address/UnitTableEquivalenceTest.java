package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.id06.core.address.Division.Level;
import vn.id06.core.address.LegacyUnitTable.LegacyView;

/**
 * The binary loader ({@link UnitTable}) answers as the map-based text loader it replaced ({@link
 * LegacyUnitTable}) on every unit of every view, every name key and every mapping row.
 */
class UnitTableEquivalenceTest {
  private static LegacyUnitTable legacy;
  private static final UnitTable TABLE = UnitTable.builtIn();

  @BeforeAll
  static void loadLegacy() throws IOException {
    // The text form the resource is encoded from, as the old loader read it.
    String text = UnitTableGenerator.generate(UnitTableResourceTest.csvDir());
    legacy = LegacyUnitTable.load(new StringReader(formatOne(text)));
  }

  /**
   * The generator's text as the old loader read it (format 1): without the name keys that format 2
   * adds before each name, which the old loader computed itself.
   */
  static String formatOne(String resource) {
    StringBuilder out = new StringBuilder(resource.length());
    for (String line : (Iterable<String>) resource.lines()::iterator) {
      if (line.startsWith("V|2|")) {
        out.append("V|1|").append(line, 4, line.length());
      } else if (!line.isEmpty() && "pdcPCA".indexOf(line.charAt(0)) >= 0) {
        int name = line.lastIndexOf('|');
        int key = line.lastIndexOf('|', name - 1);
        out.append(line, 0, key).append(line, name, line.length());
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static List<LocalDate> days() {
    return List.of(
        LocalDate.of(2025, 6, 30),
        LocalDate.of(2025, 7, 1),
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 4, 30),
        LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 19),
        LocalDate.of(2026, 9, 20),
        LocalDate.of(2026, 9, 25),
        LocalDate.of(2030, 1, 1));
  }

  @Test
  void everyViewHoldsTheSameUnitsUnderTheSameCodes() {
    assertThat(TABLE.newest()).isEqualTo(legacy.newest());
    List<UnitView> views = new ArrayList<>();
    List<LegacyView> olds = new ArrayList<>();
    views.add(TABLE.preReform());
    olds.add(legacy.preReform());
    views.add(TABLE.reformDay());
    olds.add(legacy.reformDay());
    views.add(TABLE.current());
    olds.add(legacy.current());
    for (LocalDate day : days()) {
      views.add(TABLE.on(day));
      olds.add(legacy.on(day));
    }
    for (int i = 0; i < views.size(); i++) {
      UnitView v = views.get(i);
      LegacyView o = olds.get(i);
      assertThat(v.era()).isEqualTo(o.era());
      assertThat(v.validFrom()).isEqualTo(o.from());
      same(o.provinces(), v.provinces(), v::province);
      same(o.districts(), v.districts(), v::district);
      same(o.communes(), v.communes(), v::commune);
      sameIndex(o.provinceNames(), v, Level.PROVINCE);
      sameIndex(o.districtNames(), v, Level.DISTRICT);
      sameIndex(o.communeNames(), v, Level.COMMUNE);
    }
  }

  private static void same(
      Map<String, Division> old,
      List<Division> listed,
      java.util.function.Function<String, java.util.Optional<Division>> byCode) {
    List<Division> expected = new ArrayList<>(old.values());
    expected.sort(Comparator.comparing(Division::code));
    assertThat(listed).containsExactlyElementsOf(expected);
    for (Map.Entry<String, Division> e : old.entrySet()) {
      assertThat(byCode.apply(e.getKey())).contains(e.getValue());
      assertThat(byCode.apply(e.getKey()).orElseThrow().hashCode())
          .isEqualTo(e.getValue().hashCode());
    }
  }

  private static void sameIndex(Map<String, List<Division>> old, UnitView v, Level level) {
    assertThat(v.nameKeys(level)).containsExactlyInAnyOrderElementsOf(old.keySet());
    for (Map.Entry<String, List<Division>> e : old.entrySet()) {
      List<Division> now = v.withKey(level, e.getKey());
      assertThat(now).containsExactlyInAnyOrderElementsOf(e.getValue());
      assertThat(now).isSortedAccordingTo(Comparator.comparing(Division::code));
    }
  }

  @Test
  void everyMappingRowAndSuccessionIsTheSame() {
    LegacyView oldPre = legacy.preReform();
    UnitView pre = TABLE.preReform();
    UnitView today = TABLE.current();
    List<Division> old = new ArrayList<>();
    old.addAll(oldPre.provinces().values());
    old.addAll(oldPre.districts().values());
    old.addAll(oldPre.communes().values());
    int rows = 0;
    for (Division d : old) {
      List<String> expected = new ArrayList<>();
      for (LegacyUnitTable.Link l : legacy.successorLinks(d)) {
        expected.add(l.code() + " " + l.share());
        rows++;
      }
      List<String> actual = new ArrayList<>();
      for (Succession s : today.successorsOf(d)) {
        assertThat(s.from()).isEqualTo(d);
        actual.add(s.to().code() + " " + s.share());
      }
      assertThat(actual).as(d.code()).containsExactlyElementsOf(expected);
    }
    assertThat(rows).isGreaterThan(10_000);
    for (Division c : today.communes()) {
      List<String> expected = new ArrayList<>();
      for (LegacyUnitTable.Link l : legacy.predecessorLinks(c.code())) {
        expected.add(l.code() + " " + l.share());
      }
      List<String> actual = new ArrayList<>();
      for (Succession s : today.predecessorsOf(c)) {
        assertThat(s.to()).isEqualTo(c);
        assertThat(s.from().era()).isEqualTo(Era.PRE_REFORM);
        actual.add(s.from().code() + " " + s.share());
      }
      assertThat(actual).as(c.code()).containsExactlyElementsOf(expected);
    }
    for (Division p : pre.provinces()) {
      assertThat(TABLE.provinceSuccessor(p.code()))
          .as(p.code())
          .isEqualTo(legacy.provinceSuccessor(p.code()));
    }
  }
}
