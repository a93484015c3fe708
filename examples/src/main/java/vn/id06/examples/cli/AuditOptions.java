package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.FileAuditSink;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.testkit.gateway.SimulatorAuditKeys;

/**
 * {@code --audit FILE} ({@code ID06_AUDIT_FILE}) and {@code --audit-keys DIR} ({@code
 * ID06_AUDIT_KEYS}): every gateway call of the run is appended to a tamper-evident trail ({@link
 * FileAuditSink}). The keys come from the folder ({@link AuditKeyFolder}); against the id06
 * simulator on loopback, without a folder, from the simulator's state folder ({@link
 * SimulatorAuditKeys}, throwaway keys); anywhere else they are required. A flag wins over its
 * variable.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
final class AuditOptions {
  @Option(
      names = "--audit",
      paramLabel = "FILE",
      description = "Append each call to this audit trail (ID06_AUDIT_FILE); see docs/AUDIT.md.")
  Path file;

  @Option(
      names = "--audit-keys",
      paramLabel = "DIR",
      description =
          "The trail's keys (ID06_AUDIT_KEYS); not needed against the id06 simulator on loopback.")
  Path keys;

  /**
   * Opens the trail the run asked for; a trail that does nothing when none was.
   *
   * @param context the run (its environment)
   * @param simulator the simulator's start file, when the gateway is the id06 simulator
   * @return the trail, to close after the client
   */
  Trail open(CliContext context, Optional<JsonNode> simulator) {
    Optional<Path> trail =
        Optional.ofNullable(file).or(() -> context.env("ID06_AUDIT_FILE").map(Path::of));
    if (trail.isEmpty()) {
      if (keys != null) {
        throw new InvalidInputException(
            "auditKeys", InputReason.UNKNOWN_VALUE, "--audit-keys needs --audit FILE");
      }
      return new Trail(null, null);
    }
    Path f = trail.get().toAbsolutePath();
    if (Files.exists(f) && !Files.isRegularFile(f)) {
      throw new InvalidInputException("auditFile", InputReason.UNKNOWN_VALUE, "not a file");
    }
    if (!Files.isDirectory(f.getParent())) {
      throw new InvalidInputException("auditFile", InputReason.EMPTY, "its folder does not exist");
    }
    AuditKeyFolder folder = keyFolder(context, simulator);
    if (folder.throwaway()) {
      context
          .err()
          .println(
              "id06: audit: throwaway keys from the simulator's state folder ("
                  + folder.dir()
                  + "): for trying things only");
    }
    SubjectHasher hasher = folder.hasher();
    FileAuditSink sink = FileAuditSink.builder(f, folder.signer(), hasher).build();
    return new Trail(sink, hasher);
  }

  private AuditKeyFolder keyFolder(CliContext context, Optional<JsonNode> simulator) {
    Optional<Path> dir =
        Optional.ofNullable(keys).or(() -> context.env("ID06_AUDIT_KEYS").map(Path::of));
    if (dir.isPresent()) {
      return AuditKeyFolder.of(dir.get(), context, false);
    }
    if (simulator.isPresent()) {
      Path state = Path.of(simulator.get().path("stateDirectory").asText());
      return AuditKeyFolder.of(SimulatorAuditKeys.ensure(state), context, true);
    }
    throw new InvalidInputException(
        "auditKeys",
        InputReason.EMPTY,
        "--audit-keys DIR or ID06_AUDIT_KEYS is required with --audit (throwaway keys exist only"
            + " for the id06 simulator on loopback)");
  }

  /**
   * An open trail, or none. Closing it writes the final checkpoint: close it after the client,
   * which flushes it.
   */
  static final class Trail implements AutoCloseable {
    private final FileAuditSink sink;
    private final SubjectHasher hasher;

    Trail(FileAuditSink sink, SubjectHasher hasher) {
      this.sink = sink;
      this.hasher = hasher;
    }

    /** Audits the client's calls to this trail, if there is one. */
    GatewayClientBuilder configure(GatewayClientBuilder builder) {
      return sink == null ? builder : builder.auditSink(sink).subjectHasher(hasher);
    }

    @Override
    public void close() {
      if (sink != null) {
        sink.close();
      }
    }
  }
}
