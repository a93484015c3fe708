package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code qr parse} and {@code card read} print {@code addressUnits}: the units the permanent
 * address names and today's units. The expected codes and names are read from the statistics
 * office's tables that sdk-core's resources are checked against ({@code
 * sdk-core/src/test/resources/admin-units}), not from the resolver.
 */
class AddressUnitsOutputTest {
  private static final Path TABLES = Path.of("../sdk-core/src/test/resources/admin-units");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** code,name,type,district_code,district_name,province_code,province_name */
  private static List<String[]> preReform;

  /** code,name,type,province_code,province_name */
  private static List<String[]> current;

  /** old_code,new_code,share */
  private static List<String[]> mapping;

  @BeforeAll
  static void readTables() throws IOException {
    preReform = rows("units-pre2025.csv");
    current = rows("units-2025.csv");
    mapping = rows("mapping.csv");
  }

  private static List<String[]> rows(String name) throws IOException {
    List<String> lines = Files.readAllLines(TABLES.resolve(name), StandardCharsets.UTF_8);
    List<String[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(line.split(",", -1));
    }
    assertThat(out).as(name).hasSizeGreaterThan(400);
    return out;
  }

  /** The pre-reform commune's row, found by its names. */
  private static String[] oldCommune(String commune, String district, String province) {
    List<String[]> found =
        preReform.stream()
            .filter(r -> r[1].equals(commune) && r[4].equals(district) && r[6].equals(province))
            .toList();
    assertThat(found).as("%s, %s, %s in units-pre2025.csv", commune, district, province).hasSize(1);
    return found.get(0);
  }

  /** The mapping rows from an old code: new code and share. */
  private static List<String[]> successors(String oldCode) {
    return mapping.stream().filter(r -> r[0].equals(oldCode)).toList();
  }

  private static String[] currentCommune(String code) {
    return current.stream().filter(r -> r[0].equals(code)).findFirst().orElseThrow();
  }

  private static JsonNode qrParse(String address) throws IOException {
    String qr = "079090001234|025123456|Nguyễn Văn Thử|15031990|Nam|" + address + "|10072021";
    CliRun run = CliRun.withInput(qr, "qr", "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    // The address stays the string it was; the units come beside it.
    assertThat(out.get("address").isTextual()).isTrue();
    assertThat(out.get("address").asText()).isEqualTo(address);
    return out.get("addressUnits");
  }

  @Test
  void preReformAddressNamesTodaysCommuneExactly() throws IOException {
    String[] old = oldCommune("Xã Phước Lộc", "Huyện Tuy Phước", "Tỉnh Bình Định");
    List<String[]> next = successors(old[0]);
    assertThat(next).hasSize(1);
    assertThat(next.get(0)[2]).isEqualTo("whole");
    String[] now = currentCommune(next.get(0)[1]);

    JsonNode units = qrParse("Thôn 3, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");

    assertThat(units.get("certainty").asText()).isEqualTo("EXACT");
    assertThat(units.at("/input/era").asText()).isEqualTo("PRE_REFORM");
    assertThat(units.at("/input/commune").asText()).isEqualTo(old[1]);
    assertThat(units.at("/input/codes/commune").asText()).isEqualTo(old[0]);
    assertThat(units.at("/input/codes/district").asText()).isEqualTo(old[3]);
    assertThat(units.at("/input/codes/province").asText()).isEqualTo(old[5]);
    assertThat(units.at("/input/detail").asText()).isEqualTo("Thôn 3");
    assertThat(units.at("/current/commune").asText()).isEqualTo(now[1]);
    assertThat(units.at("/current/province").asText()).isEqualTo(now[4]).contains("Gia Lai");
    assertThat(units.at("/current/codes/commune").asText()).isEqualTo(now[0]);
    assertThat(units.at("/current/codes/province").asText()).isEqualTo(now[3]);
    assertThat(units.get("candidates")).hasSize(1);
    assertThat(units.at("/candidates/0/codes/commune").asText()).isEqualTo(now[0]);
    assertThat(units.at("/candidates/0/share").asText()).isEqualTo("WHOLE");
    assertThat(units.at("/candidates/0/from").asText()).isEqualTo(old[0]);
  }

  @Test
  void splitCommuneListsEveryPart() throws IOException {
    String[] old = oldCommune("Phường Thụy Khuê", "Quận Tây Hồ", "Thành phố Hà Nội");
    List<String[]> parts = successors(old[0]);
    assertThat(parts).hasSizeGreaterThan(1).allMatch(r -> r[2].equals("part"));

    JsonNode units = qrParse("Số 5 Đường Mẫu, Phường Thụy Khuê, Quận Tây Hồ, Thành phố Hà Nội");

    assertThat(units.get("certainty").asText()).isEqualTo("SPLIT");
    assertThat(units.at("/input/codes/commune").asText()).isEqualTo(old[0]);
    assertThat(units.at("/current/commune").isMissingNode()).isTrue();
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode c : units.get("candidates")) {
      codes.add(c.at("/codes/commune").asText());
      names.add(c.get("commune").asText());
      assertThat(c.get("share").asText()).isEqualTo("PART");
      assertThat(c.get("from").asText()).isEqualTo(old[0]);
    }
    assertThat(codes).containsExactlyInAnyOrderElementsOf(parts.stream().map(r -> r[1]).toList());
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(
            parts.stream().map(r -> currentCommune(r[1])[1]).toList());
  }

  @Test
  void unresolvableAddressIsUnknownWithNothingGuessed() throws IOException {
    JsonNode units = qrParse("Synthetic Street 1, Springfield");
    assertThat(units.get("certainty").asText()).isEqualTo("UNKNOWN");
    assertThat(units.get("candidates")).isEmpty();
    assertThat(units.get("current").isEmpty()).isTrue();
    assertThat(units.at("/input/detail").asText()).isEqualTo("Synthetic Street 1, Springfield");
  }

  @Test
  void aQrWithoutAddressHasNoUnits() throws IOException {
    CliRun run =
        CliRun.withInput(
            "079090001234|025123456|Nguyễn Văn Thử|15031990|Nam||10072021", "qr", "parse");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.has("address")).isFalse();
    assertThat(out.has("addressUnits")).isFalse();
  }

  /** The virtual card's default holder: its chip and its printed QR hold the same address. */
  private static final String HOA_QR =
      "079190012345|025123456|Nguyễn Thị Hòa|14031990|Nữ|"
          + "12 Đường Số 7, Phường Bình Trị Đông, Quận Bình Tân, Hồ Chí Minh|20042021";

  @Test
  void cardReadCarriesTheChipAddressUnitsAsQrParseDoes() throws IOException {
    String[] old = oldCommune("Phường Bình Trị Đông", "Quận Bình Tân", "Thành phố Hồ Chí Minh");
    List<String[]> next = successors(old[0]);
    assertThat(next).hasSize(1);
    String[] now = currentCommune(next.get(0)[1]);

    CliRun read = CliRun.of("card", "read", "--virtual");
    assertThat(read.exitCode()).as(read.err()).isZero();
    JsonNode citizen = MAPPER.readTree(read.out()).get("citizen");
    assertThat(citizen.get("address").isTextual()).isTrue();
    JsonNode units = citizen.get("addressUnits");
    assertThat(units.get("certainty").asText()).isEqualTo("EXACT");
    assertThat(units.at("/input/codes/commune").asText()).isEqualTo(old[0]);
    assertThat(units.at("/current/commune").asText()).isEqualTo(now[1]);
    assertThat(units.at("/current/codes/commune").asText()).isEqualTo(now[0]);
    assertThat(units.at("/current/codes/province").asText()).isEqualTo(now[3]);

    // The same address through the card's QR prints the same units.
    CliRun parse = CliRun.withInput(HOA_QR, "qr", "parse");
    assertThat(parse.exitCode()).as(parse.err()).isZero();
    JsonNode qr = MAPPER.readTree(parse.out());
    assertThat(qr.get("address")).isEqualTo(citizen.get("address"));
    assertThat(qr.get("addressUnits")).isEqualTo(units);
  }
}
