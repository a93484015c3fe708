package vn.id06.core.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.id06.core.InvalidInputException;

/** Any input yields a CardQr or an InvalidInputException that holds no personal data. */
class CardQrParserProperties {
  private static final CardQrParser PARSER =
      CardQrParser.builder().clock(CardQrGoldenTest.CLOCK).build();

  private static final List<String> SEEDS =
      List.of(
          CardQrParserTest.CLEAN,
          CardQrParserTest.bhyt("GD4797931234567", "12/12/1978", "2", "01/01/2024", "31/12/2024"),
          CardQrParserTest.CLEAN + "|001090009999|Lê Văn Bố");

  private static void parseOrRefuse(Runnable parse, String input) {
    try {
      parse.run();
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).doesNotContain("unexpected failure");
      assertThat(e.field()).isNotBlank();
      // The synthetic person's data must never be echoed.
      assertThat(e.getMessage()).doesNotContain("079090001234", "Thử", "Nguy");
      if (input.length() >= 6) {
        assertThat(e.getMessage()).doesNotContain(input);
      }
    }
  }

  @Property(tries = 2000)
  void arbitraryStrings(@ForAll String s) {
    parseOrRefuse(() -> PARSER.parse(s), s);
  }

  @Property(tries = 2000)
  void arbitraryBytes(@ForAll byte[] b) {
    parseOrRefuse(() -> PARSER.parse(b), "");
  }

  @Property(tries = 2000)
  void pipeSeparatedJunk(@ForAll("junkFields") String s) {
    parseOrRefuse(() -> PARSER.parse(s), s);
  }

  @Property(tries = 3000)
  void mutatedRealLayouts(@ForAll("mutated") String s) {
    parseOrRefuse(() -> PARSER.parse(s), s);
    parseOrRefuse(() -> PARSER.parse(s.getBytes(StandardCharsets.UTF_8)), s);
  }

  @Provide
  Arbitrary<String> junkFields() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMaxLength(14),
            Arbitraries.strings().withChars("0123456789/-").ofMaxLength(12),
            Arbitraries.of("Nam", "Nữ", "1", "2", "$", "", "-", "CCCD:", "Không thời hạn"),
            Arbitraries.strings().ofMaxLength(12));
    return field.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("|", l));
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, 400);
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(3),
            Arbitraries.of("|", "/", "-", "0", "9", "Ð", "Ã", "\u0301", "ư", "$", ":"));
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 3);
    return Combinators.combine(seed, pos, insert, cut)
        .as(
            (s, p, ins, c) -> {
              int at = Math.min(p, s.length());
              int end = Math.min(s.length(), at + c);
              return s.substring(0, at) + ins + s.substring(end);
            });
  }
}
