package vn.id06.core.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.text.RepairKind;

/**
 * A whole QR line garbled the way hospital readers garble it (UTF-8 bytes shown as a single-byte
 * code page), with every Vietnamese letter at the start, inside and at the end of the name. The
 * parse must give back the exact name or refuse; never a different name.
 *
 * <p>Regression: a name ending in "à" (C3 A0) lost its evidence when the field trimmer took the
 * no-break space (A0) for padding; "Lê â Lan" was read again as TCVN3 after its UTF-8 repair and
 * came out wrong.
 */
class GarbledNameTest {
  private static final String LOWER =
      "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
  private static final String LETTERS = LOWER + LOWER.toUpperCase(Locale.ROOT);

  private final CardQrParser parser = CardQrParser.builder().clock(CardQrGoldenTest.CLOCK).build();

  @ParameterizedTest
  @ValueSource(strings = {"ISO-8859-1", "windows-1252", "windows-1258"})
  void everyLetterIsRepairedExactlyOrRefusedNeverChanged(String charsetName) {
    Charset charset = Charset.forName(charsetName);
    List<String> refused = new ArrayList<>();
    int repaired = 0;
    for (int i = 0; i < LETTERS.length(); i++) {
      String letter = LETTERS.substring(i, i + 1);
      for (String name :
          List.of(
              "Nguyễn Thị H" + letter,
              "Lê " + letter + " Lan",
              letter.toUpperCase(Locale.ROOT) + "nh Văn Bình")) {
        String expected = VietnameseName.of(name).value();
        String qr =
            "079190012345|271234567|" + name + "|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021";
        String garbled = new String(qr.getBytes(StandardCharsets.UTF_8), charset);
        InvalidInputException refusal =
            catchThrowableOfType(InvalidInputException.class, () -> parser.parse(garbled));
        if (refusal != null) {
          assertThat(refusal.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT);
          refused.add(name);
          continue;
        }
        CardQr parsed = parser.parse(garbled);
        assertThat(parsed.record().fullName().orElseThrow().value())
            .as("%s garbled as %s", name, charsetName)
            .isEqualTo(expected);
        assertThat(parsed.repairs()).extracting(r -> r.field().jsonName()).contains("fullName");
        repaired++;
      }
    }
    if (charsetName.equals("ISO-8859-1")) {
      // Latin-1 keeps every byte, so every case is provable.
      assertThat(refused).isEmpty();
    } else {
      // Bytes a code page leaves undefined come back as U+FFFD; where several letters fit, refusing
      // is
      // right. They are few, and the rest is repaired.
      assertThat(repaired).isGreaterThan(refused.size() * 4);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nguyễn Thị Hoà", "Trần Thị Hà", "Lê Văn Toà", "Phạm Thị Nhà"})
  void namesEndingInAGraveAAreRepaired(String name) {
    String qr = "079190012345|271234567|" + name + "|14031990|Nữ|Xã Phước Hòa|01072021";
    String garbled =
        new String(qr.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    CardQr parsed = parser.parse(garbled);
    assertThat(parsed.record().fullName().orElseThrow().value()).isEqualTo(name);
    assertThat(parsed.repairs())
        .anySatisfy(
            r -> {
              assertThat(r.field().jsonName()).isEqualTo("fullName");
              assertThat(r.kind()).isEqualTo(RepairKind.UTF8_READ_AS_CP1252);
            });
  }
}
