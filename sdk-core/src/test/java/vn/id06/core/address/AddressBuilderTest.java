package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class AddressBuilderTest {

  @Test
  void structuredPartsAndCodes() {
    Address a =
        Address.builder()
            .detail("Thôn Synthetic")
            .commune("Xã Phước Lộc")
            .district("Huyện Tuy Phước")
            .province("Tỉnh Bình Định")
            .codes(Era.PRE_REFORM, "52", "550", "21976")
            .build();
    assertThat(a.text()).isEqualTo("Thôn Synthetic, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    assertThat(a.detail()).contains("Thôn Synthetic");
    assertThat(a.communeName()).contains("Xã Phước Lộc");
    assertThat(a.districtName()).contains("Huyện Tuy Phước");
    assertThat(a.provinceName()).contains("Tỉnh Bình Định");
    assertThat(a.codeEra()).contains(Era.PRE_REFORM);
    assertThat(a.communeCode()).contains("21976");
    assertThat(a.districtCode()).contains("550");
    assertThat(a.provinceCode()).contains("52");
    assertThat(a.hasDistrictLevel()).isTrue();
    assertThat(a.province()).get().extracting(AdministrativeUnit::name).isEqualTo("Bình Định");
    ResolvedAddress r = a.resolution();
    assertThat(r.commune().orElseThrow().code()).isEqualTo("21976");
    assertThat(r.detail()).isEqualTo("Thôn Synthetic");
    assertThat(r.toCurrentUnits().commune().orElseThrow().code()).isEqualTo("21952");
    assertThat(a.toString()).doesNotContain("Synthetic").doesNotContain("Phước");
    assertThat(a).isNotEqualTo(Address.parse(a.text()));
    assertThat(a)
        .isEqualTo(
            Address.builder()
                .detail("Thôn Synthetic")
                .commune("Xã Phước Lộc")
                .district("Huyện Tuy Phước")
                .province("Tỉnh Bình Định")
                .codes(Era.PRE_REFORM, "52", "550", "21976")
                .build())
        .hasSameHashCodeAs(
            Address.builder()
                .detail("Thôn Synthetic")
                .commune("Xã Phước Lộc")
                .district("Huyện Tuy Phước")
                .province("Tỉnh Bình Định")
                .codes(Era.PRE_REFORM, "52", "550", "21976")
                .build());
  }

  @Test
  void postReformCodesAndGivenText() {
    Address a =
        Address.builder()
            .text("Synthetic text as the source wrote it, Xã Tuy Phước, Gia Lai")
            .commune("Xã Tuy Phước")
            .province("Tỉnh Gia Lai")
            .codes(Era.POST_REFORM, "52", null, "21952")
            .build();
    assertThat(a.text()).startsWith("Synthetic text");
    assertThat(a.hasDistrictLevel()).isFalse();
    assertThat(a.resolution().era()).contains(Era.POST_REFORM);
    assertThat(a.resolution().detail()).isEmpty();
    assertThat(a.resolution().toCurrentUnits().certainty()).isEqualTo(Certainty.EXACT);
    // An unknown code falls back to the text.
    Address unknownCode =
        Address.builder()
            .text("Xã Tuy Phước, Tỉnh Gia Lai")
            .codes(Era.POST_REFORM, null, null, "99999")
            .build();
    assertThat(unknownCode.resolution().toCurrentUnits().commune().orElseThrow().code())
        .isEqualTo("21952");
    Address parsed = Address.parse("Xã Tuy Phước, Tỉnh Gia Lai");
    assertThat(parsed.communeName()).isEmpty();
    assertThat(parsed.detail()).isEmpty();
    assertThat(parsed.codeEra()).isEmpty();
    assertThat(parsed.resolution().toCurrentUnits().commune().orElseThrow().code())
        .isEqualTo("21952");
  }

  @Test
  void badPartsAreTyped() {
    assertReason(() -> Address.builder().build(), InputReason.EMPTY);
    assertReason(() -> Address.builder().commune(" ").build(), InputReason.EMPTY);
    assertReason(
        () -> Address.builder().commune("Xã A").codes(Era.POST_REFORM, "5", null, null).build(),
        InputReason.WRONG_LENGTH);
    assertReason(
        () -> Address.builder().commune("Xã A").codes(Era.POST_REFORM, "5x", null, null).build(),
        InputReason.NOT_DIGITS);
    assertReason(
        () -> Address.builder().commune("Xã A").codes(Era.POST_REFORM, null, "550", null).build(),
        InputReason.MALFORMED);
    assertReason(() -> Address.builder().commune("Xã \u0000").build(), InputReason.BINARY_DATA);
    assertReason(() -> Address.builder().detail("x".repeat(600)).build(), InputReason.TOO_LONG);
    assertThatThrownBy(() -> Address.builder().codes(null, null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static void assertReason(Runnable r, InputReason reason) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
