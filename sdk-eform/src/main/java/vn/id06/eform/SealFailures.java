package vn.id06.eform;

import vn.id06.core.Id06Exception;

/** The security failures of seal verification (each names the seal, never a value). */
final class SealFailures {
  private SealFailures() {}

  static Id06Exception notOurs() {
    return new Id06Exception("seal: the seal was not made with this portal's key");
  }

  static Id06Exception otherForm() {
    return new Id06Exception("seal: the seal is for another form or form version");
  }

  static Id06Exception unreadable() {
    return new Id06Exception("seal: the signed payload is unreadable");
  }
}
