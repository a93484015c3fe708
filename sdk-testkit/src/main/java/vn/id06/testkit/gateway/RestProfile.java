package vn.id06.testkit.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.id06.core.Id06Exception;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/** Serves the REST JSON profile. Thread-safe: shared state is in concurrent or atomic holders. */
final class RestProfile {

  static final String OPERATOR_HEADER = "Id06-Operator-Context";
  static final String SIGNATURE_HEADER = "Id06-Response-Signature";
  static final int MAX_BATCH = 1000;
  private static final int MAX_REQUEST_BODY = 4 << 20;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,40}");
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
  private static final String PROBLEM_BASE = "https://id06.vn/problems/";

  private final SyntheticPopulation population;
  private final SimulatorKeys keys;
  private final GatewaySimulator.SigningAlgorithm algorithm;
  private final FaultSpec faults;
  private final long faultSeed;
  private final Clock clock;
  private final Duration stallTime;
  private final String audience;
  private final String clientId;
  private final ObjectMapper json = new ObjectMapper();
  private final byte[] tokenKey = new byte[32];
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final AtomicReference<byte[][]> lastAnswer = new AtomicReference<>();
  private final Map<String, String> statuses =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > 10_000;
            }
          });

  RestProfile(
      SyntheticPopulation population,
      SimulatorKeys keys,
      GatewaySimulator.SigningAlgorithm algorithm,
      FaultSpec faults,
      long faultSeed,
      Clock clock,
      Duration stallTime,
      String audience,
      String clientId) {
    this.population = population;
    this.keys = keys;
    this.algorithm = algorithm;
    this.faults = faults;
    this.faultSeed = faultSeed;
    this.clock = clock;
    this.stallTime = stallTime;
    this.audience = audience;
    this.clientId = clientId;
    new java.security.SecureRandom().nextBytes(tokenKey);
  }

  Map<String, Long> counters() {
    Map<String, Long> m = new HashMap<>();
    counters.forEach((k, v) -> m.put(k, v.get()));
    m.put("requests", requests.get());
    return m;
  }

  private void count(String key) {
    counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  // ---------------------------------------------------------------- dispatch

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (path.equals("/.well-known/id06-simulator") && method.equals("GET")) {
        ObjectNode n = json.createObjectNode();
        n.put("simulator", GatewaySimulator.SIMULATOR_NAME);
        n.putObject("profiles")
            .put("rest", "/" + GatewaySimulator.REST_PATH)
            .put("lgsp", "/" + GatewaySimulator.LGSP_PATH)
            .put("bhxh", "/" + GatewaySimulator.BHXH_PATH);
        n.put("audience", audience);
        plain(ex, 200, "application/json", json.writeValueAsBytes(n));
        return;
      }
      String prefix = "/" + GatewaySimulator.REST_PATH;
      if (!path.startsWith(prefix)) {
        plain(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      String op = path.substring(prefix.length());
      if (op.equals(".well-known/jwks.json") && method.equals("GET")) {
        plain(ex, 200, "application/jwk-set+json", jwksJson().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (op.equals("oauth2/token") && method.equals("POST")) {
        token(ex);
        return;
      }
      operation(ex, method, op);
    } catch (RuntimeException e) {
      // A bug in the simulator: answer 500 rather than leave the client waiting.
      try {
        plain(ex, 500, "text/plain", "internal error".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException | RuntimeException ignored) {
        // The response may already be under way; the connection is closed either way.
      }
    }
  }

  private void operation(HttpExchange ex, String method, String op) throws IOException {
    long n = requests.getAndIncrement();
    FaultSpec.Kind fault = faults.pick(new SplittableRandom(faultSeed * 31 + n).nextDouble());
    sleep(faults.latency());
    if (fault != null) {
      count(fault.token());
    }
    if (fault == FaultSpec.Kind.RESET) {
      // Close the connection without any response.
      ex.getHttpContext().getServer();
      throw new ResetConnection();
    }
    if (fault == FaultSpec.Kind.STALL) {
      sleep(stallTime);
      return;
    }
    if (fault == FaultSpec.Kind.TOO_MANY_REQUESTS || fault == FaultSpec.Kind.UNAVAILABLE) {
      int status = fault == FaultSpec.Kind.TOO_MANY_REQUESTS ? 429 : 503;
      ex.getResponseHeaders().set("Retry-After", "1");
      plain(
          ex,
          status,
          "text/html",
          "<html><body>busy</body></html>".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (fault == FaultSpec.Kind.GARBAGE) {
      plain(
          ex,
          200,
          "text/html",
          "<!DOCTYPE html><html><body>Đăng nhập</body></html>".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (fault == FaultSpec.Kind.REPLAY) {
      byte[][] last = lastAnswer.get();
      if (last != null) {
        ex.getResponseHeaders()
            .set(SIGNATURE_HEADER, new String(last[1], StandardCharsets.US_ASCII));
        plain(ex, 200, "application/json", last[0]);
        return;
      }
    }
    Operator operator = operator(ex);
    if (operator == null) {
      return;
    }
    if (!authorised(ex, operator.requestId)) {
      return;
    }
    if (fault == FaultSpec.Kind.EXPIRED_TOKEN) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      problem(ex, operator.requestId, 401, "invalid-token", "The access token has expired.");
      return;
    }
    byte[] body = readBody(ex);
    if (body == null) {
      problem(ex, operator.requestId, 413, "too-large", "The request body is too large.");
      return;
    }
    JsonNode request = null;
    if (method.equals("POST")) {
      try {
        request = json.readTree(body);
      } catch (JsonProcessingException e) {
        request = null;
      }
      if (request == null || !request.isObject()) {
        problem(ex, operator.requestId, 400, "malformed-request", "The body is not a JSON object.");
        return;
      }
    }
    ObjectNode answer;
    String operation;
    if (method.equals("POST") && op.equals("citizens/verify")) {
      operation = "verify";
      answer = verify(request);
    } else if (method.equals("POST") && op.equals("citizens/lookup")) {
      operation = "lookup";
      answer = lookup(ex, operator.requestId, request);
    } else if (method.equals("POST") && op.equals("citizens/verify-batch")) {
      operation = "verify-batch";
      answer = batch(ex, operator.requestId, request);
    } else if (method.equals("POST") && op.equals("health-insurance/cards/lookup")) {
      operation = "health-insurance";
      answer = insurance(request);
    } else if (method.equals("GET") && op.startsWith("requests/")) {
      operation = null;
      answer = status(op.substring("requests/".length()));
    } else {
      problem(ex, operator.requestId, 404, "not-found", "No such operation.");
      return;
    }
    if (answer == null) {
      return; // a problem was already sent
    }
    if (operation != null) {
      statuses.put(operator.requestId, operation + "|" + clock.instant());
    }
    answer.put("requestId", operator.requestId);
    signed(ex, operator.requestId, 200, "application/json", json.writeValueAsBytes(answer), fault);
  }

  private static final class ResetConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResetConnection() {
      super("injected connection reset", null, false, false);
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- auth

  private record Operator(String requestId) {}

  private Operator operator(HttpExchange ex) throws IOException {
    String header = ex.getRequestHeaders().getFirst(OPERATOR_HEADER);
    JsonNode ctx = null;
    if (header != null && header.length() < 4096) {
      try {
        ctx = json.readTree(Base64.getUrlDecoder().decode(header));
      } catch (IllegalArgumentException | IOException e) {
        ctx = null;
      }
    }
    String rid = ctx == null ? "" : ctx.path("requestId").asText("");
    if (ctx == null || !REQUEST_ID.matcher(rid).matches()) {
      problem(
          ex, "", 400, "operator-context", "The operator context header is missing or malformed.");
      return null;
    }
    for (String f : new String[] {"agencyCode", "officerCode", "procedureCode", "purpose"}) {
      if (ctx.path(f).asText("").isBlank()) {
        problem(ex, rid, 400, "operator-context", "The operator context lacks " + f + ".");
        return null;
      }
    }
    return new Operator(rid);
  }

  private boolean authorised(HttpExchange ex, String rid) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ") && tokenValid(auth.substring(7))) {
      return true;
    }
    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    problem(ex, rid, 401, "invalid-token", "A valid access token is required.");
    return false;
  }

  private String mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean tokenValid(String token) {
    int dot = token.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String payload = token.substring(0, dot);
    if (!MessageDigest.isEqual(
        mac(payload).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.US_ASCII);
      long exp = Long.parseLong(text.substring(text.indexOf('|') + 1));
      return clock.instant().getEpochSecond() < exp;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
  }

  void token(HttpExchange ex) throws IOException {
    byte[] body = readBody(ex);
    Map<String, String> form = new HashMap<>();
    if (body != null) {
      for (String pair : new String(body, StandardCharsets.US_ASCII).split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    if (!"client_credentials".equals(form.get("grant_type"))
        || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            .equals(form.get("client_assertion_type"))
        || !assertionValid(form.getOrDefault("client_assertion", ""))) {
      ObjectNode err = json.createObjectNode();
      err.put("error", "invalid_client");
      plain(ex, 401, "application/json", json.writeValueAsBytes(err));
      return;
    }
    long exp = clock.instant().plus(TOKEN_LIFETIME).getEpochSecond();
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((clientId + "|" + exp).getBytes(StandardCharsets.US_ASCII));
    ObjectNode tok = json.createObjectNode();
    tok.put("access_token", payload + "." + mac(payload));
    tok.put("token_type", "Bearer");
    tok.put("expires_in", TOKEN_LIFETIME.toSeconds());
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    plain(ex, 200, "application/json", json.writeValueAsBytes(tok));
  }

  private boolean assertionValid(String assertion) {
    try {
      SignedJWT jwt = SignedJWT.parse(assertion);
      if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new ECDSAVerifier((ECPublicKey) keys.clientKeys.getPublic()))) {
        return false;
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      return clientId.equals(c.getIssuer())
          && clientId.equals(c.getSubject())
          && c.getAudience() != null
          && c.getAudience().contains(audience)
          && c.getExpirationTime() != null
          && c.getExpirationTime().toInstant().isAfter(now)
          && c.getExpirationTime().toInstant().isBefore(now.plus(Duration.ofMinutes(10)))
          && c.getJWTID() != null;
    } catch (ParseException | JOSEException | ClassCastException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- operations

  private Optional<SyntheticCitizen> find(JsonNode subject) {
    String id = subject.path("citizenId").asText("");
    if (!id.isEmpty()) {
      return population.byCitizenId(id);
    }
    String legacy = subject.path("legacyId").asText("");
    if (!legacy.isEmpty()) {
      return population.byLegacyId(legacy);
    }
    return Optional.empty();
  }

  ObjectNode verifyOne(JsonNode subject) {
    ObjectNode out = json.createObjectNode();
    Optional<SyntheticCitizen> found = find(subject);
    ObjectNode fields = json.createObjectNode();
    String overall;
    if (found.isEmpty()) {
      overall = "NOT_FOUND";
      for (String f : new String[] {"fullName", "dateOfBirth", "sex"}) {
        if (subject.hasNonNull(f)) {
          fields.putObject(f).put("result", "NOT_FOUND");
        }
      }
    } else {
      SyntheticCitizen c = found.get();
      boolean all = true;
      if (subject.hasNonNull("fullName")) {
        all &=
            field(
                fields,
                "fullName",
                subject.get("fullName").asText(),
                c.fullName(),
                RestProfile::nameClose);
      }
      if (subject.hasNonNull("dateOfBirth")) {
        all &=
            field(
                fields,
                "dateOfBirth",
                subject.get("dateOfBirth").asText(),
                c.dateOfBirth(),
                RestProfile::dateClose);
      }
      if (subject.hasNonNull("sex")) {
        all &= field(fields, "sex", subject.get("sex").asText(), c.sex(), (x, y) -> false);
      }
      overall = all ? "MATCH" : "MISMATCH";
      out.put("lifeStatus", c.lifeStatus());
    }
    out.put("result", overall);
    out.set("fields", fields);
    return out;
  }

  /** Records one field's result; {@code close} is only asked (it normalises) on a mismatch. */
  private static boolean field(
      ObjectNode fields,
      String name,
      String sent,
      String held,
      java.util.function.BiPredicate<String, String> close) {
    boolean match = sent.equals(held);
    ObjectNode f = fields.putObject(name);
    f.put("result", match ? "MATCH" : "MISMATCH");
    if (!match) {
      f.put("normalisedResult", close.test(sent, held) ? "MATCH" : "MISMATCH");
    }
    return match;
  }

  private static boolean nameClose(String sent, String held) {
    try {
      return VietnameseName.of(sent).sameAs(VietnameseName.of(held));
    } catch (Id06Exception | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean dateClose(String sent, String held) {
    try {
      PartialDate s = PartialDate.parseIso("dateOfBirth", sent);
      PartialDate h = PartialDate.parseIso("dateOfBirth", held);
      if (s.year() != h.year()) {
        return false;
      }
      if (s.month().isPresent() && h.month().isPresent()) {
        if (s.month().getAsInt() != h.month().getAsInt()) {
          return false;
        }
        return s.day().isEmpty() || h.day().isEmpty() || s.day().getAsInt() == h.day().getAsInt();
      }
      return true;
    } catch (Id06Exception | IllegalArgumentException e) {
      return false;
    }
  }

  private ObjectNode verify(JsonNode request) {
    return verifyOne(request);
  }

  private ObjectNode batch(HttpExchange ex, String rid, JsonNode request) throws IOException {
    JsonNode subjects = request.path("subjects");
    if (!subjects.isArray() || subjects.isEmpty() || subjects.size() > MAX_BATCH) {
      problem(ex, rid, 400, "batch-size", "A batch holds 1 to 1000 subjects.");
      return null;
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode results = out.putArray("results");
    for (JsonNode s : subjects) {
      results.add(verifyOne(s));
    }
    return out;
  }

  private ObjectNode lookup(HttpExchange ex, String rid, JsonNode request) throws IOException {
    if (request.path("purpose").asText("").isBlank()
        || request.path("consentReference").asText("").isBlank()) {
      problem(
          ex, rid, 400, "consent-required", "A lookup needs a purpose and a consent reference.");
      return null;
    }
    JsonNode wanted = request.path("fields");
    if (!wanted.isArray() || wanted.isEmpty()) {
      problem(ex, rid, 400, "fields-required", "A lookup names the fields it needs.");
      return null;
    }
    ObjectNode out = json.createObjectNode();
    Optional<SyntheticCitizen> found = find(request);
    out.put("found", found.isPresent());
    if (found.isEmpty()) {
      return out;
    }
    SyntheticCitizen c = found.get();
    ObjectNode citizen = out.putObject("citizen");
    for (JsonNode w : wanted) {
      switch (w.asText()) {
        case "citizenId" -> citizen.put("citizenId", c.citizenId());
        case "legacyId" -> c.legacyId().ifPresent(v -> citizen.put("legacyId", v));
        case "fullName" -> citizen.put("fullName", c.fullName());
        case "dateOfBirth" -> citizen.put("dateOfBirth", c.dateOfBirth());
        case "sex" -> citizen.put("sex", c.sex());
        case "nationality" -> citizen.put("nationality", "VNM");
        case "ethnicity" -> citizen.put("ethnicity", c.ethnicity());
        case "placeOfOrigin" -> citizen.put("placeOfOrigin", c.placeOfOrigin());
        case "address" -> citizen.put("address", c.permanentAddress());
        case "lifeStatus" -> citizen.put("lifeStatus", c.lifeStatus());
        case "issueDate" -> citizen.put("issueDate", c.issueDate().toString());
        case "householdId" -> citizen.put("householdId", c.householdId());
        default -> {
          problem(ex, rid, 400, "unknown-field", "A requested field is not known.");
          return null;
        }
      }
    }
    return out;
  }

  private ObjectNode insurance(JsonNode request) {
    ObjectNode out = json.createObjectNode();
    Optional<SyntheticCitizen.InsuranceCard> card =
        population
            .byCitizenId(request.path("citizenId").asText(""))
            .flatMap(SyntheticCitizen::insuranceCard);
    out.put("found", card.isPresent());
    card.ifPresent(
        k -> {
          ObjectNode n = out.putObject("card");
          n.put("cardNumber", k.cardNumber());
          n.put("socialInsuranceNumber", k.socialInsuranceNumber());
          n.put("facilityCode", k.facilityCode());
          n.put("validFrom", k.validFrom().toString());
          n.put("validTo", k.validTo().toString());
          LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(7));
          n.put("valid", !today.isBefore(k.validFrom()) && !today.isAfter(k.validTo()));
        });
    return out;
  }

  private ObjectNode status(String id) {
    ObjectNode out = json.createObjectNode();
    String s = statuses.get(id);
    out.put("subjectRequestId", id);
    if (s == null) {
      out.put("status", "UNKNOWN");
    } else {
      out.put("status", "COMPLETED");
      out.put("operation", s.substring(0, s.indexOf('|')));
      out.put("completedAt", s.substring(s.indexOf('|') + 1));
    }
    return out;
  }

  // ---------------------------------------------------------------- wire

  private static byte[] readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(MAX_REQUEST_BODY + 1);
      return b.length > MAX_REQUEST_BODY ? null : b;
    }
  }

  private static void plain(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void problem(HttpExchange ex, String rid, int status, String type, String detail)
      throws IOException {
    ObjectNode p = json.createObjectNode();
    p.put("type", PROBLEM_BASE + type);
    p.put("title", type.replace('-', ' '));
    p.put("status", status);
    p.put("detail", detail);
    if (!rid.isEmpty()) {
      p.put("requestId", rid);
    }
    signed(ex, rid, status, "application/problem+json", json.writeValueAsBytes(p), null);
  }

  private void signed(
      HttpExchange ex, String rid, int status, String type, byte[] body, FaultSpec.Kind fault)
      throws IOException {
    String jws = sign(rid, status, body);
    if (fault == null && status == 200) {
      lastAnswer.set(new byte[][] {body, jws.getBytes(StandardCharsets.US_ASCII)});
    }
    ex.getResponseHeaders().set(SIGNATURE_HEADER, jws);
    ex.getResponseHeaders().set("Content-Type", type);
    if (fault == FaultSpec.Kind.BAD_SIGNATURE) {
      body = Arrays.copyOf(body, body.length);
      body[body.length / 2] ^= 0x01;
    }
    if (fault == FaultSpec.Kind.TRUNCATE) {
      ex.sendResponseHeaders(status, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      throw new ResetConnection();
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  String sign(String rid, int status, byte[] body) {
    ObjectNode h = json.createObjectNode();
    h.put("alg", algorithm.name());
    h.put("kid", kid(algorithm));
    h.put("b64", false);
    h.putArray("crit").add("b64").add("rid").add("iat");
    h.put("rid", rid);
    h.put("iat", clock.instant().getEpochSecond());
    h.put("sts", status);
    try {
      String header =
          Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(h));
      Signature s;
      PrivateKey key;
      switch (algorithm) {
        case RS256 -> {
          s = Signature.getInstance("SHA256withRSA");
          key = keys.rsa.getPrivate();
        }
        case ES256 -> {
          s = Signature.getInstance("SHA256withECDSAinP1363Format");
          key = keys.ec.getPrivate();
        }
        default -> {
          s = Signature.getInstance("Ed25519");
          key = keys.ed.getPrivate();
        }
      }
      s.initSign(key);
      s.update(header.getBytes(StandardCharsets.US_ASCII));
      s.update((byte) '.');
      s.update(body);
      return header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("cannot sign an answer", e);
    }
  }

  private String kid(GatewaySimulator.SigningAlgorithm alg) {
    KeyPair p =
        switch (alg) {
          case RS256 -> keys.rsa;
          case ES256 -> keys.ec;
          case EdDSA -> keys.ed;
        };
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(p.getPublic().getEncoded());
      return "sim-"
          + alg.name().toLowerCase(java.util.Locale.ROOT)
          + "-"
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 6));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String jwksJson() {
    ObjectNode set = json.createObjectNode();
    ArrayNode arr = set.putArray("keys");
    try {
      arr.add(
          json.readTree(
              new RSAKey.Builder((RSAPublicKey) keys.rsa.getPublic())
                  .keyID(kid(GatewaySimulator.SigningAlgorithm.RS256))
                  .keyUse(KeyUse.SIGNATURE)
                  .algorithm(JWSAlgorithm.RS256)
                  .build()
                  .toJSONString()));
      arr.add(
          json.readTree(
              new ECKey.Builder(Curve.P_256, (ECPublicKey) keys.ec.getPublic())
                  .keyID(kid(GatewaySimulator.SigningAlgorithm.ES256))
                  .keyUse(KeyUse.SIGNATURE)
                  .algorithm(JWSAlgorithm.ES256)
                  .build()
                  .toJSONString()));
      byte[] spki = keys.ed.getPublic().getEncoded();
      ObjectNode okp = arr.addObject();
      okp.put("kty", "OKP");
      okp.put("crv", "Ed25519");
      okp.put(
          "x",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
      okp.put("kid", kid(GatewaySimulator.SigningAlgorithm.EdDSA));
      okp.put("use", "sig");
      okp.put("alg", "EdDSA");
      return json.writeValueAsString(set);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
