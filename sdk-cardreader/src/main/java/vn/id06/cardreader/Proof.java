package vn.id06.cardreader;

import java.util.Objects;

/**
 * What one proof (passive, chip or active authentication) established, with a plain reason such
 * as "data signed by a trusted CSCA" or "the card has no DG15". The reason holds no personal data.
 *
 * @param outcome proven, failed, or not available on this card or with these settings
 * @param reason a plain explanation
 */
public record Proof(Outcome outcome, String reason) {
  /** The outcome of a proof. */
  public enum Outcome {
    /** The proof was carried out and holds. */
    PROVEN,
    /** The proof was carried out and does not hold: treat the data or the chip as not genuine. */
    FAILED,
    /** The proof could not be carried out (no DG14/DG15, no trust anchors): not a failure. */
    NOT_AVAILABLE
  }

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
    return new Proof(Outcome.valueOf(v.status().name()), v.reason());
  }
}
