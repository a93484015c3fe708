package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;

class CitizenTypesTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void recordCarriesWhatDg13AndTheGatewayCarry() {
    CitizenRecord r =
        CitizenRecord.builder(Provenance.cardQr(T))
            .citizenId(CitizenId.parse("066190001234"))
            .fullName(VietnameseName.of("Ksor H'Bơ"))
            .nationality(Nationality.VIETNAM)
            .ethnicity(Ethnicity.of("Gia-rai"))
            .religion(Religion.of("Không"))
            .currentResidence(Address.parse("Buôn Synthetic, Xã Ea Tiêu, Tỉnh Đắk Lắk"))
            .identifyingMarks("Nốt ruồi cách 2cm dưới mép trái")
            .fatherName(VietnameseName.of("Rơ Châm Y"))
            .motherName(VietnameseName.of("Ksor H'Nga"))
            .documentNumber("190001234")
            .documentType(DocumentType.CCCD_CHIP_2021)
            .expiry(DocumentExpiry.none())
            .lifeStatus(LifeStatus.ALIVE)
            .build();
    assertThat(r.get(CitizenField.ETHNICITY)).contains(new Ethnicity("10", "Gia-rai"));
    assertThat(r.get(CitizenField.EXPIRY)).contains(DocumentExpiry.none());
    assertThat(r.get(CitizenField.SPOUSE_NAME)).isEmpty();
    assertThat(r.get(CitizenField.VALID_TO)).isEmpty();
    assertThat(r.presentFields())
        .contains(CitizenField.FATHER_NAME, CitizenField.CURRENT_RESIDENCE)
        .doesNotContain(CitizenField.SPOUSE_NAME);
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(r.toBuilder().spouseName(VietnameseName.of("Nay Y Blư")).build()).isNotEqualTo(r);
    assertThat(r.toString())
        .contains("066*******34", "fatherName", "ethnicity")
        .doesNotContain("Bơ")
        .doesNotContain("Nốt");
  }

  @Test
  void expiryTellsNoExpiryFromADate() {
    LocalDate d = LocalDate.of(2031, 5, 1);
    assertThat(DocumentExpiry.on(d).validOn(d)).isTrue();
    assertThat(DocumentExpiry.on(d).validOn(d.plusDays(1))).isFalse();
    assertThat(DocumentExpiry.none().validOn(LocalDate.of(2200, 1, 1))).isTrue();
    assertThat(DocumentExpiry.none()).isNotEqualTo(DocumentExpiry.on(d));
  }

  @ParameterizedTest
  @CsvSource({"Kinh, 01", "01, 01", "Ê Đê, 12", "Ê-đê, 12", "EDE, 12", "Khmer, 05", "Rơ-măm, 54"})
  void ethnicityByNameOrCode(String text, String code) {
    Ethnicity e = Ethnicity.of(text);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.isKnown()).isTrue();
  }

  @Test
  void unknownEthnicityAndReligionAreKept() {
    assertThat(Ethnicity.of("Người nước ngoài")).isEqualTo(new Ethnicity("", "Người nước ngoài"));
    assertThat(Ethnicity.of("55").isKnown()).isFalse();
    assertThat(Religion.of("Phật giáo")).isEqualTo(new Religion("", "Phật giáo"));
    assertThat(Religion.of(" không ").isNone()).isTrue();
    assertThatThrownBy(() -> Religion.of(" ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Ethnicity.of("x".repeat(101)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void nationality() {
    assertThat(Nationality.of("Việt Nam")).isEqualTo(Nationality.VIETNAM);
    assertThat(Nationality.of("VNM")).isEqualTo(Nationality.VIETNAM);
    assertThat(Nationality.of("LAO").code()).isEqualTo("LAO");
    assertThat(Nationality.of("Lào").code()).isEmpty();
  }

  @Test
  void faceImageCopiesAndMasks() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2};
    FaceImage f = FaceImage.of(FaceImage.Format.JPEG, jpeg);
    jpeg[2] = 9;
    assertThat(f.bytes()[2]).isEqualTo((byte) 1);
    f.bytes()[3] = 7;
    assertThat(f.bytes()[3]).isEqualTo((byte) 2);
    assertThat(f.size()).isEqualTo(4);
    assertThat(f.toString()).isEqualTo("FaceImage[JPEG, 4 bytes]");
    assertThat(f).isEqualTo(FaceImage.of(FaceImage.Format.JPEG, new byte[] {-1, -40, 1, 2}));
  }
}
