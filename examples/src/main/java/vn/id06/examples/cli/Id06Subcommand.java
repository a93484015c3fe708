package vn.id06.examples.cli;

import java.util.concurrent.Callable;

/**
 * Base of every {@code id06} command: implement {@link #run} and return a {@link CommandOutput};
 * the base prints it (one serialisation, one write) and ends with its exit status.
 *
 * <pre>{@code
 * @Command(name = "verify", mixinStandardHelpOptions = true, description = "...")
 * final class VerifyCommand extends Id06Subcommand {
 *   @Mixin GatewayUrlOption gateway;      // --gateway URL
 *   @Mixin OperatorOptions operator;      // --agency ... or ID06_* variables
 *
 *   @Override
 *   protected CommandOutput run(CliContext context) {
 *     OperatorContext who = operator.resolve(context);
 *     ...
 *     return CommandOutput.of(result);
 *   }
 * }
 * }</pre>
 *
 * Register it with one line in {@link Id06Command}'s {@code subcommands}. Throw id06's exceptions
 * for failures ({@link ExitCode#of} maps them); never print to {@code context.out()} yourself.
 * Progress goes to {@code context.err()}, never with personal data. A subclass needs a no-argument
 * constructor; the command line hands it the run's {@link CliContext}.
 *
 * <p>Not thread-safe: picocli makes one instance per run.
 */
public abstract class Id06Subcommand implements Callable<Integer> {
  private CliContext context;

  /** For subclasses. */
  protected Id06Subcommand() {}

  /**
   * Does the command's work.
   *
   * @param context the run's streams, clock and environment
   * @return the result to print and the exit status
   * @throws Exception a failure, mapped to an exit status by {@link ExitCode#of}
   */
  protected abstract CommandOutput run(CliContext context) throws Exception;

  final void bind(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() throws Exception {
    if (context == null) {
      throw new IllegalStateException("command created outside Id06Command.run");
    }
    CommandOutput output = run(context);
    String document = output.render(); // whole document first: a failure here prints nothing
    context.out().print(document);
    context.out().flush();
    if (output.continuation() != null) {
      return output.continuation().run().code();
    }
    return output.exit().code();
  }
}
