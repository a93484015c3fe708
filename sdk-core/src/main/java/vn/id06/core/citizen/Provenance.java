package vn.id06.core.citizen;

import java.time.Instant;

/**
 * Where a value or a record came from, and what was proven about it: one type per source. Holds no
 * personal data.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface Provenance
    permits GatewayProvenance, ChipProvenance, CardQrProvenance, DeclaredProvenance {

  /**
   * How strongly the source proves the data.
   *
   * @return the proof level
   */
  ProofLevel level();

  /**
   * When the data was obtained from the source.
   *
   * @return the instant
   */
  Instant obtainedAt();

  /**
   * A short stable name of the kind of source: {@code "gateway"}, {@code "chip"}, {@code "card-qr"}
   * or {@code "declared"}.
   *
   * @return the source name
   */
  String source();

  /**
   * Data read from the card's QR code.
   *
   * @param obtainedAt when the QR was read
   * @return the provenance
   */
  static Provenance cardQr(Instant obtainedAt) {
    return new CardQrProvenance(obtainedAt);
  }

  /**
   * Data declared by the citizen.
   *
   * @param obtainedAt when it was declared
   * @return the provenance
   */
  static Provenance selfDeclared(Instant obtainedAt) {
    return new DeclaredProvenance(obtainedAt);
  }
}
