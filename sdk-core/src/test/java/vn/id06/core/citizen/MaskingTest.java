package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;

/**
 * One sweep over every type that holds personal data: toString and error messages never show it.
 */
class MaskingTest {
  private static final String ID = "079304001287";
  private static final String OLD_ID = "271234598";
  private static final String NAME = "Võ Thị Synthetic Thuỳ";
  private static final String ADDRESS = "Số 9 Đường Synthetic, Phường Tân Định, TP. Hồ Chí Minh";
  private static final List<String> SECRETS =
      List.of(
          ID,
          "3040012",
          "1234598",
          OLD_ID,
          "Võ",
          "Synthetic",
          "Thuỳ",
          "Tân Định",
          "2004",
          "11-23",
          "23/11");

  @Test
  void toStringNeverShowsPersonalData() {
    Instant t = Instant.parse("2026-03-01T08:00:00Z");
    CitizenId id = CitizenId.parse(ID);
    CitizenRecord record =
        CitizenRecord.builder(Provenance.cardQr(t))
            .citizenId(id)
            .legacyId(LegacyId.parse(OLD_ID))
            .fullName(VietnameseName.of(NAME))
            .dateOfBirth(PartialDate.of(2004, 11, 23))
            .sex(Sex.FEMALE)
            .permanentAddress(Address.parse(ADDRESS))
            .issueDate(LocalDate.of(2004, 11, 23))
            .build();
    List<Object> values =
        List.of(
            id,
            LegacyId.parse(OLD_ID),
            VietnameseName.of(NAME),
            PartialDate.of(2004, 11, 23),
            PartialDate.of(2004),
            Address.parse(ADDRESS),
            record,
            CitizenId.inspect(ID, Clock.fixed(t, ZoneOffset.UTC))
                .withDeclared(PartialDate.of(2004, 11, 23), Sex.MALE));
    for (Object v : values) {
      String s = v.toString();
      for (String secret : SECRETS) {
        assertThat(s).as(v.getClass().getSimpleName()).doesNotContain(secret);
      }
    }
    assertThat(id.toString()).contains("079*******87");
  }

  @Test
  void errorMessagesNeverShowInput() {
    List<Supplier<Object>> bad =
        List.of(
            () -> CitizenId.parse("0793040012878"),
            () -> CitizenId.parse("07930400128x"),
            () -> LegacyId.parse("27123459"),
            () -> VietnameseName.of("Võ Thị Synthetic 9"),
            () -> VietnameseName.of("Võ Thị Synthetic\u0001"),
            () -> PartialDate.parseVietnamese("dateOfBirth", "31/02/2004"),
            () -> PartialDate.parseVietnamese("dateOfBirth", "2004/11/23"),
            () -> PartialDate.parseIso("dateOfBirth", "2004-11-31"),
            () -> Sex.parse("Synthetic"),
            () -> Address.parse("Synthetic ".repeat(80)));
    for (Supplier<Object> s : bad) {
      try {
        Object unexpected = s.get();
        throw new AssertionError("expected a rejection, got " + unexpected.getClass());
      } catch (InvalidInputException e) {
        for (String secret :
            List.of(
                "0793040012878",
                "07930400128x",
                "27123459",
                "Synthetic",
                "31/02",
                "2004",
                "11-31",
                "11/23")) {
          assertThat(e.getMessage()).doesNotContain(secret);
        }
      }
    }
  }
}
