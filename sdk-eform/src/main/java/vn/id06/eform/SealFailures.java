package vn.id06.eform;

import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;

/** The security failures of seal verification (each names the seal, never a value). */
final class SealFailures {
  private SealFailures() {}

  static VerificationException notOurs() {
    return new VerificationException(
        SecurityCheck.SEAL, "seal: the seal was not made with this portal's key");
  }

  static VerificationException otherForm() {
    return new VerificationException(
        SecurityCheck.SEAL, "seal: the seal is for another form or form version");
  }

  static VerificationException unreadable() {
    return new VerificationException(SecurityCheck.SEAL, "seal: the signed payload is unreadable");
  }
}
