package vn.id06.core.resilience;

import java.time.Duration;

/**
 * The time limits of one call: to connect, to receive a response once a request is sent, and for
 * the whole call, every attempt and every wait between attempts included. Every default is finite.
 *
 * <p>Immutable and thread-safe.
 *
 * @param connect the longest time to establish a connection (default 5 s)
 * @param response the longest time to wait for a response to one request (default 15 s)
 * @param overall the longest time for the whole call, retries included (default 30 s)
 */
public record Deadline(Duration connect, Duration response, Duration overall) {
  private static final Deadline DEFAULTS =
      new Deadline(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));

  /**
   * Validates the limits: each positive and at most one day.
   *
   * @param connect the connect limit
   * @param response the response limit
   * @param overall the overall limit
   */
  public Deadline {
    Durations.positive(connect, "connect");
    Durations.positive(response, "response");
    Durations.positive(overall, "overall");
  }

  /**
   * Returns the defaults: connect 5 s, response 15 s, overall 30 s.
   *
   * @return the default deadlines
   */
  public static Deadline defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another connect limit.
   *
   * @param connect the new limit
   * @return the copy
   */
  public Deadline withConnect(Duration connect) {
    return new Deadline(connect, response, overall);
  }

  /**
   * Returns a copy with another response limit.
   *
   * @param response the new limit
   * @return the copy
   */
  public Deadline withResponse(Duration response) {
    return new Deadline(connect, response, overall);
  }

  /**
   * Returns a copy with another overall limit.
   *
   * @param overall the new limit
   * @return the copy
   */
  public Deadline withOverall(Duration overall) {
    return new Deadline(connect, response, overall);
  }
}
