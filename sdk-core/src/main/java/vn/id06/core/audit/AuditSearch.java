package vn.id06.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditVerifier#find} found: the events about one subject, read from the part of the
 * trail that verified, and the verification report. When {@code report.ok()} is false, the entries
 * come from the lines before the first problem only, and later lines may hold more.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the verification of the trail
 * @param entries the subject's events, in trail order
 */
public record AuditSearch(AuditReport report, List<AuditEntry> entries) {

  /**
   * Copies the entries.
   *
   * @param report the report
   * @param entries the entries
   */
  public AuditSearch {
    Objects.requireNonNull(report, "report");
    entries = List.copyOf(entries);
  }
}
