package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Every synthetic Kinh name (19 family × 11 middle × 27 given names, and one name per Vietnamese
 * letter in both cases) under each damage the docs claim, repaired as a lone text. The outcome is
 * exact (with the repair reported), or kept as it is where the damaged text is itself clean
 * Vietnamese (nothing shows damage), or refused, but only where the damaged text really has a
 * second valid reading, found by the test's own decoders (iconv's tables, the JDK's windows-1258, a
 * VNI decoder built from the font layout). Never another name. Each damage holds exactly the
 * figures that docs/TEXT-REPAIR.md states (exact, kept, refused).
 */
class RepairFloorsTest {
  private static final TextRepairer REPAIRER = TextRepairer.standard();

  // The functions are stateless lambdas and method references: the enum is immutable in fact.
  @SuppressWarnings("ImmutableEnumChecker")
  enum Kind {
    // The figures of docs/TEXT-REPAIR.md: names the damage changes, exact repairs, kept, refused.
    CP1252(Damage::cp1252, 5750, 5750, 0, 0),
    LATIN1(Damage::latin1, 5750, 5750, 0, 0),
    CP1258_MOJIBAKE(Damage::cp1258, 5750, 5750, 0, 0),
    CP1252_TWICE(s -> Damage.cp1252(Damage.cp1252(s)), 5750, 5750, 0, 0),
    NFD(Damage::nfd, 5723, 5723, 0, 0),
    ETH(s -> Damage.eth("Đinh " + s), 5777, 5665, 0, 112),
    TCVN3(Damage::tcvn3, 5723, 5177, 54, 492),
    VNI(Damage::vni, 5747, 5457, 135, 155),
    VISCII(Damage::viscii, 5357, 4563, 0, 794);

    final UnaryOperator<String> damage;
    final int damaged;
    final int exact;
    final int kept;
    final int refused;

    Kind(UnaryOperator<String> damage, int damaged, int exact, int kept, int refused) {
      this.damage = damage;
      this.damaged = damaged;
      this.exact = exact;
      this.kept = kept;
      this.refused = refused;
    }
  }

  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (String f : TextRepairPropertiesTest.FAMILY) {
      for (String m : TextRepairPropertiesTest.MIDDLE) {
        for (String g : TextRepairPropertiesTest.GIVEN) {
          out.add(f + " " + m + " " + g);
        }
      }
    }
    String letters = TextRepairPropertiesTest.LETTERS;
    for (char c : (letters + letters.toUpperCase(Locale.ROOT)).toCharArray()) {
      out.add("Nguyễn Văn " + TextRepairPropertiesTest.syllableWith(String.valueOf(c)));
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void exactAboveTheFloorRefusedOnlyWithTwoReadingsNeverWrong(Kind kind) {
    int exact = 0;
    int kept = 0;
    int refused = 0;
    int untouched = 0;
    List<String> names = names();
    for (String name : names) {
      String clean = kind == Kind.ETH ? "Đinh " + name : name;
      String damaged = kind.damage.apply(name);
      if (damaged.equals(clean)) {
        untouched++;
        assertThat(REPAIRER.text("fullName", damaged).repairs()).isEmpty();
        continue;
      }
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> REPAIRER.text("f", damaged));
      if (e != null) {
        assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT);
        assertThat(secondReading(damaged, clean))
            .as("%s of %s refused without a second valid reading", kind, clean)
            .isTrue();
        refused++;
        continue;
      }
      RepairedText r = REPAIRER.text("f", damaged);
      if (r.value().equals(clean)) {
        assertThat(r.repairs()).as("%s of %s", kind, clean).isNotEmpty();
        exact++;
      } else {
        assertThat(r.value())
            .as("%s of %s came back as other text", kind, clean)
            .isEqualTo(damaged);
        assertThat(r.repairs()).isEmpty();
        assertThat(Vietnamese.isUndamaged(damaged)).as("%s kept damaged", clean).isTrue();
        kept++;
      }
    }
    int damagedCount = names.size() - untouched;
    System.out.printf(
        "Repair floors, %s: %d names damaged, exact %d (%.1f%%), kept %d, refused %d%n",
        kind, damagedCount, exact, 100.0 * exact / damagedCount, kept, refused);
    // The docs state these figures; a change either way (better or worse) must update them.
    assertThat(damagedCount).isEqualTo(kind.damaged);
    assertThat(exact).as("%s exact", kind).isEqualTo(kind.exact);
    assertThat(kept).as("%s kept", kind).isEqualTo(kind.kept);
    assertThat(refused).as("%s refused", kind).isEqualTo(kind.refused);
  }

  /**
   * Whether the damaged text has a valid reading other than the clean text: itself (it reads as
   * Vietnamese as it is), or a legacy decoding by the test's own decoders.
   */
  static boolean secondReading(String damaged, String clean) {
    List<String> readings = new ArrayList<>();
    readings.add(damaged);
    readings.add(IconvTables.TCVN3.decodeLatin1(damaged));
    readings.add(IconvTables.VISCII.decodeLatin1(damaged));
    readings.add(vniDecode(damaged));
    readings.add(cp1258(damaged));
    for (String r : readings) {
      if (r != null && !r.equals(clean) && Vietnamese.isLooseUndamaged(r)) {
        return true;
      }
    }
    return false;
  }

  private static String cp1258(String latin1) {
    byte[] b = new byte[latin1.length()];
    for (int i = 0; i < b.length; i++) {
      char c = latin1.charAt(i);
      if (c > 0xFF) {
        return null;
      }
      b[i] = (byte) c;
    }
    return Normalizer.normalize(
        new String(b, Charset.forName("windows-1258")), Normalizer.Form.NFC);
  }

  private static final Map<String, Character> VNI = vniTable();

  private static Map<String, Character> vniTable() {
    Map<String, Character> m = new HashMap<>();
    String letters = TextRepairPropertiesTest.LETTERS;
    for (char c : (letters + letters.toUpperCase(Locale.ROOT)).toCharArray()) {
      m.put(Damage.vni(String.valueOf(c)), c);
    }
    return m;
  }

  /** VNI decoded with the test's own table (built from the font layout of Damage.vni). */
  static String vniDecode(String s) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (i + 2 <= s.length() && VNI.containsKey(s.substring(i, i + 2))) {
        sb.append(VNI.get(s.substring(i, i + 2)));
        i += 2;
      } else if (VNI.containsKey(s.substring(i, i + 1))) {
        sb.append(VNI.get(s.substring(i, i + 1)));
        i++;
      } else if (s.charAt(i) < 0x80) {
        sb.append(s.charAt(i));
        i++;
      } else {
        return null;
      }
    }
    return sb.toString();
  }
}
