package vn.id06.cardreader;

import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;

/**
 * The one place that turns the reader's failures into id06's exception tree, so that each kind of
 * failure maps to one exception type. Messages never hold card data. Stateless.
 */
final class Errors {
  private Errors() {}

  /** The card refused the access data (wrong birth date, expiry or CAN). */
  static Id06Exception accessRefused(String detail) {
    return new InvalidInputException("accessData", InputReason.ACCESS_REFUSED, detail);
  }

  /** Whether an exception is the access-refused error. */
  static boolean isAccessRefused(Id06Exception e) {
    return e instanceof InvalidInputException iie && "accessData".equals(iie.field());
  }

  /** A file or structure from the card, or given by the caller, is malformed. */
  static Id06Exception malformed(String what, String detail) {
    return new InvalidInputException(what, InputReason.MALFORMED, detail);
  }

  /**
   * The card does not offer what the reader needs (no eMRTD application, a CAN without PACE): bad
   * input in the sense that this card cannot be read with this access data.
   */
  static Id06Exception unsupported(String detail) {
    return new InvalidInputException(
        "card", InputReason.UNRECOGNISED_FORMAT, "unsupported card: " + detail);
  }

  /** The card was removed or stopped answering. */
  static Id06Exception cardRemoved(String detail, Throwable cause) {
    return new UnavailableException(
        UnavailableException.Kind.CARD_REMOVED, 1, "card removed: " + detail, cause);
  }

  /** The reader (PC/SC) failed. */
  static Id06Exception readerFailure(String detail, Throwable cause) {
    return new UnavailableException(
        UnavailableException.Kind.READER_FAILURE, 1, "reader failure: " + detail, cause);
  }

  /** The read took longer than the configured deadline. */
  static Id06Exception timeout(String detail) {
    return new UnavailableException(
        UnavailableException.Kind.TIMEOUT, 1, "timeout: " + detail, null);
  }

  /** Secure messaging broke: a wrong MAC, a malformed protected response, an oversized answer. */
  static Id06Exception secureMessaging(String detail) {
    return new VerificationException(SecurityCheck.SECURE_MESSAGING, "secure messaging: " + detail);
  }

  /** The card answered a status word the protocol does not allow here. */
  static Id06Exception unexpectedStatus(String step, int sw) {
    return new VerificationException(
        SecurityCheck.SECURE_MESSAGING,
        "unexpected status " + String.format("%04X", sw) + " from the card at " + step);
  }
}
