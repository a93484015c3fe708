package vn.id06.core.audit;

import java.util.Optional;

/**
 * What {@link AuditVerifier} found: counts of the records it checked, how many records follow the
 * last checkpoint, and the first problem, if any.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records lines checked up to the first problem (all, when there is none)
 * @param events event records among them
 * @param checkpoints checkpoints among them
 * @param unsealed records after the last checkpoint (a partial last line counts as one)
 * @param problem the first problem, if any
 */
public record AuditReport(
    long records, long events, long checkpoints, long unsealed, Optional<AuditProblem> problem) {

  /**
   * Returns whether the trail verified.
   *
   * @return {@code true} when there is no problem
   */
  public boolean ok() {
    return problem.isEmpty();
  }
}
