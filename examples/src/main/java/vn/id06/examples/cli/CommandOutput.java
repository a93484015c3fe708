package vn.id06.examples.cli;

import java.util.List;
import java.util.Objects;

/**
 * What one command yields: a value to print and the exit status to end with.
 *
 * <p>A command builds its whole result first and returns it; the command line then serialises it
 * once ({@link OutputJson}) into a buffer and writes the buffer, so stdout never holds a truncated
 * object, whatever fails on the way. The value is any object Jackson can serialise: a record of
 * your own (its components become camelCase keys, in order), a {@code Map}, a list. Empty {@code
 * Optional}s and nulls are left out; dates are ISO-8601 ({@code PartialDate} as {@code yyyy},
 * {@code yyyy-MM} or {@code yyyy-MM-dd}); enums by name ({@code Sex} as {@code MALE}/{@code
 * FEMALE}); id06's value types by their value (see {@link OutputJson}).
 *
 * <pre>{@code
 * return CommandOutput.of(new VerifyResult(match, reasons));               // exit 0
 * return CommandOutput.of(partialResult).withExit(ExitCode.SECURITY);      // JSON, then exit 4
 * }</pre>
 *
 * <p>Failures are thrown, not returned: an id06 exception becomes its exit status ({@link
 * ExitCode#of}) and a message on stderr, with nothing on stdout.
 *
 * <p>Immutable and thread-safe if the value is.
 */
public final class CommandOutput {
  private final Body body;
  private final ExitCode exit;
  private final Continuation then;

  private CommandOutput(Body body, ExitCode exit, Continuation then) {
    this.body = body;
    this.exit = exit;
    this.then = then;
  }

  /**
   * What stdout receives, in one of three forms (a serving output is a {@link Json} with a
   * continuation); each renders the whole of it at once. None shows its content in {@code
   * toString}: it may be personal data.
   */
  private sealed interface Body {
    String render();
  }

  /** One JSON document. */
  private record Json(Object value) implements Body {
    @Override
    public String render() {
      return OutputJson.write(value) + "\n";
    }

    @Override
    public String toString() {
      return "Json[" + value.getClass().getSimpleName() + "]"; // the value may be personal data
    }
  }

  /** JSON Lines: one document per value. */
  private record Lines(List<?> values) implements Body {
    @Override
    public String render() {
      StringBuilder b = new StringBuilder();
      for (Object line : values) {
        b.append(OutputJson.write(line)).append('\n');
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return "Lines[" + values.size() + "]";
    }
  }

  /** Text as it is, for the commands that are not machine commands. */
  private record Text(String text) implements Body {
    @Override
    public String render() {
      return text;
    }

    @Override
    public String toString() {
      return "Text[" + text.length() + " characters]";
    }
  }

  /**
   * What a command that keeps running after its result does next (a server that prints where it
   * listens, then serves): it runs after the result is printed and flushed, and returns the exit
   * status. What it throws is mapped like any failure ({@link ExitCode#of}); it never prints to
   * stdout.
   */
  @FunctionalInterface
  public interface Continuation {
    /**
     * Runs after the result is printed.
     *
     * @return the exit status
     * @throws Exception a failure, mapped to an exit status by {@link ExitCode#of}
     */
    ExitCode run() throws Exception;
  }

  /**
   * A JSON result, exit 0.
   *
   * @param value the result; serialised as one JSON document
   * @return the output
   */
  public static CommandOutput of(Object value) {
    return new CommandOutput(new Json(Objects.requireNonNull(value, "value")), ExitCode.OK, null);
  }

  /**
   * A JSON result printed first (one document, e.g. a server's start line), then the work that
   * follows it; the continuation's status is the exit status.
   *
   * <pre>{@code
   * return CommandOutput.serving(startLine, () -> serveUntilStopped());
   * }</pre>
   *
   * @param value the result printed before the continuation runs
   * @param then what runs next
   * @return the output
   */
  public static CommandOutput serving(Object value, Continuation then) {
    return new CommandOutput(
        new Json(Objects.requireNonNull(value, "value")),
        ExitCode.OK,
        Objects.requireNonNull(then, "then"));
  }

  /**
   * JSON Lines, exit 0: one document per value, each on its own line, all rendered before anything
   * is written (for streams of records, such as {@code simulator --dump}).
   *
   * @param values the records, in order
   * @return the output
   */
  public static CommandOutput jsonLines(List<?> values) {
    return new CommandOutput(new Lines(List.copyOf(values)), ExitCode.OK, null);
  }

  /**
   * Human-readable text, exit 0: only for commands that are not machine commands ({@code demo}).
   *
   * @param text the text, printed as it is
   * @return the output
   */
  public static CommandOutput text(String text) {
    return new CommandOutput(new Text(Objects.requireNonNull(text, "text")), ExitCode.OK, null);
  }

  /**
   * The same output ending with another exit status: a proof that fails (4) still prints its
   * result.
   *
   * @param code the exit status
   * @return a new output
   */
  public CommandOutput withExit(ExitCode code) {
    if (then != null) {
      throw new IllegalStateException("a serving output's exit status is its continuation's");
    }
    return new CommandOutput(body, Objects.requireNonNull(code, "code"), null);
  }

  /**
   * Returns the exit status.
   *
   * @return the exit status
   */
  public ExitCode exit() {
    return exit;
  }

  /** What runs after the result is printed, if anything. */
  Continuation continuation() {
    return then;
  }

  /** What stdout receives: the whole document, ending with a newline. */
  String render() {
    return body.render();
  }
}
