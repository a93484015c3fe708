package vn.id06.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.OperatorContext;

/**
 * The operator context every gateway call carries (who asks, under which procedure, why): from
 * flags, or else from {@code ID06_*} environment variables. Use it as a picocli mixin
 * ({@code @Mixin OperatorOptions operator;}) and call {@link #resolve(CliContext)}.
 *
 * <table>
 *   <caption>flags and variables</caption>
 *   <tr><th>flag</th><th>variable</th><th>what</th></tr>
 *   <tr><td>--agency</td><td>ID06_AGENCY</td><td>the agency's code</td></tr>
 *   <tr><td>--officer</td><td>ID06_OFFICER</td><td>the officer's code or account</td></tr>
 *   <tr><td>--procedure</td><td>ID06_PROCEDURE</td><td>the administrative procedure's code</td></tr>
 *   <tr><td>--purpose</td><td>ID06_PURPOSE</td><td>why the data is looked up</td></tr>
 *   <tr><td>--officer-name</td><td>ID06_OFFICER_NAME</td><td>the officer's full name</td></tr>
 *   <tr><td>--officer-id</td><td>ID06_OFFICER_ID</td><td>the officer's ID number</td></tr>
 * </table>
 *
 * A flag wins over its variable; an empty variable counts as unset. The officer's name and ID
 * number are personal data: no message, log or {@code toString} shows them, and errors name only
 * the flag and the variable.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
public final class OperatorOptions {
  @Option(names = "--agency", paramLabel = "CODE", description = "Agency code (ID06_AGENCY).")
  String agency;

  @Option(
      names = "--officer",
      paramLabel = "CODE",
      description = "Officer code or account (ID06_OFFICER).")
  String officer;

  @Option(
      names = "--procedure",
      paramLabel = "CODE",
      description = "Administrative procedure code (ID06_PROCEDURE).")
  String procedure;

  @Option(
      names = "--purpose",
      paramLabel = "TEXT",
      description = "Why the data is looked up (ID06_PURPOSE).")
  String purpose;

  @Option(
      names = "--officer-name",
      paramLabel = "NAME",
      description = "Officer's full name, for gateways that ask for it (ID06_OFFICER_NAME).")
  String officerName;

  @Option(
      names = "--officer-id",
      paramLabel = "ID",
      description = "Officer's ID number, for gateways that ask for it (ID06_OFFICER_ID).")
  String officerId;

  /**
   * Returns the operator from the flags and the run's environment; absent when none of agency,
   * officer, procedure and purpose is given (a command may then use the simulator's demo operator).
   *
   * @param context the run (its environment)
   * @return the operator context
   * @throws InvalidInputException (field {@code operator}) when some of the four are given but not
   *     all, naming the missing flags and variables; or from {@link OperatorContext} when a value
   *     is malformed (naming the field). Never a value in the message.
   */
  public Optional<OperatorContext> resolve(CliContext context) {
    Optional<String> a = pick(agency, context, "ID06_AGENCY");
    Optional<String> o = pick(officer, context, "ID06_OFFICER");
    Optional<String> p = pick(procedure, context, "ID06_PROCEDURE");
    Optional<String> u = pick(purpose, context, "ID06_PURPOSE");
    if (a.isEmpty() && o.isEmpty() && p.isEmpty() && u.isEmpty()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    if (a.isEmpty()) {
      missing.add("--agency/ID06_AGENCY");
    }
    if (o.isEmpty()) {
      missing.add("--officer/ID06_OFFICER");
    }
    if (p.isEmpty()) {
      missing.add("--procedure/ID06_PROCEDURE");
    }
    if (u.isEmpty()) {
      missing.add("--purpose/ID06_PURPOSE");
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "operator", InputReason.EMPTY, "missing " + String.join(", ", missing));
    }
    // OperatorContext checks each value (lengths, no control characters, a 12-digit officer ID) and
    // names only the field when it refuses one.
    return Optional.of(
        new OperatorContext(
            a.orElseThrow(),
            o.orElseThrow(),
            p.orElseThrow(),
            u.orElseThrow(),
            pick(officerName, context, "ID06_OFFICER_NAME").orElse(""),
            pick(officerId, context, "ID06_OFFICER_ID").orElse("")));
  }

  private static Optional<String> pick(String flag, CliContext context, String variable) {
    if (flag != null && !flag.isBlank()) {
      return Optional.of(flag.strip());
    }
    return context.env(variable).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "OperatorOptions[officer name and ID not shown]";
  }
}
