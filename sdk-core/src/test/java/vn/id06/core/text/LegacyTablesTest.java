package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production TCVN3 and VISCII tables against glibc {@code iconv} (fixture files generated with
 * iconv and committed): every Vietnamese letter in both cases encodes to iconv's byte, and every
 * byte decodes to what iconv decodes it to.
 */
class LegacyTablesTest {
  private static IconvTables oracle(String name) {
    return name.equals("TCVN3") ? IconvTables.TCVN3 : IconvTables.VISCII;
  }

  @ParameterizedTest
  @ValueSource(strings = {"TCVN3", "VISCII"})
  void everyLetterEncodesToIconvsByte(String name) {
    IconvTables iconv = oracle(name);
    Legacy.Table table = Legacy.Table.valueOf(name);
    // 67 lower-case letters with a diacritic (đ among them) and their capitals.
    assertThat(iconv.letterToByte).hasSize(134);
    for (Map.Entry<Character, Integer> e : iconv.letterToByte.entrySet()) {
      assertThat(table.encode(e.getKey()))
          .as("%s of U+%04X", name, (int) e.getKey().charValue())
          .isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TCVN3", "VISCII"})
  void everyByteDecodesToWhatIconvReads(String name) {
    IconvTables iconv = oracle(name);
    Legacy.Table table = Legacy.Table.valueOf(name);
    for (int b = 0; b < 256; b++) {
      assertThat(iconv.byteToChar[b]).as("iconv reads byte %02x", b).isNotNegative();
      assertThat((int) table.decode(b)).as("%s byte %02x", name, b).isEqualTo(iconv.byteToChar[b]);
    }
  }
}
