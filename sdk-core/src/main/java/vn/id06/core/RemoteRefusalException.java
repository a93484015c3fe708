package vn.id06.core;

import java.util.Objects;

/**
 * A gateway answered and refused the request: an RFC 9457 problem, an HTTP error status or a
 * gateway result code that is not a success.
 *
 * <p>The message is written by id06 from the status and code; the gateway's own detail text is not
 * copied into it (it may quote the request). Immutable and safe to share between threads.
 */
public class RemoteRefusalException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String gatewayCode;
  private final String requestId;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status (or the profile's equivalent), e.g. 403
   * @param gatewayCode the gateway's own result code, or {@code ""} when it gave none
   * @param requestId the request id the call was sent with (mã yêu cầu), or {@code ""}
   * @param retryable whether the same request may succeed later (e.g. 429, 503)
   * @param message what was refused, without personal data
   */
  public RemoteRefusalException(
      int status, String gatewayCode, String requestId, boolean retryable, String message) {
    super(message);
    this.status = status;
    this.gatewayCode = Objects.requireNonNull(gatewayCode, "gatewayCode");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.retryable = retryable;
  }

  /**
   * The HTTP status or the profile's equivalent.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The gateway's own result code.
   *
   * @return the code, or {@code ""}
   */
  public String gatewayCode() {
    return gatewayCode;
  }

  /**
   * The request id the refused call carried.
   *
   * @return the request id, or {@code ""}
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Whether the same request may succeed if tried again later.
   *
   * @return true for transient refusals (rate limited, overloaded)
   */
  public boolean isRetryable() {
    return retryable;
  }
}
