package vn.id06.core.citizen;

import java.time.Instant;
import java.util.Objects;

/**
 * Read from the QR code printed on a card: unsigned, so {@link ProofLevel#CARD_QR}. Immutable and
 * thread-safe.
 *
 * @param obtainedAt when the QR was read
 */
public record CardQrProvenance(Instant obtainedAt) implements Provenance {
  /** Checks the component. */
  public CardQrProvenance {
    Objects.requireNonNull(obtainedAt, "obtainedAt");
  }

  @Override
  public ProofLevel level() {
    return ProofLevel.CARD_QR;
  }

  @Override
  public String source() {
    return "card-qr";
  }
}
