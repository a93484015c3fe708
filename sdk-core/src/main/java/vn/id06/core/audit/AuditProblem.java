package vn.id06.core.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The first thing wrong with an audit trail: which file, which line (1-based), what, and a detail
 * that never quotes the file's content.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file
 * @param line the first bad line, 1-based (one past the end for a missing line)
 * @param kind what is wrong
 * @param detail an explanation without personal data
 */
public record AuditProblem(Path file, long line, Kind kind, String detail) {

  /** What is wrong. */
  public enum Kind {
    /** The file cannot be read, or is empty. */
    UNREADABLE,
    /** A line is longer than the verifier's limit. */
    LINE_TOO_LONG,
    /** The file ends in the middle of a line (a crash while writing, or a cut). */
    INCOMPLETE_LINE,
    /** A line is not a JSON object in UTF-8. */
    NOT_JSON,
    /** A line is JSON but not as the writer writes it (an edit). */
    NOT_CANONICAL,
    /** A field is missing, of the wrong type or out of range (e.g. a hash of the wrong length). */
    BAD_FIELD,
    /** The first record is neither a genesis nor a continuation, or one appears later. */
    BAD_FIRST_RECORD,
    /** A record's sequence number is not the next one (a line removed, inserted or moved). */
    BAD_SEQUENCE,
    /** A line does not hash to what the next line records (an edited line). */
    BROKEN_CHAIN,
    /** The trail names another signing key than the one given to the verifier. */
    WRONG_KEY,
    /** A checkpoint's signature does not verify with the given key. */
    BAD_SIGNATURE,
    /** A file does not continue the one before it. */
    GAP_BETWEEN_FILES,
    /** Records follow the last checkpoint: unsealed (a crash's tail, or a cut). */
    UNSEALED_TAIL,
    /** The last checkpoint is not the closing one: lines may have been cut after it. */
    NOT_CLOSED
  }

  /**
   * Validates the problem.
   *
   * @param file the file
   * @param line the line
   * @param kind the kind
   * @param detail the detail
   */
  public AuditProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
