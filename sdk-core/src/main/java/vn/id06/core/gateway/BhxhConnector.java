package vn.id06.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.CitizenField;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * The social-insurance gateway's card check: a token from the user name and password, then the
 * check, whose body carries the card number (or 12-digit ID), the holder's name and birth date and
 * the officer's name and ID. The token is renewed shortly before it expires and whenever the
 * gateway refuses it (HTTP 401, or its own token-expired code). Result codes map to {@link
 * CardCheckResult.Status}; names and codes come from a {@link WireMapping}. Answers are not signed.
 * Thread-safe: the token is guarded by this object's lock.
 */
final class BhxhConnector implements CardCheckConnector {

  private static final Logger LOG = LoggerFactory.getLogger(BhxhConnector.class);
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  static final ResponseSignature.NotVerified UNSIGNED =
      new ResponseSignature.NotVerified("the bhxh profile's answers are not signed");

  private record Token(String access, String id, Instant expiresAt) {}

  private final URI base;
  private final HttpExchange http;
  private final String username;
  private final String password;
  private final WireMapping map;
  private final ObjectMapper json;
  private final Clock clock;
  private final long maxBytes;
  private Token token;

  BhxhConnector(
      URI base,
      HttpExchange http,
      String username,
      String secret,
      WireMapping map,
      ObjectMapper json,
      Clock clock,
      long maxBytes) {
    this.base = base;
    this.http = http;
    this.username = username;
    this.password = map.name("bhxh.passwordDigest").equals("MD5") ? md5(secret) : secret;
    this.map = map;
    this.json = json;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  static String md5(String secret) {
    try {
      // The gateway's wire format: the password's MD5, in hex. Not a security measure of ours.
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from the JDK", e);
    }
  }

  @Override
  public GatewayProfile profile() {
    return GatewayProfile.BHXH;
  }

  // ------------------------------------------------------------------ not this profile

  @Override
  public VerificationResult verify(Call call, VerificationRequest subject) {
    throw LgspSoapConnector.unsupported("verification");
  }

  @Override
  public List<VerificationResult> verifyBatch(Call call, List<VerificationRequest> subjects) {
    throw LgspSoapConnector.unsupported("verification");
  }

  @Override
  public Optional<CitizenRecord> lookup(Call call, LookupRequest request) {
    throw LgspSoapConnector.unsupported("the citizen lookup");
  }

  @Override
  public Optional<HealthInsuranceCardCheck> insuranceCard(Call call, CitizenId citizenId) {
    throw new InvalidInputException(
        "fullName",
        InputReason.EMPTY,
        "the bhxh profile checks a card with the holder's name and birth date: use check(...)");
  }

  @Override
  public RequestStatus status(Call call, String requestId) {
    throw LgspSoapConnector.unsupported("the request-status query");
  }

  @Override
  public void close() {
    // The exchange is owned by the core.
  }

  // ------------------------------------------------------------------ the card check

  @Override
  public CardCheckResult cardCheck(Call call, CardCheckRequest request) {
    var op = call.operator();
    if (op.officerName().isEmpty() || op.officerId().isEmpty()) {
      throw new InvalidInputException(
          "officerName",
          InputReason.EMPTY,
          "the social-insurance gateway needs the officer's name and ID on each call");
    }
    Token t = token(call);
    ObjectNode body = json.createObjectNode();
    body.put(map.name("bhxh.field.cardNumber"), request.cardOrId());
    body.put(map.name("bhxh.field.fullName"), request.fullName().value());
    body.put(map.name("bhxh.field.dateOfBirth"), birthDate(request.dateOfBirth()));
    body.put(map.name("bhxh.field.officerName"), op.officerName());
    body.put(map.name("bhxh.field.officerId"), op.officerId());
    URI uri = base.resolve(map.name("bhxh.cardCheckPath"));
    Map<String, String> headers;
    if (map.name("bhxh.credentialsIn").equals("query")) {
      uri =
          URI.create(
              uri
                  + "?token="
                  + enc(t.access)
                  + "&id_token="
                  + enc(t.id)
                  + "&username="
                  + enc(username)
                  + "&password="
                  + enc(password));
      headers = Map.of();
    } else {
      headers = Map.of("Authorization", "Bearer " + t.access);
    }
    HttpExchange.Answer a = post(call, uri, headers, body);
    LOG.debug(
        "card check: HTTP {}, {} bytes, request {}", a.status(), a.body().length, call.requestId());
    if (a.status() == 401) {
      throw tokenRefused();
    }
    JsonNode n = jsonAnswer(call, a);
    String code = n.path(map.name("bhxh.field.resultCode")).asText("");
    GatewayProvenance provenance =
        new GatewayProvenance(profile().id(), call.requestId(), clock.instant(), UNSIGNED);
    if (map.codes("bhxh.code.valid").contains(code)) {
      return new CardCheckResult(
          CardCheckResult.Status.VALID,
          Optional.empty(),
          Optional.of(card(call, n)),
          code,
          provenance);
    }
    if (map.codes("bhxh.code.expired").contains(code)) {
      Optional<HealthInsuranceCard> card;
      try {
        card = Optional.of(card(call, n));
      } catch (UnavailableException e) {
        card = Optional.empty(); // an expired card's details are optional in the answer
      }
      return new CardCheckResult(
          CardCheckResult.Status.EXPIRED, Optional.empty(), card, code, provenance);
    }
    if (map.codes("bhxh.code.nameMismatch").contains(code)) {
      return mismatch(CitizenField.FULL_NAME, code, provenance);
    }
    if (map.codes("bhxh.code.birthDateMismatch").contains(code)) {
      return mismatch(CitizenField.DATE_OF_BIRTH, code, provenance);
    }
    if (map.codes("bhxh.code.notFound").contains(code)) {
      return new CardCheckResult(
          CardCheckResult.Status.NOT_FOUND, Optional.empty(), Optional.empty(), code, provenance);
    }
    if (code.equals("401")) {
      throw tokenRefused();
    }
    String safe = code.matches("[A-Za-z0-9]{1,10}") ? code : "";
    throw new RemoteRefusalException(
        200,
        safe,
        call.requestId(),
        false,
        "the social-insurance gateway answered " + (safe.isEmpty() ? "no known code" : safe));
  }

  private static CardCheckResult mismatch(
      CitizenField field, String code, GatewayProvenance provenance) {
    return new CardCheckResult(
        CardCheckResult.Status.DETAILS_MISMATCH,
        Optional.of(field),
        Optional.empty(),
        code,
        provenance);
  }

  private static String birthDate(PartialDate d) {
    return d.toLocalDate().map(DMY::format).orElse(String.format(Locale.ROOT, "%04d", d.year()));
  }

  private HealthInsuranceCard card(Call call, JsonNode n) {
    String current = "card";
    try {
      current = "cardNumber";
      HealthInsuranceCard.Builder b =
          HealthInsuranceCard.builder().cardNumber(required(n, "bhxh.field.cardNumber"));
      current = "fullName";
      b.fullName(VietnameseName.of(required(n, "bhxh.field.fullName")));
      current = "dateOfBirth";
      b.dateOfBirth(
          PartialDate.parseVietnamese("dateOfBirth", required(n, "bhxh.field.dateOfBirth")));
      current = "sex";
      b.sex(Sex.parse(required(n, "bhxh.field.sex")));
      current = "address";
      optional(n, "bhxh.field.address").map(Address::parse).ifPresent(b::address);
      current = "facilityCode";
      b.facilityCode(required(n, "bhxh.field.facilityCode"));
      current = "validFrom";
      b.validFrom(LocalDate.parse(required(n, "bhxh.field.validFrom"), DMY));
      current = "validTo";
      b.validTo(LocalDate.parse(required(n, "bhxh.field.validTo"), DMY));
      HealthInsuranceCard card = b.build();
      current = "socialInsuranceNumber";
      Optional<String> sin = optional(n, "bhxh.field.socialInsuranceNumber");
      if (sin.isPresent() && !sin.get().equals(card.socialInsuranceNumber())) {
        throw new IllegalArgumentException("the card number and social-insurance number differ");
      }
      return card;
    } catch (Id06Exception
        | IllegalArgumentException
        | DateTimeException
        | NullPointerException e) {
      throw LgspSoapConnector.malformed(call, current);
    }
  }

  private String required(JsonNode n, String key) {
    return optional(n, key).orElseThrow(() -> new NullPointerException(key));
  }

  private Optional<String> optional(JsonNode n, String key) {
    JsonNode v = n.get(map.name(key));
    return v == null || !v.isTextual() || v.textValue().isBlank()
        ? Optional.empty()
        : Optional.of(v.textValue().strip());
  }

  // ------------------------------------------------------------------ the token

  private static AttemptFailure tokenRefusedFailure() {
    return new AttemptFailure(
        AttemptFailure.Kind.TOKEN_EXPIRED,
        "the access token was refused",
        null,
        new VerificationException(
            SecurityCheck.TOKEN, "the social-insurance gateway refused the access token"),
        null);
  }

  private AttemptFailure tokenRefused() {
    invalidate();
    return tokenRefusedFailure();
  }

  synchronized void invalidate() {
    token = null;
  }

  private synchronized Token token(Call call) {
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.expiresAt.minus(REFRESH_MARGIN))) {
      return token;
    }
    token = null;
    ObjectNode body = json.createObjectNode();
    body.put("username", username);
    body.put("password", password);
    HttpExchange.Answer a = post(call, base.resolve(map.name("bhxh.tokenPath")), Map.of(), body);
    if (a.status() == 401 || a.status() == 403) {
      throw new VerificationException(
          SecurityCheck.TOKEN, "the social-insurance gateway refused the credentials");
    }
    JsonNode n = jsonAnswer(call, a);
    String code = n.path(map.name("bhxh.field.resultCode")).asText("");
    if (!map.codes("bhxh.code.tokenOk").contains(code)) {
      throw new VerificationException(
          SecurityCheck.TOKEN, "the social-insurance gateway refused the credentials");
    }
    JsonNode key = n.path("APIKey");
    String access = key.path("access_token").asText("");
    String id = key.path("id_token").asText("");
    Instant expires = expiry(key.path("expires_in"), now);
    if (access.isEmpty() || expires == null || !expires.isAfter(now)) {
      throw new VerificationException(SecurityCheck.TOKEN, "the token answer is malformed");
    }
    token = new Token(access, id, expires);
    return token;
  }

  /** {@code expires_in}: seconds, or (as the gateway sends it) a date-time with its offset. */
  static Instant expiry(JsonNode v, Instant now) {
    if (v.isIntegralNumber()) {
      return v.asLong() > 0 ? now.plusSeconds(Math.min(v.asLong(), 86_400L * 30)) : null;
    }
    String s = v.asText("").strip();
    if (s.matches("[0-9]{1,9}")) {
      return now.plusSeconds(Long.parseLong(s));
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ wire

  private HttpExchange.Answer post(
      Call call, URI uri, Map<String, String> headers, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request", e);
    }
    HttpExchange.Answer a;
    try {
      a = http.exchange("POST", uri, headers, bytes, ContentType.APPLICATION_JSON, maxBytes);
    } catch (UnavailableException e) {
      throw new UnavailableException(e.kind(), call.attempt(), e.getMessage(), e.getCause());
    }
    int status = a.status();
    if (Answers.isBusy(status)) {
      throw Answers.busy(a, clock);
    }
    return a;
  }

  private JsonNode jsonAnswer(Call call, HttpExchange.Answer a) {
    String ct = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
    if (ct.startsWith("text/html") || LgspSoapConnector.looksLikeHtml(a.body())) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway answered an HTML page (a login or error page), not JSON (HTTP "
              + a.status()
              + ")",
          null);
    }
    if (a.status() != 200) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway answered with an unexpected HTTP status " + a.status(),
          null);
    }
    return Answers.jsonObject(json, a.body(), call.attempt());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
