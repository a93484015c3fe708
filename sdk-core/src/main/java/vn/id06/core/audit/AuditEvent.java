package vn.id06.core.audit;

import java.time.Instant;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * One audited access to a citizen's data: when, which operation, who and why (the operator
 * context), about whom (the subject's ID as a keyed hash from {@link SubjectHasher}, never the ID),
 * how it ended, after how many attempts, under which request id.
 *
 * <p>{@link #toString()} prints the operator context without the officer's personal data and only a
 * prefix of the subject hash.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when the call ended
 * @param operation the operation, e.g. {@code verify}, {@code verify-batch}, {@code lookup}, {@code
 *     health-insurance}, {@code health-insurance-check}
 * @param operator who called and why
 * @param subjectHash the subject's ID as 64 lowercase hex digits of HMAC-SHA256, or "" when the
 *     call had no single subject
 * @param outcome how the call ended
 * @param attempts how many attempts were made (0 when refused before sending)
 * @param requestId the caller's request id, or ""
 */
public record AuditEvent(
    Instant time,
    String operation,
    OperatorContext operator,
    String subjectHash,
    AuditOutcome outcome,
    int attempts,
    String requestId) {

  /** The longest operation name or request id. */
  public static final int MAX_TOKEN = 128;

  /**
   * Validates the event.
   *
   * @param time when
   * @param operation the operation
   * @param operator who and why
   * @param subjectHash the keyed hash or ""
   * @param outcome the outcome
   * @param attempts the attempt count
   * @param requestId the request id or ""
   * @throws InvalidInputException when a field is malformed
   */
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(outcome, "outcome");
    operation = token("operation", operation, false);
    requestId = token("requestId", requestId, true);
    subjectHash = Objects.requireNonNullElse(subjectHash, "");
    if (!subjectHash.isEmpty() && !SubjectHasher.isHash(subjectHash)) {
      throw new InvalidInputException(
          "subjectHash", InputReason.MALFORMED, "64 lowercase hexadecimal digits expected");
    }
    if (attempts < 0 || attempts > 1000) {
      throw new InvalidInputException("attempts", InputReason.MALFORMED, "0 to 1000");
    }
  }

  private static String token(String field, String value, boolean mayBeEmpty) {
    String v = Objects.requireNonNullElse(value, "");
    if (v.isEmpty() && !mayBeEmpty) {
      throw new InvalidInputException(field, InputReason.EMPTY, "required");
    }
    if (v.length() > MAX_TOKEN) {
      throw new InvalidInputException(
          field, InputReason.TOO_LONG, "at most " + MAX_TOKEN + " characters");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new InvalidInputException(field, InputReason.MALFORMED, "printable ASCII expected");
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "AuditEvent[time="
        + time
        + ", operation="
        + operation
        + ", operator="
        + operator
        + ", subjectHash="
        + (subjectHash.isEmpty() ? "" : subjectHash.substring(0, 8) + "...")
        + ", outcome="
        + outcome
        + ", attempts="
        + attempts
        + ", requestId="
        + requestId
        + "]";
  }
}
