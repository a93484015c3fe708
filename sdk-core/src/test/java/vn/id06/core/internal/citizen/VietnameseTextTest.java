package vn.id06.core.internal.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {
  @ParameterizedTest
  @CsvSource({
    "hoà, hòa",
    "hòa, hòa",
    "HOÀ, HÒA",
    "thuý, thúy",
    "khoẻ, khỏe",
    "oà, òa",
    "uỷ, ủy",
    "quý, quý",
    "quỳ, quỳ",
    "qúy, quý",
    "hoàng, hoàng",
    "khuyến, khuyến",
    "ngoài, ngoài",
    "khuya, khuya",
    "thuở, thuở",
    "huệ, huệ",
    "hoa, hoa",
    "hoà hoẹ thuỵ, hòa họe thụy",
    "hoà-thuý, hòa-thúy",
  })
  void canonicalTones(String in, String out) {
    assertThat(VietnameseText.canonicalTones(in)).isEqualTo(out);
    String nfd = Normalizer.normalize(in, Normalizer.Form.NFD);
    assertThat(VietnameseText.canonicalTones(nfd)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({
    "Đắk Lắk, daklak",
    "TP.HCM, tphcm",
    "Bà Rịa - Vũng Tàu, bariavungtau",
    "\u00D0à Nẵng, danang",
  })
  void placeKey(String in, String key) {
    assertThat(VietnameseText.placeKey(in)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"Đặng Ưng, Dang Ung", "ỹ Ỵ ậ, y Y a", "\u00F0, d"})
  void stripDiacritics(String in, String out) {
    assertThat(VietnameseText.stripDiacritics(in)).isEqualTo(out);
  }
}
