package vn.id06.core.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A scripted gateway for the lgsp and bhxh connectors' unit tests: plain HTTP on loopback, any
 * token accepted at {@code oauth2/token}, the social-insurance token endpoint and every operation
 * answered as each test scripts them. Records what it received.
 */
final class WireFake implements AutoCloseable {

  /** What the gateway received. */
  record Seen(String path, String query, Map<String, String> headers, String body) {}

  /** A scripted answer. */
  static final class Reply {
    int status = 200;
    String contentType = "text/xml; charset=utf-8";
    byte[] body = new byte[0];
    Map<String, String> headers = new LinkedHashMap<>();
    long streamBytes = -1; // >= 0: stream this many bytes of filler instead of the body
    boolean chunked;

    static Reply xml(String body) {
      Reply r = new Reply();
      r.body = body.getBytes(StandardCharsets.UTF_8);
      return r;
    }

    static Reply json(String body) {
      Reply r = xml(body);
      r.contentType = "application/json";
      return r;
    }

    Reply status(int s) {
      status = s;
      return this;
    }

    Reply type(String t) {
      contentType = t;
      return this;
    }

    Reply header(String k, String v) {
      headers.put(k, v);
      return this;
    }
  }

  final List<Seen> seen = new ArrayList<>();
  final AtomicInteger tokens = new AtomicInteger();
  final AtomicLong streamed = new AtomicLong();
  volatile Function<Seen, Reply> script = s -> Reply.xml("");
  volatile Function<Seen, Reply> tokenScript;
  private final HttpServer server;

  WireFake() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  synchronized void clearSeen() {
    seen.clear();
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      Seen s = new Seen(path, ex.getRequestURI().getRawQuery(), headers, body);
      if (path.endsWith("/oauth2/token")) {
        int n = tokens.incrementAndGet();
        send(
            ex,
            Reply.json(
                "{\"access_token\":\"t" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        return;
      }
      Reply r;
      if (path.endsWith("/api/token/take")) {
        tokens.incrementAndGet();
        synchronized (this) {
          seen.add(s);
        }
        r = tokenScript.apply(s);
      } else {
        synchronized (this) {
          seen.add(s);
        }
        r = script.apply(s);
      }
      send(ex, r);
    }
  }

  private void send(HttpExchange ex, Reply r) throws IOException {
    r.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("Content-Type", r.contentType);
    if (r.streamBytes >= 0) {
      ex.sendResponseHeaders(r.status, r.chunked ? 0 : r.streamBytes);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try (OutputStream out = ex.getResponseBody()) {
        for (long left = r.streamBytes; left > 0; left -= chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, left));
          streamed.addAndGet(Math.min(chunk.length, left));
        }
      } catch (IOException e) {
        // The client hung up once it had read enough: what the test wants.
      }
      return;
    }
    ex.sendResponseHeaders(r.status, r.body.length == 0 ? -1 : r.body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(r.body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
