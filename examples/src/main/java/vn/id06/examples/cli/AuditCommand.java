package vn.id06.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.AuditEntry;
import vn.id06.core.audit.AuditProblem;
import vn.id06.core.audit.AuditReport;
import vn.id06.core.audit.AuditSearch;
import vn.id06.core.audit.AuditVerifier;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.LegacyId;
import vn.id06.testkit.gateway.SimulatorAuditKeys;

/**
 * {@code id06 audit verify FILE...} and {@code id06 audit show FILE... --subject ID}: check an
 * audit trail written with {@code --audit}, and answer "who looked this citizen up?".
 */
@Command(
    name = "audit",
    description = "The audit trail that gateway commands write with --audit FILE.",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand implements Callable<Integer> {
  private final CliContext context;

  AuditCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .err()
        .println("id06: usage: `id06 audit verify FILE...` or `id06 audit show FILE --subject ID`");
    return ExitCode.BAD_INPUT.code();
  }

  /** The first problem, as printed. */
  record ProblemOutput(String file, long line, AuditProblem.Kind kind, String detail) {
    static Optional<ProblemOutput> of(AuditReport report) {
      return report
          .problem()
          .map(p -> new ProblemOutput(p.file().toString(), p.line(), p.kind(), p.detail()));
    }
  }

  /** {@code audit verify}'s result. */
  record VerifyOutput(
      boolean ok,
      int files,
      long records,
      long events,
      long checkpoints,
      long unsealed,
      String keys,
      Optional<ProblemOutput> problem) {}

  /** One record of {@code audit show}. */
  record EntryOutput(
      Instant time,
      String operation,
      String agency,
      String officer,
      String procedure,
      String purpose,
      String outcome,
      String requestId,
      String file,
      long line) {
    static EntryOutput of(AuditEntry e) {
      return new EntryOutput(
          e.time(),
          e.operation(),
          e.agencyCode(),
          e.officerCode(),
          e.procedureCode(),
          e.purpose(),
          e.outcome().name(),
          e.requestId(),
          e.file().toString(),
          e.line());
    }
  }

  /** {@code audit show}'s result. */
  record ShowOutput(
      boolean ok,
      long records,
      String keys,
      List<EntryOutput> entries,
      Optional<ProblemOutput> problem) {}

  /** The options both subcommands share: the files and where the keys are. */
  abstract static class TrailCommand extends Id06Subcommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Trail files, oldest first.")
    List<Path> files;

    @Option(
        names = "--audit-keys",
        paramLabel = "DIR",
        description =
            "The trail's keys (ID06_AUDIT_KEYS); default: the simulator's throwaway keys, if the"
                + " trail is signed with them.")
    Path keys;

    @Option(
        names = "--simulator-state",
        paramLabel = "DIR",
        description = "The simulator's state folder (ID06_SIMULATOR_STATE).")
    Path simulatorState;

    List<Path> files() {
      if (files.size() > 10_000) {
        throw new InvalidInputException("file", InputReason.TOO_LONG, "at most 10000 files");
      }
      List<Path> out = new ArrayList<>();
      for (Path f : files) {
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
          throw new InvalidInputException("file", InputReason.EMPTY, "not a readable file");
        }
        out.add(f);
      }
      return out;
    }

    AuditKeyFolder folder(CliContext context) {
      Optional<Path> dir =
          Optional.ofNullable(keys).or(() -> context.env("ID06_AUDIT_KEYS").map(Path::of));
      if (dir.isPresent()) {
        return AuditKeyFolder.of(dir.get(), context, false);
      }
      Path throwaway =
          SimulatorCommand.stateFolder(context, simulatorState).resolve(SimulatorAuditKeys.FOLDER);
      if (Files.isRegularFile(throwaway.resolve(AuditKeyFolder.SIGNING_PEM))) {
        return AuditKeyFolder.of(throwaway, context, true);
      }
      throw keysRequired();
    }

    static InvalidInputException keysRequired() {
      return new InvalidInputException(
          "auditKeys",
          InputReason.EMPTY,
          "--audit-keys DIR or ID06_AUDIT_KEYS is required (the simulator's throwaway keys did"
              + " not sign this trail)");
    }

    /** A trail that names another key than the simulator's throwaway one needs its own keys. */
    static void requireOwnKeys(AuditKeyFolder folder, AuditReport report) {
      if (folder.throwaway()
          && report.records() == 0
          && report.problem().map(p -> p.kind() == AuditProblem.Kind.WRONG_KEY).orElse(false)) {
        throw keysRequired();
      }
    }
  }

  /** {@code id06 audit verify FILE...}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verifies an audit trail: hash chain, order, checkpoint signatures, links between rotated"
            + " files.",
        "Prints {ok, files, records, events, checkpoints, unsealed, keys, problem: {file, line,"
            + " kind, detail}}. Exits 4 naming the first bad line."
      })
  static final class Verify extends TrailCommand {
    @Override
    protected CommandOutput run(CliContext context) {
      List<Path> trail = files();
      AuditKeyFolder folder = folder(context);
      PublicKey key = folder.publicKey();
      AuditReport report = AuditVerifier.of(key).verify(trail);
      requireOwnKeys(folder, report);
      CommandOutput out =
          CommandOutput.of(
              new VerifyOutput(
                  report.ok(),
                  trail.size(),
                  report.records(),
                  report.events(),
                  report.checkpoints(),
                  report.unsealed(),
                  folder.throwaway() ? "simulator" : "folder",
                  ProblemOutput.of(report)));
      return report.ok() ? out : out.withExit(ExitCode.SECURITY);
    }
  }

  /** {@code id06 audit show FILE... --subject ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Who looked this citizen up? Verifies the trail and prints each record about the subject:"
            + " time, operation, agency, officer, procedure, purpose, outcome.",
        "Prints {ok, records, keys, entries: [...], problem}. Needs the trail's HMAC key. Exits 4"
            + " when the trail does not verify (entries then come from the lines before the"
            + " problem)."
      })
  static final class Show extends TrailCommand {
    @Option(
        names = "--subject",
        paramLabel = "ID",
        required = true,
        description = "The citizen's 12-digit ID (or old 9-digit ID).")
    String subject;

    @Override
    protected CommandOutput run(CliContext context) {
      String id =
          subject.strip().length() == 9
              ? LegacyId.parse(subject.strip()).value()
              : CitizenId.parse(subject.strip()).value();
      List<Path> trail = files();
      AuditKeyFolder folder = folder(context);
      AuditSearch found = AuditVerifier.of(folder.publicKey()).find(trail, folder.hasher(), id);
      AuditReport report = found.report();
      requireOwnKeys(folder, report);
      CommandOutput out =
          CommandOutput.of(
              new ShowOutput(
                  report.ok(),
                  report.records(),
                  folder.throwaway() ? "simulator" : "folder",
                  found.entries().stream().map(EntryOutput::of).toList(),
                  ProblemOutput.of(report)));
      return report.ok() ? out : out.withExit(ExitCode.SECURITY);
    }
  }
}
