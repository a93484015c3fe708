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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.id06.core.CitizenField;

/**
 * {@code qr parse} and {@code id inspect} keep printing what they printed before the output model:
 * the fixtures under {@code golden/} were captured from the command-line jar built before that
 * change ({@code NAME.in} is stdin or {@code NAME.args} the arguments, one a line; {@code NAME.out}
 * what it printed, {@code NAME.exit} its exit status). Every key of a captured object must come
 * back with the same value; new structure may only appear under new keys.
 */
class GoldenOutputTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** qr parse's keys that are not citizen fields. */
  private static final Set<String> QR_STRUCTURE_KEYS =
      Set.of("kind", "addressUnits", "noExpiry", "extraFields", "repairs", "inconsistencies");

  static Stream<String> qrCases() throws IOException {
    return cases("qr-parse", ".in");
  }

  static Stream<String> idCases() throws IOException {
    return cases("id-inspect", ".args");
  }

  @ParameterizedTest
  @MethodSource("qrCases")
  void qrParsePrintsWhatItPrintedBefore(String name) throws IOException {
    Path dir = GOLDEN.resolve("qr-parse");
    byte[] stdin = Files.readAllBytes(dir.resolve(name + ".in"));
    check(dir, name, CliRun.withInput(stdin, "qr", "parse"));
  }

  @ParameterizedTest
  @MethodSource("idCases")
  void idInspectPrintsWhatItPrintedBefore(String name) throws IOException {
    Path dir = GOLDEN.resolve("id-inspect");
    List<String> args = new ArrayList<>(List.of("id", "inspect"));
    args.addAll(Files.readAllLines(dir.resolve(name + ".args"), StandardCharsets.UTF_8));
    check(dir, name, CliRun.of(args.toArray(String[]::new)));
  }

  private static void check(Path dir, String name, CliRun run) throws IOException {
    int exit = Integer.parseInt(Files.readString(dir.resolve(name + ".exit")).strip());
    String before = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    assertThat(run.exitCode()).as("%s: exit status (stderr: %s)", name, run.err()).isEqualTo(exit);
    if (before.isEmpty()) {
      assertThat(run.out()).as("%s: nothing on stdout", name).isEmpty();
      return;
    }
    JsonNode expected = MAPPER.readTree(before);
    JsonNode actual = MAPPER.readTree(run.out());
    assertThat(actual.isObject()).as("%s: one JSON object", name).isTrue();
    if (dir.endsWith("qr-parse")) {
      // Every key that carries a citizen's field is that field's one name.
      for (Map.Entry<String, JsonNode> field : actual.properties()) {
        if (!QR_STRUCTURE_KEYS.contains(field.getKey())) {
          assertThat(CitizenField.fromJsonName(field.getKey()))
              .as("%s: key %s is a CitizenField's JSON name", name, field.getKey())
              .isPresent();
        }
      }
      for (JsonNode item : actual.get("repairs")) {
        assertThat(CitizenField.fromJsonName(item.get("field").asText())).isPresent();
      }
    }
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      assertThat(actual.get(field.getKey()))
          .as("%s: key %s", name, field.getKey())
          .isEqualTo(field.getValue());
    }
  }

  private static Stream<String> cases(String kind, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN.resolve(kind))) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(suffix))
              .map(n -> n.substring(0, n.length() - suffix.length()))
              .sorted()
              .toList();
      assertThat(names).as("golden cases for %s", kind).hasSizeGreaterThan(10);
      return names.stream();
    }
  }
}
