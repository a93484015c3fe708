package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The Central Highlands word list ({@link CentralHighlands}) under every damage the docs claim to
 * repair: each entry comes back exact or is refused; it is never passed through damaged and never
 * turned into other text. Kept unchanged is allowed only where the damaged text is itself valid
 * Vietnamese text (then nothing in it shows damage, as with "Thò", VNI for "Thị"). Clean entries
 * pass through untouched.
 */
class CentralHighlandsRepairTest {
  private static final TextRepairer REPAIRER = TextRepairer.standard();

  /** Each damage the docs claim, applied to a text, and how the repairer is called on it. */
  // The functions are stateless lambdas and method references: the enum is immutable in fact.
  @SuppressWarnings("ImmutableEnumChecker")
  enum Kind {
    CP1252(s -> text(Damage.cp1252(s)), 89, 0, 0),
    LATIN1(s -> text(Damage.latin1(s)), 89, 0, 0),
    CP1258_MOJIBAKE(s -> text(Damage.cp1258(s)), 89, 0, 0),
    CP1252_TWICE(s -> text(Damage.cp1252(Damage.cp1252(s))), 89, 0, 0),
    NFD(s -> text(Damage.nfd(s)), 89, 0, 0),
    ETH(s -> text(Damage.eth(s)), 14, 0, 0),
    TCVN3(s -> text(Damage.tcvn3(s)), 14, 1, 74),
    VNI(s -> text(Damage.vni(s)), 36, 13, 40),
    VISCII(s -> text(Damage.viscii(s)), 33, 0, 43),
    CP1258_BYTES(s -> bytes(cp1258Bytes(s), s), 9, 0, 80),
    TELEX_IN_HEX(s -> hex(telex(hexOf(s)), s), 16, 0, 0),
    VNI_IN_HEX(s -> hex(vniKeys(hexOf(s)), s), 62, 0, 0);

    final Function<String, Attempt> attempt;
    final int exact;
    final int kept;
    final int refused;

    /** The figures of docs/TEXT-REPAIR.md for the entries this damage changes. */
    Kind(Function<String, Attempt> attempt, int exact, int kept, int refused) {
      this.attempt = attempt;
      this.exact = exact;
      this.kept = kept;
      this.refused = refused;
    }
  }

  /**
   * The damaged input (as text, for the "kept" check; null for bytes and hex), whether the damage
   * changed anything, and the call that repairs it.
   */
  record Attempt(String damaged, boolean changed, Function<TextRepairer, RepairedText> call) {}

  private static Attempt text(String damaged) {
    return new Attempt(damaged, true, r -> r.text("address", damaged));
  }

  private static Attempt bytes(byte[] raw, String original) {
    boolean changed = !java.util.Arrays.equals(raw, original.getBytes(StandardCharsets.UTF_8));
    return new Attempt(null, changed, r -> r.decode("address", raw));
  }

  private static Attempt hex(String hex, String original) {
    return new Attempt(null, !hex.equals(hexOf(original)), r -> r.hexUtf8("address", hex));
  }

  static String hexOf(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Telex rewrites "dd", "aa" and "ee" typed into the hex field. */
  static String telex(String hex) {
    return hex.replace("dd", "đ").replace("aa", "â").replace("ee", "ê");
  }

  /** VNI rewrites a vowel followed by a tone (1..5) or shape (6) key. */
  static String vniKeys(String hex) {
    return hex.replace("a1", "á").replace("e6", "ê").replace("a6", "â").replace("e1", "é");
  }

  /**
   * Windows-1258 bytes as Windows writes them: letters with a shape (ă â ê ô ơ ư đ) precomposed,
   * tones as combining marks after them, encoded by the JDK's windows-1258 charset.
   */
  static byte[] cp1258Bytes(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      String d = Normalizer.normalize(String.valueOf(s.charAt(i)), Normalizer.Form.NFD);
      StringBuilder base = new StringBuilder().append(d.charAt(0));
      String tone = "";
      for (int k = 1; k < d.length(); k++) {
        char m = d.charAt(k);
        if ("\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0) {
          tone = String.valueOf(m);
        } else {
          base.append(m);
        }
      }
      sb.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
    }
    return sb.toString().getBytes(Charset.forName("windows-1258"));
  }

  @Test
  void cleanEntriesPassThroughUntouched() {
    for (String s : CentralHighlands.all()) {
      assertThat(REPAIRER.text("address", s)).as(s).isEqualTo(new RepairedText(s, List.of()));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyEntryComesBackExactOrIsRefused(Kind kind) {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (String s : CentralHighlands.all()) {
      Attempt a = kind.attempt.apply(s);
      if (!a.changed() || (a.damaged() != null && a.damaged().equals(s))) {
        continue; // this damage does not touch the entry
      }
      InvalidInputException refused =
          catchThrowableOfType(InvalidInputException.class, () -> a.call().apply(REPAIRER));
      if (refused != null) {
        assertThat(refused.reason())
            .as("%s of %s", kind, s)
            .isIn(InputReason.UNREPAIRABLE_TEXT, InputReason.BINARY_DATA);
        outcomes.merge("refused", 1, Integer::sum);
        continue;
      }
      RepairedText r = a.call().apply(REPAIRER);
      if (r.value().equals(s)) {
        assertThat(r.repairs()).as("every change is reported: %s of %s", kind, s).isNotEmpty();
        outcomes.merge("exact", 1, Integer::sum);
        continue;
      }
      // Anything else must be the damaged text kept as it is, and only where it reads as valid
      // Vietnamese itself, so that nothing shows it is damaged.
      assertThat(a.damaged()).as("%s of %s came back as other text", kind, s).isNotNull();
      assertThat(r.value()).as("%s of %s", kind, s).isEqualTo(a.damaged());
      assertThat(r.repairs()).isEmpty();
      assertThat(Vietnamese.isLooseUndamaged(a.damaged()))
          .as("%s of %s passed through damaged", kind, s)
          .isTrue();
      outcomes.merge("kept: reads as other Vietnamese", 1, Integer::sum);
    }
    System.out.printf("Central Highlands list, %s: %s%n", kind, outcomes);
    assertThat(outcomes.getOrDefault("exact", 0)).as("%s exact", kind).isEqualTo(kind.exact);
    assertThat(outcomes.getOrDefault("kept: reads as other Vietnamese", 0))
        .as("%s kept", kind)
        .isEqualTo(kind.kept);
    assertThat(outcomes.getOrDefault("refused", 0)).as("%s refused", kind).isEqualTo(kind.refused);
  }
}
