package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever arrives on stdin or as an ID, the command line answers with the contract's exit codes
 * only: 0 with one JSON object on stdout, or 2 with a message on stderr and nothing on stdout.
 * Never 1 (an internal error), never a stack trace, never the input echoed on stderr.
 */
class CommandLineProperties {
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  @Property(tries = 300)
  void qrParseAnswersZeroOrTwo(@ForAll("qrLike") String input) {
    var run = CliRun.withInput(input, "qr", "parse");
    assertContract(run, input);
  }

  @Property(tries = 200)
  void qrParseAnswersZeroOrTwoOnRawBytes(@ForAll byte[] input) {
    var run = CliRun.withInput(input, "qr", "parse");
    assertContract(run, new String(input, StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 300)
  void idInspectAnswersZeroOrTwo(@ForAll("idLike") String number) {
    var run = CliRun.of("id", "inspect", number);
    assertContract(run, number);
    if (number.matches("[0-9]{12}")) {
      assertThat(run.exitCode()).isZero();
    }
  }

  private static void assertContract(CliRun run, String input) {
    assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    if (run.exitCode() == 0) {
      // One complete JSON object, nothing after it but the newline.
      JsonNode doc;
      try {
        doc = STRICT.readTree(run.out());
      } catch (JsonProcessingException e) {
        throw new AssertionError("stdout is not one JSON document: " + e.getOriginalMessage(), e);
      }
      assertThat(doc.isObject()).isTrue();
      assertThat(run.out()).endsWith("}\n");
      assertThat(run.out()).doesNotContainPattern("[\\u0080-\\u009f\\u2028\\u2029]");
    } else {
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("id06: ");
      if (input.strip().length() >= 6) {
        assertThat(run.err()).doesNotContain(input.strip());
      }
    }
  }

  @Provide
  Arbitrary<String> qrLike() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(13),
            Arbitraries.of(
                "079190012345", "Nguyễn Thị Hoà", "Nam", "Nữ", "14031990", "31/02/1990", "$", ""),
            Arbitraries.strings().ofMaxLength(12));
    return field.list().ofMinSize(1).ofMaxSize(12).map(fields -> String.join("|", fields));
  }

  /** Anything but an option: "-h" is help, not an ID. */
  @Provide
  Arbitrary<String> idLike() {
    return Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(14),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(14))
        .filter(s -> !s.startsWith("-"));
  }
}
