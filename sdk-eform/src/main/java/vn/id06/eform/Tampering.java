package vn.id06.eform;

import java.util.Objects;

/**
 * A locked field that a submission does not carry as sealed.
 *
 * <p>Immutable and thread-safe; holds no values.
 *
 * @param field the field's path (its id, or {@code id.province})
 * @param reason what happened to it
 */
public record Tampering(String field, Reason reason) {
  /** What happened to a locked field. */
  public enum Reason {
    /** The value differs from the sealed one. */
    CHANGED,
    /** The sealed value is missing from the submission. */
    REMOVED,
    /** The submission marks a field locked that the prefill did not lock. */
    ADDED
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if either is null
   */
  public Tampering {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }
}
