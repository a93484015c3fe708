package vn.id06.core.citizen;

import java.util.Objects;

/**
 * Whether a gateway answer's signature was verified, and by which key. Holds no personal data.
 * Immutable and thread-safe.
 */
public sealed interface ResponseSignature {

  /**
   * Whether the signature over the answer was verified.
   *
   * @return true for {@link Verified}
   */
  boolean verified();

  /**
   * A signature verified against a configured key.
   *
   * @param keyId the key id ({@code kid}) that verified it
   * @param algorithm the JWS algorithm, e.g. {@code RS256}
   */
  record Verified(String keyId, String algorithm) implements ResponseSignature {
    /** Checks the components. */
    public Verified {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public boolean verified() {
      return true;
    }
  }

  /**
   * No signature was verified.
   *
   * @param reason why, e.g. {@code "profile does not sign"} or {@code "verification disabled"}
   */
  record NotVerified(String reason) implements ResponseSignature {
    /** Checks the component. */
    public NotVerified {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean verified() {
      return false;
    }
  }
}
