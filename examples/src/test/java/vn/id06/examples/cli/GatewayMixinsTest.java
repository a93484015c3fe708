package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options the gateway commands share: {@code --gateway} and the operator context. */
class GatewayMixinsTest {
  private static final String OFFICER_NAME = "Lê Thị Cán Bộ";
  private static final String OFFICER_ID = "001190009999";

  @Command(name = "gw")
  static final class GatewayLike extends Id06Subcommand {
    @Mixin GatewayOptions gateway;
    @Mixin OperatorOptions operator;

    @Override
    protected CommandOutput run(CliContext context) {
      var result = new LinkedHashMap<String, Object>();
      gateway.uri().ifPresent(u -> result.put("gateway", u.toString()));
      operator
          .resolve(context)
          .ifPresent(
              o -> {
                result.put("agency", o.agencyCode());
                result.put("officer", o.officerCode());
                result.put("procedure", o.procedureCode());
                result.put("purpose", o.purpose());
                result.put("officerName", !o.officerName().isEmpty());
                result.put("officerId", !o.officerId().isEmpty());
                result.put("toString", o.toString());
              });
      return CommandOutput.of(result);
    }
  }

  private record Run(int code, JsonNode json, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) throws Exception {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        Id06Command.run(
            new GatewayLike(),
            args,
            new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err),
                CliRun.CLOCK,
                env));
    JsonNode json = out.toString().isEmpty() ? null : new ObjectMapper().readTree(out.toString());
    return new Run(code, json, out.toString(), err.toString());
  }

  @Test
  void operatorFromFlags() throws Exception {
    var run =
        run(
            Map.of(),
            "--agency",
            "H52",
            "--officer",
            "cb01",
            "--procedure",
            "1.001",
            "--purpose",
            "check-in",
            "--officer-name",
            OFFICER_NAME,
            "--officer-id",
            OFFICER_ID);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().get("agency").asText()).isEqualTo("H52");
    assertThat(run.json().get("officer").asText()).isEqualTo("cb01");
    assertThat(run.json().get("procedure").asText()).isEqualTo("1.001");
    assertThat(run.json().get("purpose").asText()).isEqualTo("check-in");
    assertThat(run.json().get("officerName").asBoolean()).isTrue();
    assertThat(run.json().get("officerId").asBoolean()).isTrue();
    assertThat(run.json().get("toString").asText())
        .doesNotContain(OFFICER_NAME)
        .doesNotContain(OFFICER_ID);
  }

  @Test
  void operatorFromTheEnvironmentAndFlagsWin() throws Exception {
    Map<String, String> env =
        Map.of(
            "ID06_AGENCY", "H52",
            "ID06_OFFICER", "cb01",
            "ID06_PROCEDURE", "1.001",
            "ID06_PURPOSE", "check-in",
            "ID06_OFFICER_NAME", OFFICER_NAME,
            "ID06_OFFICER_ID", "");
    var run = run(env, "--officer", "cb02");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().get("agency").asText()).isEqualTo("H52");
    assertThat(run.json().get("officer").asText()).isEqualTo("cb02");
    assertThat(run.json().get("officerName").asBoolean()).isTrue();
    assertThat(run.json().get("officerId").asBoolean()).as("empty counts as unset").isFalse();
  }

  @Test
  void noOperatorAtAllIsAbsentNotAnError() throws Exception {
    var run = run(Map.of());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("{}\n");
  }

  @Test
  void aPartialOperatorIsBadInputNamingWhatIsMissingNeverTheValues() throws Exception {
    var run =
        run(
            Map.of("ID06_OFFICER_ID", OFFICER_ID),
            "--agency",
            "H52",
            "--officer-name",
            OFFICER_NAME);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("--officer/ID06_OFFICER")
        .contains("--procedure/ID06_PROCEDURE")
        .contains("--purpose/ID06_PURPOSE")
        .doesNotContain("--agency/")
        .doesNotContain(OFFICER_NAME)
        .doesNotContain(OFFICER_ID);
  }

  @Test
  void aMalformedOfficerIdIsBadInputWithoutItsValue() throws Exception {
    var run =
        run(
            Map.of(),
            "--agency",
            "H52",
            "--officer",
            "cb01",
            "--procedure",
            "1.001",
            "--purpose",
            "check-in",
            "--officer-id",
            "00119000999X");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("officerId").doesNotContain("00119000999X");
  }

  @Test
  void gatewayUrl() throws Exception {
    var ok = run(Map.of(), "--gateway", "https://gw.example.test:8443/api");
    assertThat(ok.code()).isZero();
    assertThat(ok.json().get("gateway").asText()).isEqualTo("https://gw.example.test:8443/api");

    for (String bad : new String[] {"ftp://gw.example.test", "gw.example.test", "http://", "::"}) {
      var run = run(Map.of(), "--gateway", bad);
      assertThat(run.code()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).contains("gatewayUrl");
    }
  }
}
