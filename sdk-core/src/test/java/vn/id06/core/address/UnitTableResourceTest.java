package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build step that holds the binary resource to its sources: regenerates it from the CSVs and
 * the decisions and compares byte for byte. {@code -Did06.regenerateUnits=true} rewrites it.
 */
class UnitTableResourceTest {

  static Path csvDir() {
    try {
      return Path.of(UnitTableResourceTest.class.getResource("/admin-units/mapping.csv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void resourceIsGeneratedFromTheCsvs() throws IOException {
    byte[] generated = UnitTableGenerator.resource(csvDir());
    if (Boolean.getBoolean("id06.regenerateUnits")) {
      UnitTableGenerator.main(new String[] {"."});
    }
    byte[] committed;
    try (InputStream in = UnitTable.class.getResourceAsStream(UnitTable.RESOURCE)) {
      committed =
          in == null
              ? Files.readAllBytes(
                  Path.of("src/main/resources/vn/id06/core/address/" + UnitTable.RESOURCE))
              : in.readAllBytes();
    }
    assertThat(Arrays.equals(committed, generated))
        .as(UnitTable.RESOURCE + " is stale: run the test with -Did06.regenerateUnits=true")
        .isTrue();
  }

  @Test
  void everyDisputedRowHasADecisionWithEvidence() {
    Map<String, Map<String, String>> decisions = UnitTableGenerator.decisions(csvDir());
    for (Map<String, String> row : UnitTableGenerator.csv(csvDir().resolve("disputed.csv"))) {
      String key = row.get("dataset") + "/" + row.get("key");
      assertThat(decisions).as(key).containsKey(key);
      assertThat(decisions.get(key).get("evidence")).as(key).isNotBlank();
      assertThat(decisions.get(key).get("decision")).as(key).isIn("include", "exclude");
    }
  }
}
