package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;

class VietnameseNameProperties {
  /** The 67 lowercase Vietnamese letters with diacritics. */
  static final String LOWER =
      "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "đ" + "èéẻẽẹ" + "êềếểễệ" + "ìíỉĩị" + "òóỏõọ" + "ôồốổỗộ"
          + "ơờớởỡợ" + "ùúủũụ" + "ưừứửữự" + "ỳýỷỹỵ";

  static final List<String> LETTERS = letters();

  private static List<String> letters() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < LOWER.length(); i++) {
      String c = LOWER.substring(i, i + 1);
      all.add(c);
      all.add(c.toUpperCase(Locale.ROOT));
    }
    return List.copyOf(all);
  }

  @Test
  void thereAre134Letters() {
    assertThat(LETTERS).hasSize(134).doesNotHaveDuplicates();
    for (String l : LETTERS) {
      assertThat(Normalizer.isNormalized(l, Normalizer.Form.NFC)).isTrue();
      assertThat(l).hasSize(1);
    }
  }

  @Provide
  Arbitrary<String> letter() {
    return Arbitraries.of(LETTERS);
  }

  @Property(tries = 500)
  void everyLetterSurvivesNfcAndNfd(@ForAll("letter") String l) {
    String lower = l.toLowerCase(Locale.ROOT);
    String upper = l.toUpperCase(Locale.ROOT);
    String input = "Ng" + l + " " + l + "n " + l;
    // The value keeps the letter's case as written; the display form title-cases.
    assertThat(VietnameseName.of(input).value()).isEqualTo(input);
    String expected = "Ng" + lower + " " + upper + "n " + upper;
    assertThat(VietnameseName.of(input).displayTitleCase()).isEqualTo(expected);
    String nfd = Normalizer.normalize(input, Normalizer.Form.NFD);
    assertThat(VietnameseName.of(nfd).value()).isEqualTo(input);
    assertThat(VietnameseName.of(nfd)).isEqualTo(VietnameseName.of(input));
    assertThat(VietnameseName.of(nfd).comparisonKey())
        .isEqualTo(VietnameseName.of(input).comparisonKey());
    assertThat(VietnameseName.of(input).searchKey()).matches("[a-z ]+");
  }

  @Provide
  Arbitrary<String> vietnameseWords() {
    Arbitrary<Character> chars =
        Arbitraries.oneOf(
            Arbitraries.chars().range('a', 'z'), Arbitraries.of(LETTERS).map(s -> s.charAt(0)));
    return chars
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(VietnameseNameProperties::join)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(words -> String.join(" ", words));
  }

  private static String join(List<Character> cs) {
    StringBuilder sb = new StringBuilder();
    cs.forEach(sb::append);
    return sb.toString();
  }

  @Property
  void ofIsIdempotentAndKeysStable(@ForAll("vietnameseWords") String s) {
    VietnameseName n = VietnameseName.of(s);
    assertThat(VietnameseName.of(n.value())).isEqualTo(n);
    assertThat(VietnameseName.of(s.toUpperCase(Locale.ROOT)).comparisonKey())
        .isEqualTo(n.comparisonKey());
    assertThat(VietnameseName.of(Normalizer.normalize(s, Normalizer.Form.NFD))).isEqualTo(n);
    assertThat(Normalizer.isNormalized(n.comparisonKey(), Normalizer.Form.NFC)).isTrue();
    assertThat(n.comparisonKey()).isEqualTo(n.comparisonKey().toLowerCase(Locale.ROOT));
    assertThat(n.searchKey()).matches("[a-z ]+");
    assertThat(n.toString()).isEqualTo("VietnameseName[****]");
    String rebuilt =
        String.join(
            " ",
            List.of(n.familyName(), n.middleName(), n.givenName()).stream()
                .filter(p -> !p.isEmpty())
                .toList());
    assertThat(rebuilt).isEqualTo(n.value());
  }

  @Property
  void errorsNeverEchoInput(@ForAll @StringLength(min = 4, max = 60) String s) {
    try {
      VietnameseName.of(s);
    } catch (InvalidInputException e) {
      if (!s.isBlank()) {
        assertThat(e.getMessage()).doesNotContain(s.strip());
      }
    }
  }
}
