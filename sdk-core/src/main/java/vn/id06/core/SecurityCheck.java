package vn.id06.core;

/**
 * The security checks id06 makes; a {@link VerificationException} names the one that failed.
 *
 * <p>Immutable and thread-safe.
 */
public enum SecurityCheck {
  /** The gateway's detached JWS over the response body (RFC 7797). */
  RESPONSE_SIGNATURE,
  /** The response belongs to this request (request id and time bound into its signature). */
  REQUEST_BINDING,
  /** The access token or its issuer. */
  TOKEN,
  /** The TLS peer: certificate chain, host name, pinned CA. */
  TLS,
  /** ICAO 9303 passive authentication: data-group hashes, SOD signature, certificate chain. */
  PASSIVE_AUTHENTICATION,
  /** ICAO 9303 chip authentication (DG14). */
  CHIP_AUTHENTICATION,
  /** ICAO 9303 active authentication (DG15). */
  ACTIVE_AUTHENTICATION,
  /** Secure messaging with the chip: a response MAC that does not verify. */
  SECURE_MESSAGING,
  /** The seal over an e-form's locked fields. */
  SEAL,
  /** The hash chain or checkpoint signature of an audit trail. */
  AUDIT_CHAIN
}
