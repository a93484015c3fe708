package vn.id06.examples.cli;

import picocli.CommandLine;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;

/**
 * The command line's exit statuses, and the one mapping from id06's exception tree to them.
 *
 * <ul>
 *   <li>0 {@link #OK}: done. A mismatch, an unproven card or an invalid-but-well-formed ID is a
 *       result, not an error.
 *   <li>1 {@link #INTERNAL}: a bug, or output that cannot be written. The message says "internal
 *       error" and names only the exception's type: a message could carry input.
 *   <li>2 {@link #BAD_INPUT}: bad input or usage, access data a card refuses included.
 *   <li>3 {@link #UNAVAILABLE}: a gateway or transport failure after retries, a card removed
 *       mid-read, a reader that fails.
 *   <li>4 {@link #SECURITY}: a signature, seal, proof or audit chain that does not verify. A
 *       command with a partial result returns it with this code ({@link CommandOutput#withExit}).
 * </ul>
 *
 * <p>Immutable; safe to share between threads.
 */
public enum ExitCode {
  /** Done. */
  OK(0),
  /** Internal error (a bug) or output that cannot be written. */
  INTERNAL(1),
  /** Bad input or usage. */
  BAD_INPUT(2),
  /** Unavailable: gateway, transport, card or reader, after retries. */
  UNAVAILABLE(3),
  /** Security failure: a signature, seal, proof or audit chain that does not verify. */
  SECURITY(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /**
   * Returns the process exit status.
   *
   * @return 0 to 4
   */
  public int code() {
    return code;
  }

  /**
   * Maps a failure to its exit status: bad input 2, unavailable 3, a failed verification 4,
   * anything else (a bug) 1.
   *
   * @param failure what a command threw
   * @return its exit status
   */
  public static ExitCode of(Throwable failure) {
    if (failure instanceof InvalidInputException
        || failure instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    if (failure instanceof UnavailableException || failure instanceof RemoteRefusalException) {
      // A refusal reaches the command line after the client's own retries: nothing the caller of
      // this command can fix by changing the input.
      return UNAVAILABLE;
    }
    if (failure instanceof VerificationException) {
      return SECURITY;
    }
    return INTERNAL;
  }

  /**
   * The one-line message for stderr: never personal data. id06's own exceptions carry messages
   * written to be safe; anything else is a bug and only its type is named.
   *
   * @param failure what a command threw
   * @return the message, starting with {@code "id06: "}
   */
  static String message(Throwable failure) {
    return switch (of(failure)) {
      case BAD_INPUT ->
          failure instanceof CommandLine.ParameterException usage
              ? "id06: usage: " + UsageMessages.describe(usage)
              : "id06: bad input: " + failure.getMessage();
      case UNAVAILABLE ->
          failure instanceof RemoteRefusalException refused
              ? "id06: the gateway refused: " + refused.getMessage()
              : "id06: unavailable: " + failure.getMessage();
      case SECURITY -> "id06: security failure: " + failure.getMessage();
      // A bug: only the type is named, a message could carry input.
      case OK, INTERNAL -> "id06: internal error (" + failure.getClass().getName() + ")";
    };
  }
}
