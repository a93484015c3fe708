package vn.id06.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A programmable gateway for the client's unit tests: plain HTTP on loopback, a token endpoint that
 * accepts any assertion, and answers signed (or not) as each test scripts them. Test keys only.
 */
final class FakeGateway implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final KeyPair EC = ec();
  static final KeyPair RSA = rsa();
  static final KeyPair ED = ed();
  static final KeyPair OTHER_EC = ec();

  /** What the gateway received. */
  record Seen(String method, String path, Map<String, String> headers, JsonNode body) {
    String requestId() {
      String h = headers.get("id06-operator-context");
      try {
        return JSON.readTree(Base64.getUrlDecoder().decode(h)).path("requestId").asText();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A scripted answer. */
  static final class Reply {
    int status = 200;
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String contentType = "application/json";
    boolean signed = true;
    String alg = "ES256";
    String kid = "ec-1";
    KeyPair key = EC;
    String rid; // null: the request's
    Long iat; // null: now
    Integer sts; // null: the status
    boolean tamper;
    boolean reset;
    String rawSignature;
    Map<String, String> headers = new LinkedHashMap<>();
    String headerJson; // replaces the protected header entirely

    static Reply json(String body) {
      Reply r = new Reply();
      r.body = body.getBytes(StandardCharsets.UTF_8);
      return r;
    }

    Reply status(int s) {
      status = s;
      return this;
    }

    Reply unsigned() {
      signed = false;
      return this;
    }

    Reply header(String k, String v) {
      headers.put(k, v);
      return this;
    }

    Reply type(String t) {
      contentType = t;
      return this;
    }
  }

  final List<Seen> seen = new ArrayList<>();
  final ConcurrentLinkedQueue<Seen> seenConcurrent = new ConcurrentLinkedQueue<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger tokens = new AtomicInteger();
  volatile Function<Seen, Reply> script = s -> Reply.json("{}");
  volatile int tokenStatus = 200;
  private final HttpServer server;
  private final Clock clock;

  FakeGateway(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  static String jwks() {
    try {
      byte[] spki = ED.getPublic().getEncoded();
      String x =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
      return "{\"keys\":["
          + new ECKey.Builder(Curve.P_256, (ECPublicKey) EC.getPublic())
              .keyID("ec-1")
              .build()
              .toJSONString()
          + ","
          + new RSAKey.Builder((RSAPublicKey) RSA.getPublic()).keyID("rsa-1").build().toJSONString()
          + ",{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed-1\",\"x\":\""
          + x
          + "\"}]}";
    } catch (RuntimeException e) {
      throw e;
    }
  }

  static Path jwksFile(Path dir) throws IOException {
    Path p = dir.resolve("jwks.json");
    Files.writeString(p, jwks());
    return p;
  }

  private synchronized void remember(Seen s) {
    seen.add(s);
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      byte[] in = ex.getRequestBody().readAllBytes();
      if (path.endsWith("/oauth2/token")) {
        tokens.incrementAndGet();
        byte[] b =
            ("{\"access_token\":\"t"
                    + tokens.get()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                .getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (tokenStatus != 200) {
          ex.getResponseHeaders().set("Retry-After", "1");
        }
        ex.sendResponseHeaders(tokenStatus, b.length);
        ex.getResponseBody().write(b);
        return;
      }
      if (path.endsWith("/jwks.json")) {
        byte[] b = jwks().getBytes(StandardCharsets.US_ASCII);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      JsonNode body = in.length == 0 ? null : JSON.readTree(in);
      Seen s = new Seen(ex.getRequestMethod(), path, headers, body);
      remember(s);
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Reply r = script.apply(s);
        send(ex, s, r);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void send(HttpExchange ex, Seen s, Reply r) throws IOException {
    if (r.reset) {
      throw new IOException("scripted reset");
    }
    r.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("Content-Type", r.contentType);
    byte[] body = r.body;
    if (r.signed) {
      String sig = r.rawSignature != null ? r.rawSignature : sign(s, r);
      ex.getResponseHeaders().set("Id06-Response-Signature", sig);
    }
    if (r.tamper) {
      body = Arrays.copyOf(body, body.length);
      body[body.length - 2] ^= 1;
    }
    ex.sendResponseHeaders(r.status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  String sign(Seen s, Reply r) {
    String rid = r.rid != null ? r.rid : s.requestId();
    long iat = r.iat != null ? r.iat : clock.instant().getEpochSecond();
    int sts = r.sts != null ? r.sts : r.status;
    String header =
        r.headerJson != null
            ? r.headerJson
            : "{\"alg\":\""
                + r.alg
                + "\",\"kid\":\""
                + r.kid
                + "\",\"b64\":false,\"crit\":[\"b64\",\"rid\",\"iat\"],\"rid\":\""
                + rid
                + "\",\"iat\":"
                + iat
                + ",\"sts\":"
                + sts
                + "}";
    String h =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(header.getBytes(StandardCharsets.UTF_8));
    try {
      PrivateKey k = r.key.getPrivate();
      Signature sig =
          Signature.getInstance(
              switch (k.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSAinP1363Format";
                default -> "Ed25519";
              });
      sig.initSign(k);
      sig.update(h.getBytes(StandardCharsets.US_ASCII));
      sig.update((byte) '.');
      sig.update(r.body);
      return h + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ed() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
