package vn.id06.testkit.gateway;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which faults the gateway simulator injects, and how often.
 *
 * <p>The spec is a comma-separated list of {@code kind:rate} items, the rate a probability from 0
 * to 1, plus {@code latency:DURATION} ({@code 10ms}, {@code 2s}) added to every operation, e.g.
 * {@code 429:0.1,503:0.05,reset:0.02,latency:10ms}. The kinds:
 *
 * <ul>
 *   <li>{@code 429}: an unsigned 429 Too Many Requests with {@code Retry-After: 1}, as a proxy
 *       sends;
 *   <li>{@code 503}: an unsigned 503 Service Unavailable with {@code Retry-After: 1};
 *   <li>{@code reset}: the connection is closed before any response;
 *   <li>{@code stall}: no answer for the stall time (30 s unless configured);
 *   <li>{@code truncate}: a signed answer cut off halfway through its announced length;
 *   <li>{@code garbage}: an unsigned HTML page with status 200;
 *   <li>{@code badsig}: a signed answer with one body byte changed after signing;
 *   <li>{@code replay}: the previous signed answer, sent again for this request;
 *   <li>{@code expiredtoken}: a signed 401 {@code invalid_token}, as if the access token expired.
 * </ul>
 *
 * <p>Faults apply to the operations, not to the token and key endpoints. With the simulator's seed
 * the n-th operation request gets the same fault on every run. Immutable and thread-safe.
 */
public final class FaultSpec {

  /** The kinds of fault, in the order their rates are stacked. */
  public enum Kind {
    /** Unsigned 429 with Retry-After. */
    TOO_MANY_REQUESTS("429"),
    /** Unsigned 503 with Retry-After. */
    UNAVAILABLE("503"),
    /** Connection closed before a response. */
    RESET("reset"),
    /** No answer for the stall time. */
    STALL("stall"),
    /** Body cut off. */
    TRUNCATE("truncate"),
    /** Unsigned HTML with status 200. */
    GARBAGE("garbage"),
    /** Body altered after signing. */
    BAD_SIGNATURE("badsig"),
    /** The previous answer sent again. */
    REPLAY("replay"),
    /** 401 invalid_token. */
    EXPIRED_TOKEN("expiredtoken");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    /**
     * The name of the kind in a spec.
     *
     * @return e.g. {@code "429"} or {@code "reset"}
     */
    public String token() {
      return token;
    }
  }

  private static final FaultSpec NONE = new FaultSpec(new EnumMap<>(Kind.class), Duration.ZERO);

  private final Map<Kind, Double> rates;
  private final Duration latency;

  private FaultSpec(Map<Kind, Double> rates, Duration latency) {
    this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    this.latency = latency;
  }

  /**
   * No faults.
   *
   * @return the empty spec
   */
  public static FaultSpec none() {
    return NONE;
  }

  /**
   * Parses a spec.
   *
   * @param spec e.g. {@code "429:0.1,503:0.05,reset:0.02,latency:10ms"}; empty means none
   * @return the spec
   * @throws IllegalArgumentException if an item is unknown, a rate is not in [0, 1] or the rates
   *     add up to more than 1
   */
  public static FaultSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    EnumMap<Kind, Double> rates = new EnumMap<>(Kind.class);
    Duration latency = Duration.ZERO;
    double total = 0;
    for (String item : spec.split(",", -1)) {
      String it = item.trim();
      if (it.isEmpty()) {
        continue;
      }
      int colon = it.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("fault item without ':': " + it);
      }
      String name = it.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = it.substring(colon + 1).trim();
      if (name.equals("latency")) {
        latency = parseDuration(value);
        continue;
      }
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (k.token.equals(name)) {
          kind = k;
        }
      }
      if (kind == null) {
        throw new IllegalArgumentException("unknown fault kind: " + name);
      }
      double rate;
      try {
        rate = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("fault rate is not a number: " + it, e);
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("fault rate outside [0, 1]: " + it);
      }
      rates.put(kind, rate);
      total += rate;
    }
    if (total > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault rates add up to more than 1");
    }
    return new FaultSpec(rates, latency);
  }

  private static Duration parseDuration(String value) {
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofMillis(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("latency is not a duration like 10ms: " + value, e);
    }
  }

  /**
   * The rate of one kind.
   *
   * @param kind the kind
   * @return its probability, 0 if absent
   */
  public double rate(Kind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  /**
   * The latency added to every operation.
   *
   * @return the latency, zero if none
   */
  public Duration latency() {
    return latency;
  }

  /**
   * Picks the fault for a draw.
   *
   * @param draw a uniform number in [0, 1)
   * @return the fault, or null for none
   */
  Kind pick(double draw) {
    double acc = 0;
    for (Map.Entry<Kind, Double> e : rates.entrySet()) {
      acc += e.getValue();
      if (draw < acc) {
        return e.getKey();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    rates.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(',');
          }
          b.append(k.token).append(':').append(v);
        });
    if (!latency.isZero()) {
      b.append(b.length() > 0 ? "," : "")
          .append("latency:")
          .append(latency.toMillis())
          .append("ms");
    }
    return b.toString();
  }
}
