package vn.id06.testkit.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault draws and wire helpers the LGSP and social-insurance profiles share: the same {@link
 * FaultSpec} and seed as the REST profile, drawn per operation request of these profiles, with
 * their own counters. Thread-safe.
 */
final class WireFaults {

  static final int MAX_REQUEST_BODY = 1 << 20;
  static final byte[] LOGIN_PAGE =
      ("<!DOCTYPE html><html><head><title>Đăng nhập</title></head><body><form action=\"/login\">"
              + "<input name=\"username\"><input name=\"password\" type=\"password\"></form>"
              + "</body></html>")
          .getBytes(StandardCharsets.UTF_8);

  private final FaultSpec faults;
  private final long seed;
  private final Duration stallTime;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  WireFaults(FaultSpec faults, long seed, Duration stallTime) {
    this.faults = faults;
    this.seed = seed;
    this.stallTime = stallTime;
  }

  /** Draws this request's fault (null for none) after the configured latency. */
  FaultSpec.Kind draw() {
    long n = requests.getAndIncrement();
    FaultSpec.Kind fault = faults.pick(new SplittableRandom(seed * 31 + n).nextDouble());
    sleep(faults.latency());
    if (fault != null) {
      counters.computeIfAbsent(fault.token(), k -> new AtomicLong()).incrementAndGet();
    }
    return fault;
  }

  /**
   * Applies the faults every profile answers alike. Returns true when the request was answered (or
   * dropped) and the profile must not go on.
   */
  boolean applyCommon(HttpExchange ex, FaultSpec.Kind fault) throws IOException {
    if (fault == null) {
      return false;
    }
    switch (fault) {
      case RESET -> throw new Reset();
      case STALL -> {
        sleep(stallTime);
        return true;
      }
      case TOO_MANY_REQUESTS, UNAVAILABLE -> {
        ex.getResponseHeaders().set("Retry-After", "1");
        send(
            ex,
            fault == FaultSpec.Kind.TOO_MANY_REQUESTS ? 429 : 503,
            "text/html",
            "<html><body>busy</body></html>".getBytes(StandardCharsets.US_ASCII));
        return true;
      }
      case GARBAGE -> {
        send(ex, 200, "text/html; charset=utf-8", LOGIN_PAGE);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Counts by fault token, and {@code "requests"}. */
  Map<String, Long> counters() {
    Map<String, Long> m = new HashMap<>();
    counters.forEach((k, v) -> m.put(k, v.get()));
    m.put("requests", requests.get());
    return m;
  }

  /** Thrown out of a handler: the server drops the connection without an answer. */
  static final class Reset extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reset() {
      super("injected connection reset", null, false, false);
    }
  }

  static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request body, or null when it is larger than the limit. */
  static byte[] readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(MAX_REQUEST_BODY + 1);
      return b.length > MAX_REQUEST_BODY ? null : b;
    }
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends half of the body under the full announced length, then drops the connection. */
  static void truncated(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    OutputStream out = ex.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    throw new Reset();
  }
}
