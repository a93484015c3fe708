package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class AddressTest {
  private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

  @Test
  void keepsTextAndFindsProvince() {
    String text = "Thôn Synthetic, Xã Phước Thuận, Huyện Tuy Phước, Tỉnh Bình Định";
    Address a = Address.parse("  " + Normalizer.normalize(text, Normalizer.Form.NFD) + " ");
    assertThat(a.text()).isEqualTo(text);
    assertThat(a.province()).get().extracting(AdministrativeUnit::name).isEqualTo("Bình Định");
    assertThat(a.provinceOn(LocalDate.of(2025, 6, 30)))
        .get()
        .extracting(AdministrativeUnit::name)
        .isEqualTo("Bình Định");
    assertThat(a.provinceOn(AFTER)).get().extracting(AdministrativeUnit::name).isEqualTo("Gia Lai");
    assertThat(a.hasDistrictLevel()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "123 Đường Synthetic, Phường Bến Nghé, Quận 1, TP.HCM; Hồ Chí Minh; true",
        "12 Synthetic, P. Bến Nghé, Q.1, TP. Hồ Chí Minh; Hồ Chí Minh; true",
        "Số 5 Synthetic, Phường Thuận Hóa, Thành phố Huế; Huế; false",
        "Xã Synthetic, Huyện A Lưới, Tỉnh Thừa Thiên Huế; Thừa Thiên Huế; true",
        "Thôn 3, Xã Synthetic, Thị xã Phú Mỹ, Bà Rịa - Vũng Tàu; Bà Rịa-Vũng Tàu; true",
        "Phường Synthetic, Thành phố Hà Nội, Việt Nam; Hà Nội; false",
        "So 1 Synthetic, Xa Phuoc Son, Huyen Tuy Phuoc, Binh Dinh; Bình Định; true",
        "Xã Ia Synthetic - Huyện Chư Sê - Tỉnh Gia Lai; Gia Lai; true",
        "18 Huyền Trân Công Chúa, Phường Synthetic, Đà Nẵng; Đà Nẵng; false",
        "Tổ 4, Phường Synthetic, Tỉnh Gia Lai; Gia Lai; false",
      })
  void recognisesProvinceAndDistrictLevel(String text, String province, boolean district) {
    Address a = Address.parse(text);
    assertThat(a.province()).get().extracting(AdministrativeUnit::name).isEqualTo(province);
    assertThat(a.hasDistrictLevel()).as(text).isEqualTo(district);
  }

  @Test
  void unknownProvinceIsNotAnError() {
    Address a = Address.parse("Synthetic Street 1, Springfield");
    assertThat(a.province()).isEmpty();
    assertThat(a.provinceOn(AFTER)).isEmpty();
    assertThat(a.hasDistrictLevel()).isFalse();
    assertThat(Address.parse("Synthetic").province()).isEmpty();
    assertThat(Address.parse("Việt Nam").province()).isEmpty();
  }

  @Test
  void provinceOnForContinuingAndRenamedUnits() {
    Address hue = Address.parse("Phường Synthetic, Huế");
    assertThat(hue.provinceOn(LocalDate.of(2020, 1, 1)))
        .get()
        .extracting(AdministrativeUnit::name)
        .isEqualTo("Thừa Thiên Huế");
    assertThat(hue.provinceOn(AFTER)).get().extracting(AdministrativeUnit::name).isEqualTo("Huế");
    Address vt = Address.parse("Phường Synthetic, Tỉnh Bà Rịa - Vũng Tàu");
    assertThat(vt.provinceOn(AFTER))
        .get()
        .extracting(AdministrativeUnit::name)
        .isEqualTo("Hồ Chí Minh");
  }

  @Test
  void rejectsEmptyAndTooLong() {
    assertThatThrownBy(() -> Address.parse(" "))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("address");
              assertThat(e.reason()).isEqualTo(InputReason.EMPTY);
            });
    String huge = "Synthetic ".repeat(60);
    assertThatThrownBy(() -> Address.parse(huge))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG);
              assertThat(e.getMessage()).doesNotContain("Synthetic");
            });
  }

  @Test
  void equalityAndMasking() {
    Address a = Address.parse("Thôn Synthetic, Tỉnh Bình Định");
    assertThat(a)
        .isEqualTo(Address.parse("Thôn Synthetic, Tỉnh Bình Định"))
        .hasSameHashCodeAs(Address.parse("Thôn Synthetic, Tỉnh Bình Định"));
    assertThat(a).isNotEqualTo(Address.parse("Thôn Other, Tỉnh Bình Định"));
    assertThat(a.toString()).doesNotContain("Synthetic").doesNotContain("Bình");
  }
}
