package vn.id06.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.CitizenField;
import vn.id06.core.Id06Exception;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.address.Address;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.Ethnicity;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.LifeStatus;
import vn.id06.core.citizen.Nationality;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** The REST JSON profile ({@code spec/population-gateway.yaml}). Thread-safe. */
final class RestConnector implements Connector {

  static final String OPERATOR_HEADER = "Id06-Operator-Context";
  static final String SIGNATURE_HEADER = "Id06-Response-Signature";
  private static final Logger LOG = LoggerFactory.getLogger(RestConnector.class);
  private static final ResponseSignature.NotVerified UNSIGNED_ALLOWED =
      new ResponseSignature.NotVerified("unsigned answers allowed by configuration");

  private final URI base;
  private final HttpExchange http;
  private final AccessTokens tokens;
  private final ResponseSigning signing;
  private final boolean allowUnsigned;
  private final ObjectMapper json;
  private final Clock clock;
  private final long maxBytes;
  private final long maxBatchBytes;

  RestConnector(
      URI base,
      HttpExchange http,
      AccessTokens tokens,
      ResponseSigning signing,
      boolean allowUnsigned,
      ObjectMapper json,
      Clock clock,
      long maxBytes,
      long maxBatchBytes) {
    this.base = base;
    this.http = http;
    this.tokens = tokens;
    this.signing = signing;
    this.allowUnsigned = allowUnsigned;
    this.json = json;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.maxBatchBytes = maxBatchBytes;
  }

  @Override
  public GatewayProfile profile() {
    return GatewayProfile.REST;
  }

  // ------------------------------------------------------------------ operations

  @Override
  public VerificationResult verify(Call call, VerificationRequest subject) {
    Signed s = exchange(call, "POST", "citizens/verify", subjectJson(subject), maxBytes);
    return result(s.body, s.provenance);
  }

  @Override
  public List<VerificationResult> verifyBatch(Call call, List<VerificationRequest> subjects) {
    ObjectNode body = json.createObjectNode();
    ArrayNode arr = body.putArray("subjects");
    for (VerificationRequest r : subjects) {
      arr.add(subjectJson(r));
    }
    Signed s = exchange(call, "POST", "citizens/verify-batch", body, maxBatchBytes);
    JsonNode results = s.body.path("results");
    if (!results.isArray() || results.size() != subjects.size()) {
      throw malformed(call, "results");
    }
    List<VerificationResult> out = new ArrayList<>(subjects.size());
    for (JsonNode r : results) {
      out.add(result(r, s.provenance));
    }
    return out;
  }

  @Override
  public Optional<CitizenRecord> lookup(Call call, LookupRequest request) {
    ObjectNode body = json.createObjectNode();
    if (request.citizenId().isPresent()) {
      body.put("citizenId", request.idValue());
    } else {
      body.put("legacyId", request.idValue());
    }
    ArrayNode fields = body.putArray("fields");
    request.fields().forEach(f -> fields.add(f.jsonName()));
    body.put("purpose", call.operator().purpose());
    body.put("consentReference", request.consentReference());
    Signed s = exchange(call, "POST", "citizens/lookup", body, maxBytes);
    if (!s.body.path("found").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode c = s.body.path("citizen");
    if (!c.isObject()) {
      throw malformed(call, "citizen");
    }
    return Optional.of(record(call, c, s.provenance));
  }

  @Override
  public Optional<HealthInsuranceCardCheck> insuranceCard(Call call, CitizenId citizenId) {
    ObjectNode body = json.createObjectNode();
    body.put("citizenId", citizenId.value());
    Signed s = exchange(call, "POST", "health-insurance/cards/lookup", body, maxBytes);
    if (!s.body.path("found").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode c = s.body.path("card");
    try {
      return Optional.of(
          new HealthInsuranceCardCheck(
              text(c, "cardNumber"),
              text(c, "socialInsuranceNumber"),
              text(c, "facilityCode"),
              LocalDate.parse(text(c, "validFrom")),
              LocalDate.parse(text(c, "validTo")),
              c.path("valid").asBoolean(false),
              s.provenance));
    } catch (DateTimeException | NullPointerException e) {
      throw malformed(call, "card");
    }
  }

  @Override
  public RequestStatus status(Call call, String requestId) {
    Signed s =
        exchange(
            call,
            "GET",
            "requests/" + URLEncoder.encode(requestId, StandardCharsets.UTF_8),
            null,
            maxBytes);
    String state = s.body.path("status").asText("");
    try {
      return new RequestStatus(
          requestId,
          RequestStatus.State.valueOf(state),
          Optional.ofNullable(s.body.path("operation").textValue()),
          Optional.ofNullable(s.body.path("completedAt").textValue()).map(Instant::parse),
          s.provenance);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw malformed(call, "status");
    }
  }

  @Override
  public void close() {
    // The exchange is owned by the core.
  }

  // ------------------------------------------------------------------ mapping

  private ObjectNode subjectJson(VerificationRequest r) {
    ObjectNode n = json.createObjectNode();
    if (r.citizenId().isPresent()) {
      n.put("citizenId", r.idValue());
    } else {
      n.put("legacyId", r.idValue());
    }
    r.fullName().ifPresent(v -> n.put("fullName", v.value()));
    r.dateOfBirth().ifPresent(v -> n.put("dateOfBirth", v.toIso()));
    r.sex().ifPresent(v -> n.put("sex", v.name()));
    return n;
  }

  private VerificationResult result(JsonNode n, GatewayProvenance provenance) {
    VerificationOutcome overall = outcome(n.path("result").asText(""));
    Map<CitizenField, FieldVerification> fields = new EnumMap<>(CitizenField.class);
    JsonNode f = n.path("fields");
    for (CitizenField field :
        new CitizenField[] {CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.SEX}) {
      JsonNode v = f.path(field.jsonName());
      if (v.isObject()) {
        VerificationOutcome r = outcome(v.path("result").asText(""));
        boolean explained =
            r == VerificationOutcome.MISMATCH
                && "MATCH".equals(v.path("normalisedResult").asText());
        fields.put(field, new FieldVerification(field, r, explained));
      }
    }
    LifeStatus life = null;
    String ls = n.path("lifeStatus").asText("");
    if (!ls.isEmpty()) {
      try {
        life = LifeStatus.valueOf(ls);
      } catch (IllegalArgumentException e) {
        throw new UnavailableException(
            UnavailableException.Kind.GATEWAY,
            1,
            "the gateway's answer has an unknown life status",
            null);
      }
    }
    return new VerificationResult(overall, fields, life, provenance);
  }

  private static VerificationOutcome outcome(String s) {
    try {
      return VerificationOutcome.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY, 1, "the gateway's answer has an unknown result", null);
    }
  }

  private CitizenRecord record(Call call, JsonNode c, GatewayProvenance provenance) {
    CitizenRecord.Builder b = CitizenRecord.builder(provenance);
    String current = "citizen";
    try {
      current = "citizenId";
      opt(c, current).map(CitizenId::parse).ifPresent(b::citizenId);
      current = "legacyId";
      opt(c, current).map(LegacyId::parse).ifPresent(b::legacyId);
      current = "fullName";
      opt(c, current).map(VietnameseName::of).ifPresent(b::fullName);
      current = "dateOfBirth";
      opt(c, current).map(v -> PartialDate.parseIso("dateOfBirth", v)).ifPresent(b::dateOfBirth);
      current = "sex";
      opt(c, current).map(Sex::parse).ifPresent(b::sex);
      current = "nationality";
      opt(c, current).map(Nationality::of).ifPresent(b::nationality);
      current = "ethnicity";
      opt(c, current).map(Ethnicity::of).ifPresent(b::ethnicity);
      current = "placeOfOrigin";
      opt(c, current).map(Address::parse).ifPresent(b::placeOfOrigin);
      current = "address";
      opt(c, current).map(Address::parse).ifPresent(b::permanentAddress);
      current = "lifeStatus";
      opt(c, current).map(LifeStatus::valueOf).ifPresent(b::lifeStatus);
      current = "issueDate";
      opt(c, current).map(LocalDate::parse).ifPresent(b::issueDate);
    } catch (Id06Exception | IllegalArgumentException | DateTimeException e) {
      throw malformed(call, current);
    }
    return b.build();
  }

  private static Optional<String> opt(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new NullPointerException(name);
    }
    return v.textValue();
  }

  private static UnavailableException malformed(Call call, String field) {
    return new UnavailableException(
        UnavailableException.Kind.GATEWAY,
        call.attempt(),
        "the gateway's answer has a missing or malformed " + field,
        null);
  }

  // ------------------------------------------------------------------ wire

  private record Signed(JsonNode body, GatewayProvenance provenance) {}

  private String operatorHeader(OperatorContext op, String requestId) {
    ObjectNode n = json.createObjectNode();
    n.put("agencyCode", op.agencyCode());
    n.put("officerCode", op.officerCode());
    n.put("procedureCode", op.procedureCode());
    n.put("purpose", op.purpose());
    n.put("requestId", requestId);
    if (!op.officerName().isEmpty()) {
      n.put("officerName", op.officerName());
    }
    if (!op.officerId().isEmpty()) {
      n.put("officerId", op.officerId());
    }
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the operator context", e);
    }
  }

  private Signed exchange(Call call, String method, String path, JsonNode body, long limit) {
    byte[] bytes;
    try {
      bytes = body == null ? null : json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request", e);
    }
    String token = tokens.get(maxBytes);
    HttpExchange.Answer a;
    try {
      a =
          http.exchange(
              method,
              base.resolve(path),
              Map.of(
                  "Authorization",
                  "Bearer " + token,
                  OPERATOR_HEADER,
                  operatorHeader(call.operator(), call.requestId())),
              bytes,
              ContentType.APPLICATION_JSON,
              limit);
    } catch (UnavailableException e) {
      throw new UnavailableException(e.kind(), call.attempt(), e.getMessage(), e.getCause());
    }
    LOG.debug(
        "{} {}: HTTP {}, {} bytes, request {}",
        method,
        path.startsWith("requests/") ? "requests/{id}" : path,
        a.status(),
        a.body().length,
        call.requestId());
    return check(call, a);
  }

  private Signed check(Call call, HttpExchange.Answer a) {
    int status = a.status();
    if (a.signature() == null && Answers.isBusy(status)) {
      // A proxy or load balancer in front of the gateway: never an answer, only a reason to retry.
      throw Answers.busy(a, clock);
    }
    ResponseSignature sig;
    if (a.signature() == null) {
      if (!allowUnsigned) {
        throw new VerificationException(
            SecurityCheck.RESPONSE_SIGNATURE,
            "the gateway's answer is not signed (HTTP " + status + ")");
      }
      sig = UNSIGNED_ALLOWED;
    } else {
      if (signing == null) {
        sig = new ResponseSignature.NotVerified("no JWKS configured");
      } else {
        sig = signing.verify(a.signature(), a.body(), call.requestId(), status);
      }
    }
    GatewayProvenance provenance =
        new GatewayProvenance(profile().id(), call.requestId(), clock.instant(), sig);
    if (status == 401
        && a.wwwAuthenticate() != null
        && a.wwwAuthenticate().contains("invalid_token")) {
      tokens.invalidate();
      throw new AttemptFailure(
          AttemptFailure.Kind.TOKEN_EXPIRED,
          "the access token was refused",
          null,
          new VerificationException(SecurityCheck.TOKEN, "the gateway refused the access token"),
          null);
    }
    JsonNode body = parse(call, a);
    if (status >= 400) {
      String type = body.path("type").asText("");
      String code = type.substring(type.lastIndexOf('/') + 1);
      boolean retryable = status == 429 || status >= 500;
      RemoteRefusalException refusal =
          new RemoteRefusalException(
              status,
              code,
              call.requestId(),
              retryable,
              "the gateway refused the request (HTTP "
                  + status
                  + (code.isEmpty() ? "" : ", " + code)
                  + ")");
      if (retryable) {
        throw new AttemptFailure(
            status == 429 || status == 503
                ? AttemptFailure.Kind.THROTTLED
                : AttemptFailure.Kind.SERVER,
            refusal.getMessage(),
            retryAfter(a.retryAfter(), clock),
            refusal,
            null);
      }
      throw refusal;
    }
    if (status != 200) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway answered with an unexpected HTTP status " + status,
          null);
    }
    return new Signed(body, provenance);
  }

  private JsonNode parse(Call call, HttpExchange.Answer a) {
    byte[] b = a.body();
    int i = 0;
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    if (i < b.length && b[i] == '<') {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway's answer is markup (HTML or XML), not JSON",
          null);
    }
    String ct = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
    if (!(ct.startsWith("application/json") || ct.startsWith("application/problem+json"))) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway's answer is not JSON (content type)",
          null);
    }
    return Answers.jsonObject(json, b, call.attempt());
  }

  static Duration retryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      long s = Long.parseLong(h);
      return s < 0 ? null : Duration.ofSeconds(Math.min(s, 86_400));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime t = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), t.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeException ex) {
        return null;
      }
    }
  }
}
