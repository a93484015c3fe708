package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;

/** The one-pass {@link VietnameseName#of} for the usual name answers as the general path does. */
class VietnameseNameFastPathTest {
  private static final String LETTERS =
      VietnameseNameProperties.LOWER + VietnameseNameProperties.LOWER.toUpperCase(Locale.ROOT);

  /** What a parse gives: the value and its parts, or the reason it was refused. */
  private static List<String> outcome(java.util.function.Supplier<VietnameseName> parse) {
    try {
      VietnameseName n = parse.get();
      return n == null ? null : List.of(n.value(), n.familyName(), n.middleName(), n.givenName());
    } catch (InvalidInputException e) {
      return List.of(e.field(), e.reason().name(), e.getMessage());
    }
  }

  private static void assertSameAsGeneral(String s) {
    List<String> simple = outcome(() -> VietnameseName.ofSimpleText(s));
    if (simple != null) {
      assertThat(simple).as("U+%s", codes(s)).isEqualTo(outcome(() -> VietnameseName.ofAnyText(s)));
    }
  }

  private static String codes(String s) {
    StringBuilder sb = new StringBuilder();
    s.chars().forEach(c -> sb.append(String.format(Locale.ROOT, "%04X ", c)));
    return sb.toString();
  }

  @Test
  void everyCharacterOfTheTablesAnswersAsTheGeneralPath() {
    for (char c = 0; c <= 0x1EFF; c++) {
      if (c == 0x250) {
        c = 0x1E00;
      }
      for (String s : List.of(c + "a", "a" + c + "a", "Ng " + c, c + "-" + c, "'" + c + c)) {
        assertSameAsGeneral(s);
      }
    }
  }

  @Test
  void usualNamesTakeTheFastPathAndKeepTheInput() {
    String name = "Nguyễn Thị Hoà";
    VietnameseName n = VietnameseName.ofSimpleText(name);
    assertThat(n).isNotNull();
    assertThat(n.value()).isSameAs(name);
    assertThat(VietnameseName.ofSimpleText("  NGUYỄN   văn  an ").value())
        .isEqualTo("NGUYỄN văn an");
    assertThat(VietnameseName.ofSimpleText("Nguyê\u0303n")).isNull(); // NFD: general path
    assertThat(VietnameseName.ofSimpleText("Ðặng")).isNull(); // eth: general path
    assertThat(VietnameseName.ofSimpleText("Le\tVan")).isNull(); // tab: general path
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withChars(LETTERS)
        .withChars("aAbBhHnNgGiIyYzZ   --''")
        .withChars("ÐðİıßŉǅǰÆæÿ\u0300\u0301\u0303\u00a0\t19.,’")
        .ofMinLength(1)
        .ofMaxLength(40);
  }

  @Property(tries = 3000)
  void answersAsTheGeneralPath(@ForAll("names") String s) {
    assertSameAsGeneral(s);
  }

  @Provide
  Arbitrary<String> longNames() {
    return Arbitraries.strings().withChars("aăĐ  -").ofMinLength(90).ofMaxLength(130);
  }

  @Property(tries = 500)
  void answersAsTheGeneralPathAroundTheLengthLimit(@ForAll("longNames") String s) {
    assertSameAsGeneral(s);
  }
}
