package vn.id06.testkit.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the generator's output still: citizens at fixed indices, recorded in {@code
 * population/golden.txt} before the generator was optimised, must come out the same, field for
 * field, whatever is done to make generation faster. Indices cross the million-wide blocks of the
 * ID's random part, where prefix clashes are resolved.
 */
class SyntheticPopulationGoldenTest {

  /** One citizen as a {@code |}-separated line, every component in declaration order. */
  static String line(long seed, long size, SyntheticCitizen c) {
    StringBuilder b = new StringBuilder();
    b.append(seed).append('|').append(size).append('|').append(c.index()).append('|');
    b.append(c.citizenId()).append('|').append(c.legacyId().orElse("-")).append('|');
    b.append(c.fullName()).append('|').append(c.dateOfBirth()).append('|').append(c.sex());
    b.append('|').append(c.placeOfOrigin()).append('|').append(c.permanentAddress());
    b.append('|').append(c.ethnicity()).append('|').append(c.lifeStatus()).append('|');
    b.append(c.householdId()).append('|');
    c.insuranceCard()
        .ifPresentOrElse(
            k ->
                b.append(k.cardNumber())
                    .append(',')
                    .append(k.socialInsuranceNumber())
                    .append(',')
                    .append(k.facilityCode())
                    .append(',')
                    .append(k.validFrom())
                    .append(',')
                    .append(k.validTo()),
            () -> b.append('-'));
    return b.append('|').append(c.issueDate()).toString();
  }

  static List<String> golden() throws IOException {
    try (InputStream in =
        SyntheticPopulationGoldenTest.class.getResourceAsStream("/population/golden.txt")) {
      assertThat(in).as("fixture").isNotNull();
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    }
  }

  @Test
  void fixedIndicesGiveTheRecordedCitizens() throws IOException {
    List<String> expected = golden();
    assertThat(expected).hasSizeGreaterThan(10);
    for (String want : expected) {
      String[] f = want.split("\\|", -1);
      long seed = Long.parseLong(f[0]);
      long size = Long.parseLong(f[1]);
      long index = Long.parseLong(f[2]);
      SyntheticPopulation pop = SyntheticPopulation.of(seed, size);
      SyntheticCitizen c = pop.citizen(index);
      assertThat(line(seed, size, c)).as("citizen %d of seed %d", index, seed).isEqualTo(want);
      assertThat(pop.byCitizenId(c.citizenId())).contains(c);
      c.legacyId().ifPresent(l -> assertThat(pop.byLegacyId(l)).contains(c));
    }
  }
}
