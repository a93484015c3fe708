package vn.id06.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the command line works with: its streams, its clock and its environment. Tests
 * pass their own; {@link Id06Command#main} passes the process's.
 *
 * <p>Immutable (the streams are shared, not copied); one per run.
 *
 * @param in standard input, read as bytes
 * @param out standard output: commands never write it themselves, they return a {@link
 *     CommandOutput}
 * @param err standard error: progress and messages, never personal data
 * @param clock the clock for "today" (a birth date in the future, card validity)
 * @param environment the environment variables ({@code ID06_AGENCY} and the others)
 */
public record CliContext(
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Clock clock,
    Map<String, String> environment) {

  /** Copies the environment. */
  public CliContext {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
    environment = Map.copyOf(environment);
  }

  /**
   * Returns an environment variable, absent when unset or empty.
   *
   * @param name the variable's name
   * @return its value
   */
  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    // The environment may hold the officer's name and ID number.
    return "CliContext[clock=" + clock + ", " + environment.size() + " environment variables]";
  }
}
