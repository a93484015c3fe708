package vn.id06.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK logs no personal data (docs/SECURITY.md). Every module's test suite writes all its logs,
 * at TRACE, to {@code target/slf4j-test.log} (parent pom, surefire); the reactor runs this module
 * last, so this test reads what the whole suite logged and looks for the synthetic people of the
 * golden samples: their names, and any run of nine or more digits (a 12-digit ID or a 9-digit old
 * ID; masked IDs such as {@code 079*******45} have no such run).
 */
class SuiteLogScanTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{9,}");

  @Test
  void theSuiteLogsNoPersonalData() throws IOException {
    Path coreLog = ROOT.resolve("sdk-core/target/slf4j-test.log");
    assertThat(coreLog)
        .as("sdk-core's tests run before this module and write their logs here")
        .exists();
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules
          .map(m -> m.resolve("target/slf4j-test.log"))
          .filter(Files::isRegularFile)
          .forEach(logs::add);
    }
    List<String> names = syntheticNames();
    assertThat(names).as("names of the golden samples").hasSizeGreaterThan(10);

    long sdkLines = 0;
    for (Path log : logs) {
      List<String> lines = Files.readAllLines(log, UTF_8);
      for (String line : lines) {
        if (line.contains(" vn.id06.")) {
          sdkLines++;
        }
        assertThat(LONG_DIGIT_RUN.matcher(line).find())
            .as("a long digit run (an ID?) in %s: %s", ROOT.relativize(log), mask(line))
            .isFalse();
        for (String name : names) {
          // Not doesNotContain(): its failure message would print the line, name and all.
          assertThat(line.contains(name))
              .as(
                  "a synthetic name in %s: %s",
                  ROOT.relativize(log), mask(line.replace(name, "<name>")))
              .isFalse();
        }
      }
    }
    assertThat(sdkLines)
        .as("the SDK's own log lines captured (else the scan proves nothing)")
        .isPositive();
  }

  /** Full names from the expected results of the QR golden samples in sdk-core. */
  private static List<String> syntheticNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("sdk-core/src/test/resources/qr"))) {
      for (Path f :
          (Iterable<Path>) files.filter(p -> p.toString().endsWith(".expected"))::iterator) {
        for (String line : Files.readAllLines(f, UTF_8)) {
          if (line.startsWith("fullName=")) {
            names.add(line.substring("fullName=".length()));
          }
        }
      }
    }
    return names;
  }

  /** The failure message must not itself print what it found. */
  private static String mask(String line) {
    return LONG_DIGIT_RUN.matcher(line).replaceAll("<digits>");
  }
}
