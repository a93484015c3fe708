package vn.id06.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import vn.id06.core.UnavailableException;

/** What every connector does with an HTTP answer before reading its profile's body. */
final class Answers {
  private Answers() {}

  /**
   * 429, 502, 503 and 504: the gateway, or a proxy in front of it, is busy. Such an answer is only
   * a reason to retry, honouring its {@code Retry-After}.
   */
  static boolean isBusy(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** The retryable failure for a {@linkplain #isBusy busy} answer. */
  static AttemptFailure busy(HttpExchange.Answer a, Clock clock) {
    int status = a.status();
    return new AttemptFailure(
        status == 429 || status == 503 ? AttemptFailure.Kind.THROTTLED : AttemptFailure.Kind.SERVER,
        "the gateway is busy (HTTP " + status + ")",
        RestConnector.retryAfter(a.retryAfter(), clock),
        null,
        null);
  }

  /** The body as a JSON object; anything else is the gateway's failure, never a crash. */
  static JsonNode jsonObject(ObjectMapper json, byte[] body, int attempt) {
    try {
      JsonNode n = json.readTree(body);
      if (n == null || !n.isObject()) {
        throw new IOException("not an object");
      }
      return n;
    } catch (IOException e) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          attempt,
          "the gateway's answer is not a JSON object",
          null);
    }
  }
}
