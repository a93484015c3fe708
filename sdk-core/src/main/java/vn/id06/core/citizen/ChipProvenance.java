package vn.id06.core.citizen;

import java.time.Instant;
import java.util.Objects;

/**
 * Read from the card's chip, with what the read proved (ICAO 9303 part 11): passive authentication
 * (the state's signature over the data), chip authentication (DG14) and active authentication
 * (DG15). Holds no personal data; immutable and thread-safe.
 *
 * @param accessProtocol how the chip was unlocked
 * @param passiveAuthentication the data's hashes and signature chained to a trusted CSCA
 * @param chipAuthentication chip authentication with the DG14 key
 * @param activeAuthentication active authentication with the DG15 key
 * @param obtainedAt when the chip was read
 */
public record ChipProvenance(
    AccessProtocol accessProtocol,
    ProofOutcome passiveAuthentication,
    ProofOutcome chipAuthentication,
    ProofOutcome activeAuthentication,
    Instant obtainedAt)
    implements Provenance {
  /** Checks the components. */
  public ChipProvenance {
    Objects.requireNonNull(accessProtocol, "accessProtocol");
    Objects.requireNonNull(passiveAuthentication, "passiveAuthentication");
    Objects.requireNonNull(chipAuthentication, "chipAuthentication");
    Objects.requireNonNull(activeAuthentication, "activeAuthentication");
    Objects.requireNonNull(obtainedAt, "obtainedAt");
  }

  /**
   * {@link ProofLevel#CHIP_AUTHENTICATED} when passive authentication and chip or active
   * authentication are proven and none failed; {@link ProofLevel#CHIP_PASSIVE_ONLY} when only
   * passive authentication is proven and no chip proof failed; {@link ProofLevel#CHIP_UNVERIFIED}
   * otherwise (a failed chip proof means a clone: the signed data then proves nothing about who
   * holds the card).
   */
  @Override
  public ProofLevel level() {
    if (passiveAuthentication != ProofOutcome.PROVEN
        || chipAuthentication == ProofOutcome.FAILED
        || activeAuthentication == ProofOutcome.FAILED) {
      return ProofLevel.CHIP_UNVERIFIED;
    }
    if (chipAuthentication == ProofOutcome.PROVEN || activeAuthentication == ProofOutcome.PROVEN) {
      return ProofLevel.CHIP_AUTHENTICATED;
    }
    return ProofLevel.CHIP_PASSIVE_ONLY;
  }

  @Override
  public String source() {
    return "chip";
  }
}
