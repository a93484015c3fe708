package vn.id06.core.citizen;

import java.time.Instant;
import java.util.Objects;

/**
 * Typed or declared by the citizen: {@link ProofLevel#SELF_DECLARED}. Immutable and thread-safe.
 *
 * @param obtainedAt when it was declared
 */
public record DeclaredProvenance(Instant obtainedAt) implements Provenance {
  /** Checks the component. */
  public DeclaredProvenance {
    Objects.requireNonNull(obtainedAt, "obtainedAt");
  }

  @Override
  public ProofLevel level() {
    return ProofLevel.SELF_DECLARED;
  }

  @Override
  public String source() {
    return "declared";
  }
}
