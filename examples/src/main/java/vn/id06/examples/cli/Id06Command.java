package vn.id06.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code id06} command line: the project's outside contract.
 *
 * <p>Machine commands print only JSON on stdout; messages go to stderr and never echo personal
 * data. Exit codes: {@link ExitCode}. A command extends {@link Id06Subcommand} and returns a {@link
 * CommandOutput}; register it with one line in {@code subcommands} below. {@code docs/CLI.md} is
 * the user's copy of the contract.
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
      // One line per command; keep each on its own line.
      DemoCommand.class,
      IdCommand.class,
      QrCommand.class,
      AddressCommand.class,
      CardCommand.class,
      PrefillCommand.class,
      SimulatorCommand.class,
      GatewayCommands.Verify.class,
      GatewayCommands.Lookup.class,
      GatewayCommands.HealthInsurance.class,
      AuditCommand.class,
    })
public final class Id06Command implements Callable<Integer> {

  /** Exit status: done; a mismatch or an invalid-but-well-formed ID is a result, not an error. */
  public static final int EXIT_OK = ExitCode.OK.code();

  /** Exit status: internal error or failed build. */
  public static final int EXIT_INTERNAL = ExitCode.INTERNAL.code();

  /** Exit status: bad input or usage. */
  public static final int EXIT_BAD_INPUT = ExitCode.BAD_INPUT.code();

  /**
   * Arguments accepted at most, counted before parsing: the longest command line the contract knows
   * is a few dozen arguments, and picocli's handling of unmatched arguments grows with the square
   * of their number (40,000 took 8 s).
   */
  static final int MAX_ARGUMENTS = 1000;

  private final CliContext context;

  Id06Command(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // No subcommand: a usage error, with the list of commands.
    context.err().println("id06: usage: a command is required");
    // The factory that gives commands their context: the default one cannot build them.
    new CommandLine(this, new ContextFactory(context)).usage(context.err());
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
            false);
    var err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    var context =
        new CliContext(
            System.in, out, err, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")), System.getenv());
    int code = run(args, context);
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line with an empty environment and returns its exit status.
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
    return run(args, new CliContext(in, out, err, clock, Map.of()));
  }

  /**
   * Runs one command line and returns its exit status; the entry point for tests and embedding.
   * Output that cannot be written (a full disk, a closed stream) ends with exit 1 and a message on
   * stderr, never with a success.
   *
   * @param args the arguments
   * @param context the streams, clock and environment of the run
   * @return the exit status
   */
  public static int run(String[] args, CliContext context) {
    return run(new Id06Command(context), args, context);
  }

  /** {@link #run(String[], CliContext)} with another root command (tests use their own). */
  static int run(Object root, String[] args, CliContext context) {
    PrintWriter err = context.err();
    int code;
    if (args.length > MAX_ARGUMENTS) {
      err.println("id06: usage: more than " + MAX_ARGUMENTS + " arguments; see --help");
      code = EXIT_BAD_INPUT;
    } else {
      code = execute(root, args, context);
    }
    // PrintWriter swallows I/O errors: ask it. Flushing here also writes what is still buffered.
    if (context.out().checkError()) {
      err.println("id06: internal error: the output could not be written (stdout closed or full)");
      code = EXIT_INTERNAL;
    }
    err.flush();
    return code;
  }

  private static int execute(Object root, String[] args, CliContext context) {
    if (root instanceof Id06Subcommand command) {
      command.bind(context);
    }
    PrintWriter err = context.err();
    var cli = new CommandLine(root, new ContextFactory(context));
    cli.setOut(context.out());
    cli.setErr(err);
    // "@file" would read arguments from any file the caller names, and the errors would tell
    // whether it exists.
    cli.setExpandAtFiles(false);
    cli.setParameterExceptionHandler(
        (ex, ignoredArgs) -> {
          // picocli's own messages can quote the offending argument: describe it without the value.
          err.println(ExitCode.message(ex));
          return ExitCode.of(ex).code();
        });
    cli.setExecutionExceptionHandler(
        (ex, ignoredCmd, ignoredResult) -> {
          err.println(ExitCode.message(ex));
          return ExitCode.of(ex).code();
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
      K made;
      try {
        var ctor = type.getDeclaredConstructor(CliContext.class);
        made = ctor.newInstance(context);
      } catch (NoSuchMethodException notAContextCommand) {
        made = fallback.create(type);
      }
      if (made instanceof Id06Subcommand command) {
        command.bind(context);
      }
      return made;
    }
  }
}
