package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class VietnameseNameTest {
  @Test
  void normalisesSpacesKeepsCaseAndParts() {
    VietnameseName n = VietnameseName.of("  nguyễn   THỊ  thuý hoà ");
    assertThat(n.value()).isEqualTo("nguyễn THỊ thuý hoà");
    assertThat(n.displayTitleCase()).isEqualTo("Nguyễn Thị Thuý Hoà");
    assertThat(n.familyName()).isEqualTo("nguyễn");
    assertThat(n.middleName()).isEqualTo("THỊ thuý");
    assertThat(n.givenName()).isEqualTo("hoà");
    assertThat(n.sameAs(VietnameseName.of("Nguyễn Thị Thúy Hòa"))).isTrue();
  }

  @Test
  void keepsTheAuthoritysSpelling() {
    // Legal spellings of the Central Highlands: the capital after H' and the card's capitals stay.
    assertThat(VietnameseName.of("Ksor H'Bơ").value()).isEqualTo("Ksor H'Bơ");
    assertThat(VietnameseName.of("H'Hen Niê").value()).isEqualTo("H'Hen Niê");
    assertThat(VietnameseName.of("NGUYỄN THỊ HÒA").value()).isEqualTo("NGUYỄN THỊ HÒA");
    assertThat(VietnameseName.of("NGUYỄN THỊ HÒA").displayTitleCase()).isEqualTo("Nguyễn Thị Hòa");
    assertThat(VietnameseName.of("ksor h'bơ").displayTitleCase()).isEqualTo("Ksor H'Bơ");
    assertThat(VietnameseName.of("Ksor H'Bơ").sameAs(VietnameseName.of("KSOR H'BƠ"))).isTrue();
  }

  @Test
  void twoAndOneWordNames() {
    VietnameseName two = VietnameseName.of("Lê Na");
    assertThat(two.familyName()).isEqualTo("Lê");
    assertThat(two.middleName()).isEmpty();
    assertThat(two.givenName()).isEqualTo("Na");
    VietnameseName one = VietnameseName.of("Pả");
    assertThat(one.familyName()).isEmpty();
    assertThat(one.middleName()).isEmpty();
    assertThat(one.givenName()).isEqualTo("Pả");
  }

  @Test
  void nfdBecomesNfc() {
    String nfd = Normalizer.normalize("Trần Văn Đức", Normalizer.Form.NFD);
    assertThat(VietnameseName.of(nfd).value()).isEqualTo("Trần Văn Đức");
  }

  @Test
  void ethBecomesDStroke() {
    assertThat(VietnameseName.of("\u00D0ặng Văn \u00D0ức").value()).isEqualTo("Đặng Văn Đức");
    assertThat(VietnameseName.of("\u00F0ặng văn \u00F0ức").value()).isEqualTo("đặng văn đức");
    assertThat(VietnameseName.of("ĐẶNG THỊ ĐÀO").value()).isEqualTo("ĐẶNG THỊ ĐÀO");
  }

  @Test
  void hyphenatedAndApostrophe() {
    assertThat(VietnameseName.of("h'hen niê").value()).isEqualTo("h'hen niê");
    assertThat(VietnameseName.of("y-moan ênuôl").displayTitleCase()).isEqualTo("Y-Moan Ênuôl");
  }

  @ParameterizedTest
  @CsvSource({
    "Hoà, Hòa",
    "Thuý, Thúy",
    "Khoẻ, Khỏe",
    "Thuỷ, Thủy",
    "Hoạ, Họa",
    "Loan Hoà, LOAN HÒA",
    "Xoè, Xòe",
    "Tuỵ, Tụy",
    "Huỳnh, HUỲNH",
  })
  void toneplacementInsensitive(String a, String b) {
    VietnameseName x = VietnameseName.of("Nguyễn " + a);
    VietnameseName y = VietnameseName.of("Nguyễn " + b);
    assertThat(x.comparisonKey()).isEqualTo(y.comparisonKey());
    assertThat(x.sameAs(y)).isTrue();
    assertThat(x.searchKey()).isEqualTo(y.searchKey());
  }

  @Test
  void canonicalFormIsOldStyle() {
    assertThat(VietnameseName.of("Nguyễn Thị Thuý Hoà").comparisonKey())
        .isEqualTo("nguyễn thị thúy hòa");
    assertThat(VietnameseName.of("Lê Khoẻ").comparisonKey()).isEqualTo("lê khỏe");
  }

  @Test
  void quStaysOnY() {
    assertThat(VietnameseName.of("Lê Quỳ").comparisonKey()).isEqualTo("lê quỳ");
    assertThat(VietnameseName.of("Lê Quý").comparisonKey()).isEqualTo("lê quý");
    // Tone wrongly typed on the u of "qu" is moved to y.
    assertThat(VietnameseName.of("Lê Qúy").comparisonKey()).isEqualTo("lê quý");
  }

  @Test
  void finalConsonantAndOtherRhymesUntouched() {
    assertThat(VietnameseName.of("Hoàng Thị Khuyến").comparisonKey()).isEqualTo("hoàng thị khuyến");
    assertThat(VietnameseName.of("Ngô Thị Ngoãn").comparisonKey()).isEqualTo("ngô thị ngoãn");
    assertThat(VietnameseName.of("Lê Thị Xoài").comparisonKey()).isEqualTo("lê thị xoài");
  }

  @Test
  void differentNamesDiffer() {
    assertThat(VietnameseName.of("Lê Hòa").sameAs(VietnameseName.of("Lê Hoa"))).isFalse();
    assertThat(VietnameseName.of("Lê Hòa").sameAs(VietnameseName.of("Lê Hóa"))).isFalse();
  }

  @Test
  void searchKeyFoldsEverything() {
    VietnameseName n = VietnameseName.of("Đặng Thị Thuý Hoà");
    assertThat(n.searchKey()).isEqualTo("dang thi thuy hoa");
    assertThat(VietnameseName.of("Dang Thi Thuy Hoa").searchKey()).isEqualTo(n.searchKey());
    assertThat(VietnameseName.of("Ưng Ước Ơn Ấn").searchKey()).isEqualTo("ung uoc on an");
  }

  @Test
  void maxLength() {
    String hundred = "Nguyễn " + "a".repeat(93);
    assertThat(VietnameseName.of(hundred).value()).hasSize(100);
    assertRejected("Nguyễn " + "a".repeat(94), InputReason.TOO_LONG);
    assertRejected("a".repeat(5000), InputReason.TOO_LONG);
    // Spaces collapse before the length check.
    assertThat(VietnameseName.of("Lê" + " ".repeat(300) + "Na").value()).isEqualTo("Lê Na");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nguyễn Văn 2",
        "Nguyen Van A1",
        "Trần\u0000Văn",
        "Trần\u0007Văn",
        "Trần\u200BVăn",
        "Trần Văn @n",
        "Trần Văn <script>",
        "Lê ٣",
      })
  void malformed(String s) {
    assertRejected(s, InputReason.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  void empty(String s) {
    assertRejected(s, InputReason.EMPTY);
  }

  @Test
  void nullIsEmpty() {
    assertRejected(null, InputReason.EMPTY);
  }

  @Test
  void equalityAndMasking() {
    VietnameseName a = VietnameseName.of("Nguyễn Thị Thuý Hoà");
    assertThat(a)
        .isEqualTo(VietnameseName.of(" Nguyễn  Thị Thuý Hoà"))
        .hasSameHashCodeAs(VietnameseName.of(" Nguyễn  Thị Thuý Hoà"));
    assertThat(a).isNotEqualTo(VietnameseName.of("nguyễn thị thuý hoà"));
    assertThat(a.sameAs(VietnameseName.of("nguyễn thị thuý hoà"))).isTrue();
    assertThat(a).isNotEqualTo(VietnameseName.of("Nguyễn Thị Thúy Hòa"));
    assertThat(a.toString())
        .doesNotContain("Nguyễn")
        .doesNotContain("Hoà")
        .doesNotContain("Thuý")
        .doesNotContain("Thị");
  }

  private static void assertRejected(String s, InputReason reason) {
    assertThatThrownBy(() -> VietnameseName.of(s))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("fullName");
              assertThat(e.reason()).isEqualTo(reason);
              if (s != null) {
                for (String word : s.split("[\\s\\u0000-\\u001f\\u200b]+", -1)) {
                  if (word.length() >= 3) {
                    assertThat(e.getMessage()).doesNotContain(word);
                  }
                }
              }
            });
  }
}
