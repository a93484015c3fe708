package vn.id06.testkit.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** The synthetic population's shape, checked against the ID's published structure and the JDK. */
class SyntheticPopulationTest {

  static final SyntheticPopulation POP = SyntheticPopulation.of(6, 20_000);

  @Test
  void idsAgreeWithTheIrHoldersAndAreUnique() {
    Set<String> ids = new HashSet<>();
    for (long i = 0; i < 20_000; i++) {
      SyntheticCitizen c = POP.citizen(i);
      assertThat(ids.add(c.citizenId())).as("unique ID").isTrue();
      CitizenId id = CitizenId.parse(c.citizenId());
      PartialDate dob = PartialDate.parseIso("dateOfBirth", c.dateOfBirth());
      assertThat(id.inconsistenciesWith(dob, Sex.valueOf(c.sex())))
          .as("ID vs birth year and sex")
          .isEmpty();
      assertThat(id.birthRegistrationProvince()).isPresent();
      VietnameseName.of(c.fullName());
      assertThat(POP.byCitizenId(c.citizenId())).contains(c);
    }
    assertThat(POP.byCitizenId("12345")).isEmpty();
    assertThat(POP.byLegacyId("abc")).isEmpty();
  }

  @Test
  void namesUseEveryToneMarkAndEveryModifiedLetterIncludingCentralHighlandsNames() {
    Set<Character> marks = new HashSet<>();
    Set<Character> letters = new HashSet<>();
    int highlands = 0;
    int deceased = 0;
    int yearOnly = 0;
    int monthOnly = 0;
    int legacy = 0;
    int newProvinceAddresses = 0;
    for (long i = 0; i < 20_000; i++) {
      SyntheticCitizen c = POP.citizen(i);
      String nfd =
          Normalizer.normalize(
              c.fullName().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
      for (int k = 0; k < nfd.length(); k++) {
        char ch = nfd.charAt(k);
        if (ch >= '\u0300' && ch <= '\u0323') {
          marks.add(ch);
        }
      }
      String lower = c.fullName().toLowerCase(java.util.Locale.ROOT);
      for (int k = 0; k < lower.length(); k++) {
        letters.add(lower.charAt(k));
      }
      if (c.fullName().contains("H'") || c.fullName().startsWith("Y ")) {
        highlands++;
      }
      deceased += c.lifeStatus().equals("DECEASED") ? 1 : 0;
      yearOnly += c.dateOfBirth().length() == 4 ? 1 : 0;
      monthOnly += c.dateOfBirth().length() == 7 ? 1 : 0;
      legacy += c.legacyId().isPresent() ? 1 : 0;
      newProvinceAddresses += c.permanentAddress().contains("huyện") ? 0 : 1;
    }
    // Grave, acute, tilde, hook above, dot below (Unicode combining marks), and breve, circumflex,
    // horn.
    assertThat(marks)
        .contains('\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0306', '\u0302', '\u031B');
    assertThat(letters).contains('đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', '\'');
    assertThat(highlands).isPositive();
    assertThat(deceased).isBetween(100, 3_000);
    assertThat(yearOnly).isPositive();
    assertThat(monthOnly).isPositive();
    assertThat(legacy).isBetween(5_000, 15_000);
    assertThat(newProvinceAddresses).isBetween(5_000, 15_000);
  }

  @Test
  void citizensArePureFunctionsOfSeedAndIndex() {
    SyntheticPopulation other = SyntheticPopulation.of(6, 100);
    LongStream.range(0, 100).forEach(i -> assertThat(other.citizen(i)).isEqualTo(POP.citizen(i)));
    assertThat(SyntheticPopulation.of(7, 100).citizen(0)).isNotEqualTo(POP.citizen(0));
    assertThat(POP.citizen(0).toString())
        .doesNotContain(POP.citizen(0).citizenId())
        .doesNotContain(POP.citizen(0).fullName());
  }
}
