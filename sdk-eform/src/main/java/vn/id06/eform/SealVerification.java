package vn.id06.eform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a submission against its seal: the locked fields changed, removed or
 * added. A portal backend refuses a submission that is not {@link #clean()}.
 *
 * <p>Immutable and thread-safe; holds no values.
 *
 * @param formId the form the seal is for
 * @param sealedAt when the seal was made
 * @param tampered the tampered fields, in form order
 */
public record SealVerification(String formId, Instant sealedAt, List<Tampering> tampered) {
  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if any is null
   */
  public SealVerification {
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(sealedAt, "sealedAt");
    tampered = List.copyOf(tampered);
  }

  /**
   * Whether every locked value arrived as sealed and nothing else claims to be locked.
   *
   * @return true if nothing was tampered with
   */
  public boolean clean() {
    return tampered.isEmpty();
  }
}
