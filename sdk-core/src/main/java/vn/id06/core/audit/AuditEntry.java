package vn.id06.core.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of an audit trail, as {@link AuditVerifier#find} reads it back: where it is, when, what
 * was done, by whom and why, and how it ended. The subject is not repeated: the caller asked for
 * it.
 *
 * <p>Immutable and thread-safe. Holds no personal data of the subject; the officer appears by code
 * only, as the trail records it.
 *
 * @param file the file holding the event
 * @param line its line, 1-based
 * @param time when the call ended
 * @param operation e.g. {@code verify}, {@code verify-batch}, {@code lookup}, {@code
 *     health-insurance}, {@code health-insurance-check}
 * @param agencyCode the agency's code (MaDonVi)
 * @param officerCode the officer's code (MaCanBo)
 * @param procedureCode the procedure's code (MaDVC)
 * @param purpose why the data was looked up
 * @param outcome how the call ended
 * @param attempts how many attempts were made
 * @param requestId the request id, or ""
 */
public record AuditEntry(
    Path file,
    long line,
    Instant time,
    String operation,
    String agencyCode,
    String officerCode,
    String procedureCode,
    String purpose,
    AuditOutcome outcome,
    long attempts,
    String requestId) {

  /**
   * Validates the entry.
   *
   * @param file the file
   * @param line the line
   * @param time the time
   * @param operation the operation
   * @param agencyCode the agency
   * @param officerCode the officer
   * @param procedureCode the procedure
   * @param purpose the purpose
   * @param outcome the outcome
   * @param attempts the attempts
   * @param requestId the request id
   */
  public AuditEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(agencyCode, "agencyCode");
    Objects.requireNonNull(officerCode, "officerCode");
    Objects.requireNonNull(procedureCode, "procedureCode");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(requestId, "requestId");
  }
}
