package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link PlaceNames#stripType} answers as the version that lower-cased a copy of the component. */
class PlaceNamesTest {
  private static final String[] WORDS = {
    "thành phố",
    "thanh pho",
    "thị trấn",
    "thi tran",
    "thị xã",
    "thi xa",
    "đặc khu",
    "dac khu",
    "phường",
    "phuong",
    "huyện",
    "huyen",
    "quận",
    "quan",
    "tỉnh",
    "tinh",
    "xã",
    "xa",
    "tp",
    "tx",
    "tt",
    "đk",
    "dk",
    "p",
    "f",
    "x",
    "q",
    "h",
    "t"
  };

  /** The type-word table as first written (same order and canonical words). */
  private static final String[][] TYPE_WORDS = {
    {"thành phố", "Thành phố"},
    {"thanh pho", "Thành phố"},
    {"thị trấn", "Thị trấn"},
    {"thi tran", "Thị trấn"},
    {"thị xã", "Thị xã"},
    {"thi xa", "Thị xã"},
    {"đặc khu", "Đặc khu"},
    {"dac khu", "Đặc khu"},
    {"phường", "Phường"},
    {"phuong", "Phường"},
    {"huyện", "Huyện"},
    {"huyen", "Huyện"},
    {"quận", "Quận"},
    {"quan", "Quận"},
    {"tỉnh", "Tỉnh"},
    {"tinh", "Tỉnh"},
    {"xã", "Xã"},
    {"xa", "Xã"},
    {"tp", "Thành phố"},
    {"tx", "Thị xã"},
    {"tt", "Thị trấn"},
    {"đk", "Đặc khu"},
    {"dk", "Đặc khu"},
    {"p", "Phường"},
    {"f", "Phường"},
    {"x", "Xã"},
    {"q", "Quận"},
    {"h", "Huyện"},
    {"t", "Tỉnh"},
  };

  /** The reference: lower-cases the component, then compares. */
  static String[] reference(String component) {
    String lower = component.toLowerCase(Locale.ROOT);
    for (String[] w : TYPE_WORDS) {
      String word = w[0];
      int n = word.length();
      if (lower.length() > n && lower.startsWith(word)) {
        char c = lower.charAt(n);
        if (c == ' ' || c == '.' || (c >= '0' && c <= '9')) {
          int i = n;
          while (i < component.length()
              && (component.charAt(i) == ' ' || component.charAt(i) == '.')) {
            i++;
          }
          if (i < component.length()) {
            return new String[] {component.substring(i), w[1]};
          }
        }
      }
    }
    return null;
  }

  @Provide
  Arbitrary<String> components() {
    Arbitrary<String> word =
        Arbitraries.of(WORDS)
            .flatMap(
                w ->
                    Arbitraries.integers()
                        .between(0, 3)
                        .map(
                            k ->
                                switch (k) {
                                  case 0 -> w;
                                  case 1 -> w.toUpperCase(Locale.ROOT);
                                  case 2 -> Character.toUpperCase(w.charAt(0)) + w.substring(1);
                                  default -> w.replace('i', '\u0130').replace('k', '\u212A');
                                }));
    Arbitrary<String> sep = Arbitraries.of("", " ", ".", ". ", "  ", "5", "05", "\u0130", "\u03A3");
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyÁàẢãẠ İΣς0123456789.-")
            .ofMaxLength(12);
    return net.jqwik.api.Combinators.combine(word, sep, rest).as((w, s, r) -> w + s + r);
  }

  @Property(tries = 3000)
  void sameAsTheLowerCaseCopy(@ForAll("components") String component) {
    String[] expected = reference(component);
    String[] actual = PlaceNames.stripType(component);
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).containsExactly(expected);
    }
  }

  @Test
  void dottedCapitalIAndKelvinSign() {
    assertThat(PlaceNames.stripType("TİNH Bình Định")).isNull();
    assertThat(reference("TİNH Bình Định")).isNull();
    assertThat(PlaceNames.stripType("ĐK Côn Đảo")).containsExactly("Côn Đảo", "Đặc khu");
    assertThat(PlaceNames.stripType("\u0110\u212A Côn Đảo")).containsExactly("Côn Đảo", "Đặc khu");
    assertThat(reference("\u0110\u212A Côn Đảo")).containsExactly("Côn Đảo", "Đặc khu");
  }
}
