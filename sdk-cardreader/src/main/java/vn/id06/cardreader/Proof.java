package vn.id06.cardreader;

import java.util.Objects;
import vn.id06.core.citizen.ProofOutcome;

/**
 * What one proof (passive, chip or active authentication) established, with a plain reason such as
 * "data signed by a trusted CSCA" or "the card has no DG15". The reason holds no personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome proven, failed, or not available on this card or with these settings
 * @param reason a plain explanation
 */
public record Proof(ProofOutcome outcome, String reason) {
  /**
   * Creates a proof.
   *
   * @param outcome the outcome
   * @param reason the reason
   */
  public Proof {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  static Proof of(Verdict v) {
    return new Proof(ProofOutcome.valueOf(v.status().name()), v.reason());
  }
}
