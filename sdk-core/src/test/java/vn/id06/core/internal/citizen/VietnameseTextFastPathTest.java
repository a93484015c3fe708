package vn.id06.core.internal.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The table-driven fast paths of {@link VietnameseText} answer as the normaliser does. */
class VietnameseTextFastPathTest {
  private static final String LETTERS =
      "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

  @Test
  void everyShortcutCharacterIsComposedAloneAndStartsWithAStarter() {
    for (char c = 0; c <= 0x1EFF; c++) {
      if (c == 0x300) {
        c = 0x1E00;
      }
      String s = String.valueOf(c);
      assertThat(VietnameseText.isPrecomposedOnly(s)).isTrue();
      assertThat(Normalizer.normalize(s, Normalizer.Form.NFC)).as("U+%04X", (int) c).isEqualTo(s);
      String d = Normalizer.normalize(s, Normalizer.Form.NFD);
      assertThat(Character.getType(d.charAt(0))).isNotEqualTo((int) Character.NON_SPACING_MARK);
    }
  }

  @Test
  void placeKeyMatchesTheNormaliserOnEveryCharacter() {
    for (char c = 0; c < 0x2100; c++) {
      String s = "a" + c + "b";
      assertThat(VietnameseText.placeKey(s))
          .as("U+%04X", (int) c)
          .isEqualTo(VietnameseText.placeKeySlow(s));
    }
  }

  @Provide
  Arbitrary<String> placeNames() {
    return Arbitraries.strings()
        .withChars(LETTERS + LETTERS.toUpperCase(java.util.Locale.ROOT))
        .withChars("aAbBdDhHnNtT .-,ÐðİıßÆ\u0300\u0301\u0302\u0303\u0309\u0323\u00a0")
        .ofMaxLength(16);
  }

  @Property(tries = 3000)
  void placeKeyMatchesTheNormaliser(@ForAll("placeNames") String s) {
    assertThat(VietnameseText.placeKey(s)).isEqualTo(VietnameseText.placeKeySlow(s));
  }

  @Property(tries = 3000)
  void nfcMatchesTheNormaliser(@ForAll("placeNames") String s) {
    assertThat(VietnameseText.nfc(s))
        .isEqualTo(
            Normalizer.normalize(s, Normalizer.Form.NFC)
                .replace('\u00d0', 'Đ')
                .replace('\u00f0', 'đ'));
  }
}
