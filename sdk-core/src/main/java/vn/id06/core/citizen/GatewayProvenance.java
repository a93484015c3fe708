package vn.id06.core.citizen;

import java.time.Instant;
import java.util.Objects;

/**
 * Answered by the population database (or the social-insurance gateway) through a connector. {@link
 * ProofLevel#POPULATION_DATABASE} when the answer's signature was verified, {@link
 * ProofLevel#POPULATION_DATABASE_UNVERIFIED} otherwise. Holds no personal data; immutable and
 * thread-safe.
 *
 * @param profile the wire profile: {@code "rest"}, {@code "lgsp"} or {@code "bhxh"}
 * @param requestId the request id the answer was bound to (mã yêu cầu)
 * @param obtainedAt when the answer arrived
 * @param signature what was verified about the answer's signature
 */
public record GatewayProvenance(
    String profile, String requestId, Instant obtainedAt, ResponseSignature signature)
    implements Provenance {
  /** Checks the components. */
  public GatewayProvenance {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(obtainedAt, "obtainedAt");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public ProofLevel level() {
    return signature.verified()
        ? ProofLevel.POPULATION_DATABASE
        : ProofLevel.POPULATION_DATABASE_UNVERIFIED;
  }

  @Override
  public String source() {
    return "gateway";
  }
}
