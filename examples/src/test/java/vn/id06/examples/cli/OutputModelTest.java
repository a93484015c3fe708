package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** The output model: one serialisation, the contract's JSON rules, one exit-code mapping. */
class OutputModelTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Inner(String name, Optional<LocalDate> when) {}

  record Sample(
      String text,
      String missing,
      Optional<String> empty,
      Optional<PartialDate> born,
      PartialDate month,
      LocalDate day,
      Instant at,
      Sex sex,
      VietnameseName name,
      List<String> none,
      Inner nested,
      List<Inner> items) {}

  /** What a failure can be; the test command throws it or returns a value. */
  enum Outcome {
    VALUE,
    VALUE_WITH_SECURITY_FAILURE,
    BAD_INPUT,
    UNAVAILABLE,
    REFUSED,
    SECURITY_FAILURE,
    BUG,
    BUG_WITH_DATA,
    UNSERIALISABLE
  }

  @Command(name = "test")
  static final class TestCommand extends Id06Subcommand {
    @Option(names = "--outcome")
    Outcome outcome = Outcome.VALUE;

    @Override
    protected CommandOutput run(CliContext context) {
      return switch (outcome) {
        case VALUE -> CommandOutput.of(Map.of("ok", true));
        case VALUE_WITH_SECURITY_FAILURE ->
            CommandOutput.of(Map.of("sealValid", false)).withExit(ExitCode.SECURITY);
        case BAD_INPUT ->
            throw new InvalidInputException("citizenId", InputReason.MALFORMED, "test");
        case UNAVAILABLE ->
            throw new UnavailableException(
                UnavailableException.Kind.GATEWAY, 3, "gateway unavailable after 3 attempts", null);
        case REFUSED ->
            throw new RemoteRefusalException(403, "E403", "req-1", false, "operator not allowed");
        case SECURITY_FAILURE ->
            throw new VerificationException(
                SecurityCheck.RESPONSE_SIGNATURE, "response signature does not verify");
        case BUG -> throw new IllegalStateException("a bug");
        case BUG_WITH_DATA -> throw new IllegalStateException("Nguyễn Thị Hoà 079190012345");
        case UNSERIALISABLE -> CommandOutput.of(new Object());
      };
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        Id06Command.run(
            new TestCommand(),
            args,
            new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err),
                CliRun.CLOCK,
                Map.of()));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void serialisesByTheContract() throws IOException {
    var sample =
        new Sample(
            "Nguyễn Thị Hoà",
            null,
            Optional.empty(),
            Optional.of(PartialDate.of(1985)),
            PartialDate.of(1985, 3),
            LocalDate.of(2021, 7, 1),
            Instant.parse("2026-11-27T03:00:00Z"),
            Sex.FEMALE,
            VietnameseName.of("Ksor H'Bơ"),
            List.of(),
            new Inner("a", Optional.empty()),
            List.of(new Inner("b", Optional.of(LocalDate.of(2030, 1, 2)))));
    String json = CommandOutput.of(sample).render();
    assertThat(json).endsWith("}\n").doesNotContain("null");
    JsonNode tree = MAPPER.readTree(json);
    assertThat(fieldNames(tree))
        .containsExactly(
            "text", "born", "month", "day", "at", "sex", "name", "none", "nested", "items");
    assertThat(tree.get("text").asText()).isEqualTo("Nguyễn Thị Hoà");
    assertThat(tree.get("born").asText()).isEqualTo("1985");
    assertThat(tree.get("month").asText()).isEqualTo("1985-03");
    assertThat(tree.get("day").asText()).isEqualTo("2021-07-01");
    assertThat(tree.get("at").asText()).isEqualTo("2026-11-27T03:00:00Z");
    assertThat(tree.get("sex").asText()).isEqualTo("FEMALE");
    assertThat(tree.get("name").asText()).isEqualTo("Ksor H'Bơ");
    assertThat(tree.get("none").isArray()).isTrue();
    assertThat(fieldNames(tree.get("nested"))).containsExactly("name");
    assertThat(tree.get("items").get(0).get("when").asText()).isEqualTo("2030-01-02");
  }

  @Test
  void escapesC1ControlsAndLineSeparators() throws IOException {
    String hostile = "a\u0085b\u009b[31mc\u2028d\u2029e\u0000f";
    String json = CommandOutput.of(Map.of("v", hostile)).render();
    assertThat(json)
        .doesNotContain("\u0085")
        .doesNotContain("\u009b")
        .doesNotContain("\u2028")
        .doesNotContain("\u2029")
        .doesNotContain("\u0000")
        .contains("\\u0085")
        .contains("\\u009b")
        .contains("\\u2028")
        .contains("\\u2029");
    // Escaped, not lost: the parsed value is the original text.
    assertThat(MAPPER.readTree(json).get("v").asText()).isEqualTo(hostile);
    // Vietnamese letters stay as they are.
    assertThat(CommandOutput.of(Map.of("v", "Đắk Lắk")).render()).contains("Đắk Lắk");
  }

  @Test
  void everyExitCodeIsReachableThroughTheModel() {
    var ok = run();
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEqualTo("{\"ok\":true}\n");

    var bad = run("--outcome", "BAD_INPUT");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("id06: bad input: citizenId");

    var usage = run("--nonsense");
    assertThat(usage.code()).isEqualTo(2);

    var unavailable = run("--outcome", "UNAVAILABLE");
    assertThat(unavailable.code()).isEqualTo(3);
    assertThat(unavailable.out()).isEmpty();
    assertThat(unavailable.err()).startsWith("id06: unavailable: gateway unavailable");

    var refused = run("--outcome", "REFUSED");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).startsWith("id06: the gateway refused: ");

    var failedProof = run("--outcome", "SECURITY_FAILURE");
    assertThat(failedProof.code()).isEqualTo(4);
    assertThat(failedProof.out()).isEmpty();
    assertThat(failedProof.err()).startsWith("id06: security failure: response signature");

    var security = run("--outcome", "VALUE_WITH_SECURITY_FAILURE");
    assertThat(security.code()).isEqualTo(4);
    assertThat(security.out()).isEqualTo("{\"sealValid\":false}\n");

    var bug = run("--outcome", "BUG_WITH_DATA");
    assertThat(bug.code()).isEqualTo(1);
    assertThat(bug.out()).isEmpty();
    assertThat(bug.err())
        .contains("internal error")
        .doesNotContain("Nguyễn")
        .doesNotContain("079190012345");
  }

  @Test
  void aValueThatCannotBeSerialisedPrintsNothingAndExitsOne() {
    var run = run("--outcome", "UNSERIALISABLE");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("internal error");
  }

  @Test
  void exceptionsMapToTheirExitCodes() {
    assertThat(ExitCode.of(new InvalidInputException("x", InputReason.MALFORMED, "")))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(ExitCode.of(new IllegalStateException())).isEqualTo(ExitCode.INTERNAL);
    assertThat(ExitCode.of(new vn.id06.core.Id06Exception("unclassified")))
        .isEqualTo(ExitCode.INTERNAL);
    assertThat(
            ExitCode.of(
                new UnavailableException(
                    UnavailableException.Kind.CARD_REMOVED, 1, "removed", null)))
        .isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(
            ExitCode.of(
                new InvalidInputException("accessData", InputReason.ACCESS_REFUSED, "refused")))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(
            ExitCode.of(new VerificationException(SecurityCheck.PASSIVE_AUTHENTICATION, "failed")))
        .isEqualTo(ExitCode.SECURITY);
    assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code))
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void outputThatCannotBeWrittenExitsOneWithAMessage() {
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    var err = new StringWriter();
    int code =
        Id06Command.run(
            new String[] {"id", "inspect", "079190012345"},
            new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8)),
                new PrintWriter(err),
                CliRun.CLOCK,
                Map.of()));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("output could not be written");
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
