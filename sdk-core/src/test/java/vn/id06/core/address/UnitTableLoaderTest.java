package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.address.Succession.Share;

/**
 * The loader on a small synthetic table, encoded as the resource is: what it builds; every
 * malformed line the encoder refuses (the build step that makes the resource); and the malformed
 * binary forms the loader refuses.
 */
class UnitTableLoaderTest {
  /** Two old communes of one district; one went whole, the other was divided; one amendment. */
  private static final String TABLE =
      String.join(
          "\r\n",
          "# a comment",
          "",
          "V|2|2026-09-25",
          "p|01|T|alpha|Alpha",
          "d|001|01|H|beta|Beta",
          "c|00001|001|X|gamma|Gamma",
          "c|00002|001|X|delta|=Xã Delta",
          "P|02|T|epsilon|Epsilon",
          "C|00010|02|X|zeta|Zeta",
          "C|00011|02|X|eta|Eta",
          "A|2026-04-30|00011|P|theta|Theta",
          "A|2026-04-30|02|C|iota|Iota",
          "M|00001|00010|w",
          "M|00002|00010|p",
          "M|00002|00011|p",
          "X|001|00011",
          "");

  private static UnitTable load(String text) {
    return UnitTable.load(UnitTableEncoder.encode(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void buildsTheViewsOfASmallTable() {
    UnitTable t = load(TABLE);
    assertThat(t.newest()).isEqualTo(LocalDate.of(2026, 9, 25));
    UnitView pre = t.preReform();
    Division gamma = pre.commune("00001").orElseThrow();
    assertThat(gamma.name()).isEqualTo("Xã Gamma");
    assertThat(gamma.district().orElseThrow().name()).isEqualTo("Huyện Beta");
    assertThat(pre.commune("00002").orElseThrow().name()).isEqualTo("Xã Delta");
    assertThat(pre.commune("0001")).isEmpty();
    assertThat(pre.commune("0000x")).isEmpty();
    assertThat(pre.commune("99999")).isEmpty();
    // A code in range without a unit, asked twice (the second answer comes from the cache).
    assertThat(pre.commune("00003")).isEmpty();
    assertThat(pre.commune("00003")).isEmpty();
    assertThat(pre.commune("00001")).containsSame(gamma);
    assertThat(pre.communesNamed("Delta", null))
        .extracting(Division::code)
        .containsExactly("00002");

    UnitView today = t.current();
    assertThat(today.commune("00011").orElseThrow().name()).isEqualTo("Phường Theta");
    assertThat(today.province("02").orElseThrow().name()).isEqualTo("Thành phố Iota");
    assertThat(today.communesNamed("Theta", null)).hasSize(1);
    UnitView reformDay = t.reformDay();
    assertThat(reformDay.commune("00011").orElseThrow().name()).isEqualTo("Xã Eta");
    assertThat(reformDay.province("02").orElseThrow().name()).isEqualTo("Tỉnh Epsilon");
    assertThat(reformDay.communesNamed("Eta", null)).hasSize(1);
    assertThat(t.on(LocalDate.of(2026, 4, 30))).isSameAs(today);
    assertThat(t.on(LocalDate.of(2025, 1, 1))).isSameAs(pre);

    assertThat(today.successorsOf(pre.commune("00002").orElseThrow()))
        .extracting(s -> s.to().code() + " " + s.share())
        .containsExactly("00010 PART", "00011 PART");
    assertThat(today.successorsOf(pre.district("001").orElseThrow()))
        .extracting(s -> s.to().code() + " " + s.share())
        .containsExactly("00011 WHOLE");
    assertThat(today.successorsOf(pre.province("01").orElseThrow()))
        .extracting(s -> s.to().code())
        .containsExactly("02");
    assertThat(today.predecessorsOf(today.commune("00011").orElseThrow()))
        .extracting(s -> s.from().code() + " " + s.share())
        .containsExactly("001 WHOLE", "00002 PART");
    assertThat(today.predecessorsOf(today.province("02").orElseThrow())).isEmpty();
    assertThat(t.provinceSuccessor("01")).isEqualTo("02");
    assertThat(t.provinceSuccessor("02")).isNull();
    assertThat(today.successorsOf(pre.commune("00001").orElseThrow()).get(0).share())
        .isEqualTo(Share.WHOLE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "V|2|2026-09-25;V|3|2026-09-25;format 2 expected",
        "V|2|2026-09-25;# no header;no header",
        "V|2|2026-09-25;V|2|2026-13-25;a date expected",
        "V|2|2026-09-25;V|2|2026/09/25;a date expected",
        "V|2|2026-09-25;V|2|2026-0x-25;a date expected",
        "V|2|2026-09-25;V;no fields",
        "p|01|T|alpha|Alpha;p|1|T|alpha|Alpha;a code of 2 digits expected",
        "p|01|T|alpha|Alpha;p|0a|T|alpha|Alpha;a code of 2 digits expected",
        "p|01|T|alpha|Alpha;p|01|Z|alpha|Alpha;no unit type Z",
        "p|01|T|alpha|Alpha;p|01|TT|alpha|Alpha;a one-letter field expected",
        "p|01|T|alpha|Alpha;p|01|T|alpha|;a name expected",
        "p|01|T|alpha|Alpha;p|01|T|alpha|=;a name expected",
        "p|01|T|alpha|Alpha;p|01|T|alpha;missing field",
        "d|001|01|H|beta|Beta;d|001|03|H|beta|Beta;unknown parent 3",
        "c|00002|001|X|delta|=Xã Delta;c|00001|001|X|delta|Delta;code 1 twice",
        "c|00002|001|X|delta|=Xã Delta;c|00002|001|X|delta|Delta|Extra;a name expected",
        "C|00011|02|X|eta|Eta;C|00011|03|X|eta|Eta;commune 11 in no province",
        "A|2026-04-30|00011|P|theta|Theta;A|2026-04-30|00012|P|theta|Theta;unknown unit 12",
        "M|00002|00011|p;M|00002|00011|x;share w or p expected",
        "M|00002|00011|p;M|00002|00010|p;mapping not sorted",
        "M|00002|00011|p;M|00002|00012|p;mapping to an unknown commune 12",
        "M|00001|00010|w;M|00000|00010|w;mapping from an unknown commune 0",
        "M|00002|00011|p;M|00002|00011|p|x;too many fields",
        "X|001|00011;X|002|00011;island district of unknown units",
        "X|001|00011;Q|001|00011;unknown record",
      })
  void refusesAMalformedLine(String line, String replacement, String message) {
    assertThat(TABLE).contains(line + "\r\n");
    String bad = TABLE.replace(line + "\r\n", replacement + "\r\n");
    assertThatIllegalStateException().isThrownBy(() -> load(bad)).withMessageContaining(message);
  }

  @Test
  void refusesAProvinceMappedToTwoProvinces() {
    String bad =
        TABLE
            .replace("C|00011|02|X|eta|Eta", "C|00011|03|X|eta|Eta\r\nP|03|T|kappa|Kappa")
            .replace("X|001|00011\r\n", "");
    assertThatIllegalStateException()
        .isThrownBy(() -> load(bad))
        .withMessageContaining("a province maps to two provinces");
  }

  @Test
  void growsItsArraysForHighCodes() {
    String big =
        TABLE
            .replace(
                "c|00002|001|X|delta|=Xã Delta",
                "c|00002|001|X|delta|=Xã Delta\r\nc|40000|001|X|mu|Mu")
            .replace("C|00011|02|X|eta|Eta", "C|00011|02|X|eta|Eta\r\nC|50000|02|X|nu|Nu");
    UnitTable t = load(big);
    assertThat(t.preReform().commune("40000").orElseThrow().name()).isEqualTo("Xã Mu");
    assertThat(t.current().commune("50000").orElseThrow().name()).isEqualTo("Xã Nu");
    assertThat(t.reformDay().commune("50000")).isPresent();
  }

  @Test
  void refusesAMalformedBinaryForm() {
    byte[] good = UnitTableEncoder.encode(TABLE.getBytes(StandardCharsets.UTF_8));
    assertThat(UnitTable.load(good).current().communes()).hasSize(2);
    byte[] magic = good.clone();
    magic[0] ^= 1;
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(magic))
        .withMessageContaining("not a unit table");
    byte[] format = good.clone();
    format[4] = 2;
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(format))
        .withMessageContaining("format 3 expected");
    byte[] date = good.clone();
    // 2026-13-25
    ByteBuffer.wrap(date).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 20_261_325);
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(date))
        .withMessageContaining("malformed");
    for (int cut : new int[] {3, 11, 40, good.length - 1}) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatIllegalStateException()
          .as("cut at %d", cut)
          .isThrownBy(() -> UnitTable.load(truncated));
    }
    byte[] longer = Arrays.copyOf(good, good.length + 4);
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(longer))
        .withMessageContaining("truncated");
    ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, longer.length);
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(longer))
        .withMessageContaining("bytes after the last array");
    byte[] pool = good.clone();
    ByteBuffer.wrap(pool).order(ByteOrder.LITTLE_ENDIAN).putInt(16, good.length);
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(pool))
        .withMessageContaining("bad pool length");
    // The first array (the pre-reform provinces' codes): longer than what follows.
    byte[] rows = good.clone();
    ByteBuffer b = ByteBuffer.wrap(rows).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(UnitTable.POOL + (b.getInt(16) + 3) / 4 * 4, good.length);
    assertThatIllegalStateException()
        .isThrownBy(() -> UnitTable.load(rows))
        .withMessageContaining("bad array length");
  }
}
