package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.UnavailableException;

/** {@link CommandOutput#serving}: the start line is printed whole before the command serves. */
class ServingOutputTest {
  record Start(String listening) {}

  @Command(name = "serve")
  static final class ServeCommand extends Id06Subcommand {
    @Option(names = "--end")
    String end = "stopped";

    /** What stdout held when the continuation ran. */
    String seenBeforeServing;

    StringWriter out;

    @Override
    protected CommandOutput run(CliContext context) {
      return CommandOutput.serving(
          new Start("127.0.0.1:1"),
          () -> {
            seenBeforeServing = out.toString();
            return switch (end) {
              case "stopped" -> ExitCode.OK;
              case "lost" ->
                  throw new UnavailableException(
                      UnavailableException.Kind.READER_FAILURE, 1, "the driver hung up", null);
              default -> ExitCode.SECURITY;
            };
          });
    }
  }

  private record Run(int code, String out, String err, String seen) {}

  private static Run run(String... args) {
    var command = new ServeCommand();
    command.out = new StringWriter();
    var err = new StringWriter();
    int code =
        Id06Command.run(
            command,
            args,
            new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(command.out),
                new PrintWriter(err),
                CliRun.CLOCK,
                Map.of()));
    return new Run(code, command.out.toString(), err.toString(), command.seenBeforeServing);
  }

  @Test
  void theStartLineIsOutBeforeServingAndTheContinuationGivesTheExit() {
    var stopped = run();
    assertThat(stopped.seen()).isEqualTo("{\"listening\":\"127.0.0.1:1\"}\n");
    assertThat(stopped.out()).isEqualTo(stopped.seen());
    assertThat(stopped.code()).isZero();

    var lost = run("--end", "lost");
    assertThat(lost.code()).isEqualTo(3);
    assertThat(lost.out()).isEqualTo("{\"listening\":\"127.0.0.1:1\"}\n");
    assertThat(lost.err()).startsWith("id06: unavailable: the driver hung up");

    assertThat(run("--end", "other").code()).isEqualTo(4);
  }

  @Test
  void aServingOutputTakesItsExitFromItsContinuationOnly() {
    assertThatThrownBy(
            () -> CommandOutput.serving("x", () -> ExitCode.OK).withExit(ExitCode.SECURITY))
        .isInstanceOf(IllegalStateException.class);
  }
}
