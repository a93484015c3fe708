package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class TextRepairPropertiesTest {
  /**
   * The 67 lower-case precomposed letters with diacritics; with upper case, the 134 of the brief.
   */
  static final String LETTERS =
      "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

  static final List<String> FAMILY =
      List.of(
          "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương");
  static final List<String> MIDDLE =
      List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Bảo");
  static final List<String> GIVEN =
      List.of(
          "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan", "Long",
          "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến",
          "Ánh", "Ỷ", "Ước", "Ổn");

  static final TextRepairer REPAIRER = TextRepairer.standard();

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> letter =
        Arbitraries.of(LETTERS.chars().mapToObj(c -> String.valueOf((char) c)).toList())
            .flatMap(l -> Arbitraries.of(l, l.toUpperCase(Locale.ROOT)));
    return Combinators.combine(
            Arbitraries.of(FAMILY), Arbitraries.of(MIDDLE), letter, Arbitraries.of(GIVEN))
        .as((f, m, l, g) -> f + " " + m + " " + syllableWith(l) + " " + g);
  }

  /** A syllable holding the letter: đ opens "đa", a vowel takes a final "n" (ăn, ấn, ỹn...). */
  static String syllableWith(String letter) {
    return letter.equalsIgnoreCase("đ") ? letter + "a" : letter + "n";
  }

  @Property(tries = 400)
  void cleanTextPassesThrough(@ForAll("names") String name) {
    RepairedText r = REPAIRER.text("fullName", name);
    assertThat(r.value()).isEqualTo(name);
    assertThat(r.repairs()).isEmpty();
  }

  /** No-break spaces between the words of a clean name (web forms write them) are no damage. */
  @Property(tries = 200)
  void noBreakSpacesBetweenWordsAreKept(@ForAll("names") String name) {
    String withNbsp = name.replace(' ', '\u00a0');
    RepairedText r = REPAIRER.text("fullName", withNbsp);
    assertThat(r.value()).isEqualTo(withNbsp);
    assertThat(r.repairs()).isEmpty();
  }

  @Property(tries = 400)
  void cp1252(@ForAll("names") String name) {
    check(name, Damage::cp1252, RepairKind.UTF8_READ_AS_CP1252);
  }

  @Property(tries = 400)
  void latin1(@ForAll("names") String name) {
    String damaged = Damage.latin1(name);
    // Where no byte falls in 0x80..0x9F the Latin-1 and Windows-1252 readings are the same text.
    RepairKind expected =
        damaged.equals(Damage.cp1252(name))
            ? RepairKind.UTF8_READ_AS_CP1252
            : RepairKind.UTF8_READ_AS_LATIN1;
    check(name, Damage::latin1, expected);
  }

  @Property(tries = 400)
  void cp1258(@ForAll("names") String name) {
    String damaged = Damage.cp1258(name);
    RepairKind expected =
        damaged.equals(Damage.cp1252(name))
            ? RepairKind.UTF8_READ_AS_CP1252
            : damaged.equals(Damage.latin1(name))
                ? RepairKind.UTF8_READ_AS_LATIN1
                : RepairKind.UTF8_READ_AS_CP1258;
    check(name, Damage::cp1258, expected);
  }

  @Property(tries = 300)
  void doubleCp1252(@ForAll("names") String name) {
    RepairedText r = REPAIRER.text("fullName", Damage.cp1252(Damage.cp1252(name)));
    assertThat(r.value()).isEqualTo(name);
    assertThat(r.repairs())
        .containsExactly(RepairKind.UTF8_READ_AS_CP1252, RepairKind.UTF8_READ_AS_CP1252);
  }

  @Property(tries = 400)
  void nfd(@ForAll("names") String name) {
    check(name, Damage::nfd, RepairKind.NFD_TO_NFC);
  }

  @Property(tries = 200)
  void eth(@ForAll("names") String name) {
    String withD = "Đinh " + name;
    check(withD, Damage::eth, RepairKind.ETH_AS_D_STROKE);
  }

  @Property(tries = 400)
  void tcvn3(@ForAll("names") String name) {
    check(name, Damage::tcvn3, RepairKind.TCVN3);
  }

  @Property(tries = 400)
  void vni(@ForAll("names") String name) {
    check(name, Damage::vni, RepairKind.VNI);
  }

  @Property(tries = 400)
  void viscii(@ForAll("names") String name) {
    check(name, Damage::viscii, RepairKind.VISCII);
  }

  @Property(tries = 200)
  void asciiNamesAreLeftAlone(@ForAll("asciiNames") String name) {
    RepairedText r = REPAIRER.text("fullName", name);
    assertThat(r.value()).isEqualTo(name);
    assertThat(r.repairs()).isEmpty();
  }

  @Provide
  Arbitrary<String> asciiNames() {
    return Arbitraries.of(FAMILY)
        .flatMap(
            f ->
                Arbitraries.of(GIVEN)
                    .map(
                        g ->
                            Damage.nfd(f + " Van " + g)
                                .replaceAll("\\p{M}", "")
                                .replace('đ', 'd')
                                .replace('Đ', 'D')));
  }

  private static void check(String name, UnaryOperator<String> damage, RepairKind kind) {
    String damaged = damage.apply(name);
    // A legacy byte string identical to the Unicode text is no damage at all (VISCII puts à, ê...
    // at their Latin-1 places): it must pass through untouched.
    if (damaged.equals(name)) {
      assertThat(REPAIRER.text("fullName", damaged).repairs()).isEmpty();
      return;
    }
    // Legacy bytes that read as another clean Vietnamese text (TCVN3 "ựn" is the byte of "ùn")
    // carry no evidence: such text must be left exactly as it is, never "repaired" by a guess.
    if (Repairs.isClean(damaged)) {
      RepairedText kept = REPAIRER.text("fullName", damaged);
      assertThat(kept.value()).isEqualTo(damaged);
      assertThat(kept.repairs()).isEmpty();
      Statistics.label("outcome").collect("undetectable, kept");
      return;
    }
    RepairedText r;
    try {
      r = REPAIRER.text("fullName", damaged);
    } catch (InvalidInputException e) {
      // Refusing is right only where the damaged text has a second valid reading (short names
      // can read as Vietnamese under two legacy encodings), found by the test's own decoders.
      assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT);
      assertThat(RepairFloorsTest.secondReading(damaged, name))
          .as("refused without a second valid reading")
          .isTrue();
      assertThat(e.getMessage()).doesNotContain(damaged).doesNotContain(name);
      Statistics.label("outcome").collect("refused as ambiguous");
      return;
    }
    Statistics.label("outcome").collect("repaired");
    assertThat(r.value()).isEqualTo(name);
    if (damaged.equals(Damage.eth(name))) {
      // VISCII, Windows-1258 and the look-alike eth put Đ/đ at the same byte: same text either way.
      assertThat(r.repairs()).containsAnyOf(kind, RepairKind.ETH_AS_D_STROKE).hasSize(1);
    } else if (!r.repairs().equals(List.of(kind))) {
      // Two legacy encodings can put this name at the very same bytes; the text is then certain and
      // the kind is either of them (the first that fits is reported). Anything else is a wrong
      // kind.
      assertThat(r.repairs()).hasSize(1);
      UnaryOperator<String> other = LEGACY_DAMAGE.get(r.repairs().get(0));
      assertThat(other).as("reported kind %s", r.repairs()).isNotNull();
      assertThat(other.apply(name)).isEqualTo(damaged);
    }
  }

  private static final Map<RepairKind, UnaryOperator<String>> LEGACY_DAMAGE =
      Map.of(
          RepairKind.TCVN3, Damage::tcvn3,
          RepairKind.VNI, Damage::vni,
          RepairKind.VISCII, Damage::viscii);
}
