package vn.id06.core.citizen;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a citizen record came from: proof level, source, time and, for gateway answers, the request
 * id (mã yêu cầu). Holds no personal data. Immutable and thread-safe.
 *
 * @param level how strong the source is
 * @param source a short name of the source, e.g. "card-qr", "chip", "gateway"
 * @param obtainedAt when the data was obtained
 * @param requestId the gateway request id, if any
 */
public record Provenance(
    ProofLevel level, String source, Instant obtainedAt, Optional<String> requestId) {

  /** Source name used by {@link #cardQr(Instant)}. */
  private static final String CARD_QR_SOURCE = "card-qr";

  /** Source name used by {@link #selfDeclared(Instant)}. */
  private static final String SELF_DECLARED_SOURCE = "self-declared";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   */
  public Provenance {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(obtainedAt, "obtainedAt");
    Objects.requireNonNull(requestId, "requestId");
  }

  /**
   * Data read from the card's QR code.
   *
   * @param obtainedAt when the QR was read
   * @return the provenance
   */
  public static Provenance cardQr(Instant obtainedAt) {
    return new Provenance(ProofLevel.CARD_QR, CARD_QR_SOURCE, obtainedAt, Optional.empty());
  }

  /**
   * Data declared by the citizen.
   *
   * @param obtainedAt when it was declared
   * @return the provenance
   */
  public static Provenance selfDeclared(Instant obtainedAt) {
    return new Provenance(
        ProofLevel.SELF_DECLARED, SELF_DECLARED_SOURCE, obtainedAt, Optional.empty());
  }
}
