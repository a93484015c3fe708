package vn.id06.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.id06.core.Id06Exception;
import vn.id06.core.InvalidInputException;

/**
 * The {@code id06} command line: the project's outside contract (DESIGN.md, "The command line").
 *
 * <p>Machine commands print only JSON on stdout; messages go to stderr and never echo personal
 * data. Exit codes: 0 done, 1 internal error, 2 bad input or usage, 3 gateway or transport failure,
 * 4 security failure.
 *
 * <p>Thread-safe: {@link #run} shares nothing between calls, so concurrent runs in one JVM are
 * independent.
 */
@Command(
    name = "id06",
    mixinStandardHelpOptions = true,
    versionProvider = Id06Command.Version.class,
    description = "id06: citizen data, card QR and Project 06 gateway tools.",
    subcommands = {
      DemoCommand.class,
      IdCommand.class,
      QrCommand.class,
      // Gateway (issue 9):
      SimulatorCommand.class,
      GatewayCommands.Verify.class,
      GatewayCommands.Lookup.class,
      GatewayCommands.HealthInsurance.class
    })
public final class Id06Command implements Callable<Integer> {

  /** Exit status: done; a mismatch or an invalid-but-well-formed ID is a result, not an error. */
  public static final int EXIT_OK = 0;

  /** Exit status: internal error or failed build. */
  public static final int EXIT_INTERNAL = 1;

  /** Exit status: bad input or usage. */
  public static final int EXIT_BAD_INPUT = 2;

  private final CliContext context;

  Id06Command(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // No subcommand: a usage error, with the list of commands.
    context.err().println("id06: usage: a command is required");
    new CommandLine(this).usage(context.err());
    return EXIT_BAD_INPUT;
  }

  /**
   * Runs the command line with the process's streams, as UTF-8 whatever the platform default.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    var out =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            true);
    var err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int code = run(args, System.in, out, err, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line and returns its exit status; the entry point for tests and embedding.
   *
   * @param args the arguments
   * @param in standard input (read as bytes)
   * @param out standard output (JSON for machine commands)
   * @param err standard error (progress and messages)
   * @param clock the clock for "today" (birth years in the future, card validity)
   * @return the exit status
   */
  public static int run(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {
    var context = new CliContext(in, out, err, clock);
    var cli = new CommandLine(new Id06Command(context), new ContextFactory(context));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, ignoredArgs) -> {
          // picocli's own messages can quote the offending argument: describe it without the value.
          err.println("id06: usage: " + UsageMessages.describe(ex));
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, ignoredCmd, ignoredResult) -> {
          if (ex instanceof InvalidInputException bad) {
            err.println("id06: bad input: " + bad.getMessage());
            return EXIT_BAD_INPUT;
          }
          if (ex instanceof CommandLine.ParameterException usage) {
            err.println("id06: usage: " + UsageMessages.describe(usage));
            return EXIT_BAD_INPUT;
          }
          if (ex instanceof Id06Exception known) {
            err.println("id06: error: " + known.getMessage());
            return EXIT_INTERNAL;
          }
          // Unexpected: name the type only; a message could carry input.
          err.println("id06: internal error: " + ex.getClass().getName());
          return EXIT_INTERNAL;
        });
    return cli.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Id06Command.class.getPackage().getImplementationVersion();
      return new String[] {"id06 " + (v == null ? "development build" : v)};
    }
  }

  /** Hands each command the run's context. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Id06Command.class) {
        return type.cast(new Id06Command(context));
      }
      try {
        var ctor = type.getDeclaredConstructor(CliContext.class);
        return ctor.newInstance(context);
      } catch (NoSuchMethodException notAContextCommand) {
        return fallback.create(type);
      }
    }
  }
}
