package vn.id06.core.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
import vn.id06.core.citizen.Ethnicity;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.LifeStatus;
import vn.id06.core.citizen.Nationality;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/**
 * The SOAP profile of the population database as provinces reach it through their LGSP: verify
 * ({@code XacThucThongTinCongDan}) and look up ({@code TraCuuThongTinCongDan}), every request
 * carrying the request id, procedure, agency and officer codes. Bearer token as for REST. Answers
 * are parsed by {@link SafeXml}; they are not signed, so every provenance is {@code
 * POPULATION_DATABASE_UNVERIFIED}. Names come from a {@link WireMapping}. Thread-safe.
 */
final class LgspSoapConnector implements Connector {

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final Logger LOG = LoggerFactory.getLogger(LgspSoapConnector.class);
  private static final ContentType SOAP_TYPE =
      ContentType.create("text/xml", StandardCharsets.UTF_8);
  static final ResponseSignature.NotVerified UNSIGNED =
      new ResponseSignature.NotVerified("the lgsp profile's answers are not signed");

  private final URI endpoint;
  private final HttpExchange http;
  private final AccessTokens tokens;
  private final WireMapping map;
  private final Clock clock;
  private final long maxBytes;

  LgspSoapConnector(
      URI base,
      HttpExchange http,
      AccessTokens tokens,
      WireMapping map,
      Clock clock,
      long maxBytes) {
    this.endpoint = base.resolve(map.name("lgsp.endpoint"));
    this.http = http;
    this.tokens = tokens;
    this.map = map;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  @Override
  public GatewayProfile profile() {
    return GatewayProfile.LGSP;
  }

  // ------------------------------------------------------------------ operations

  @Override
  public VerificationResult verify(Call call, VerificationRequest subject) {
    Map<String, String> f = common(call);
    if (subject.citizenId().isPresent()) {
      f.put(map.name("lgsp.field.citizenId"), subject.idValue());
    } else {
      f.put(map.name("lgsp.field.legacyId"), subject.idValue());
    }
    subject.fullName().ifPresent(v -> f.put(map.name("lgsp.field.fullName"), v.value()));
    subject.dateOfBirth().ifPresent(v -> f.put(map.name("lgsp.field.dateOfBirth"), v.toIso()));
    subject.sex().ifPresent(v -> f.put(map.name("lgsp.field.sex"), sexValue(v)));
    Element r = exchange(call, "verify", f);
    return result(call, r, provenance(call));
  }

  @Override
  public List<VerificationResult> verifyBatch(Call call, List<VerificationRequest> subjects) {
    // The SOAP profile has no batch operation: one verify per subject, in order, in this attempt.
    List<VerificationResult> out = new ArrayList<>(subjects.size());
    for (VerificationRequest s : subjects) {
      out.add(verify(call, s));
    }
    return out;
  }

  @Override
  public Optional<CitizenRecord> lookup(Call call, LookupRequest request) {
    Map<String, String> f = common(call);
    if (request.citizenId().isPresent()) {
      f.put(map.name("lgsp.field.citizenId"), request.idValue());
    } else {
      f.put(map.name("lgsp.field.legacyId"), request.idValue());
    }
    f.put(map.name("lgsp.field.purpose"), call.operator().purpose());
    f.put(map.name("lgsp.field.consent"), request.consentReference());
    Element r = exchange(call, "lookup", f);
    Element c = SafeXml.child(r, map.name("lgsp.field.citizen"));
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(record(call, c, request, provenance(call)));
  }

  @Override
  public Optional<HealthInsuranceCardCheck> insuranceCard(Call call, CitizenId citizenId) {
    throw unsupported("the health-insurance lookup");
  }

  @Override
  public RequestStatus status(Call call, String requestId) {
    throw unsupported("the request-status query");
  }

  static InvalidInputException unsupported(String what) {
    return new InvalidInputException(
        "profile", InputReason.UNKNOWN_VALUE, what + " is not part of this profile");
  }

  @Override
  public void close() {
    // The exchange is owned by the core.
  }

  // ------------------------------------------------------------------ mapping

  private Map<String, String> common(Call call) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(map.name("lgsp.field.requestId"), call.requestId());
    f.put(map.name("lgsp.field.procedure"), call.operator().procedureCode());
    f.put(map.name("lgsp.field.integration"), map.name("lgsp.integrationCode"));
    f.put(map.name("lgsp.field.agency"), call.operator().agencyCode());
    f.put(map.name("lgsp.field.officer"), call.operator().officerCode());
    return f;
  }

  private String sexValue(Sex s) {
    return map.name(s == Sex.FEMALE ? "lgsp.value.female" : "lgsp.value.male");
  }

  private GatewayProvenance provenance(Call call) {
    return new GatewayProvenance(profile().id(), call.requestId(), clock.instant(), UNSIGNED);
  }

  private VerificationOutcome outcome(Call call, String value, String what) {
    if (map.name("lgsp.value.match").equals(value)) {
      return VerificationOutcome.MATCH;
    }
    if (map.name("lgsp.value.mismatch").equals(value)) {
      return VerificationOutcome.MISMATCH;
    }
    if (map.name("lgsp.value.notFound").equals(value)) {
      return VerificationOutcome.NOT_FOUND;
    }
    throw malformed(call, what);
  }

  private LifeStatus life(Call call, String value) {
    if (map.name("lgsp.value.alive").equals(value)) {
      return LifeStatus.ALIVE;
    }
    if (map.name("lgsp.value.deceased").equals(value)) {
      return LifeStatus.DECEASED;
    }
    if (map.name("lgsp.value.missing").equals(value)) {
      return LifeStatus.MISSING;
    }
    throw malformed(call, "life status");
  }

  private VerificationResult result(Call call, Element r, GatewayProvenance provenance) {
    VerificationOutcome overall =
        outcome(call, SafeXml.text(r, map.name("lgsp.field.result")), "result");
    Map<CitizenField, FieldVerification> fields = new EnumMap<>(CitizenField.class);
    Element detail = SafeXml.child(r, map.name("lgsp.field.fieldResults"));
    if (detail != null) {
      for (CitizenField field :
          new CitizenField[] {
            CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.SEX
          }) {
        String v = SafeXml.text(detail, map.name("lgsp.field." + field.jsonName()));
        if (v != null) {
          fields.put(field, new FieldVerification(field, outcome(call, v, "field result"), false));
        }
      }
    }
    String ls = SafeXml.text(r, map.name("lgsp.field.lifeStatus"));
    LifeStatus life = ls == null ? null : life(call, ls);
    return new VerificationResult(overall, fields, life, provenance);
  }

  private CitizenRecord record(
      Call call, Element c, LookupRequest request, GatewayProvenance provenance) {
    CitizenRecord.Builder b = CitizenRecord.builder(provenance);
    String current = "citizen";
    try {
      for (CitizenField f : request.fields()) {
        current = f.jsonName();
        String key = "lgsp.field." + f.jsonName();
        if (!map.asMap().containsKey(key)) {
          continue; // a field this profile does not carry
        }
        String v = SafeXml.text(c, map.name(key));
        if (v == null) {
          continue;
        }
        switch (f) {
          case CITIZEN_ID -> b.citizenId(CitizenId.parse(v));
          case LEGACY_ID -> b.legacyId(LegacyId.parse(v));
          case FULL_NAME -> b.fullName(VietnameseName.of(v));
          case DATE_OF_BIRTH -> b.dateOfBirth(PartialDate.parseIso("dateOfBirth", v));
          case SEX -> b.sex(sex(v));
          case NATIONALITY -> b.nationality(Nationality.of(v));
          case ETHNICITY -> b.ethnicity(Ethnicity.of(v));
          case PLACE_OF_ORIGIN -> b.placeOfOrigin(Address.parse(v));
          case PERMANENT_ADDRESS -> b.permanentAddress(Address.parse(v));
          case LIFE_STATUS -> b.lifeStatus(life(call, v));
          case ISSUE_DATE -> b.issueDate(LocalDate.parse(v));
          default -> {
            // Other fields are not part of this profile's answer.
          }
        }
      }
    } catch (Id06Exception | IllegalArgumentException | DateTimeException e) {
      throw malformed(call, current);
    }
    return b.build();
  }

  private Sex sex(String v) {
    if (map.name("lgsp.value.male").equals(v)) {
      return Sex.MALE;
    }
    if (map.name("lgsp.value.female").equals(v)) {
      return Sex.FEMALE;
    }
    return Sex.parse(v);
  }

  static UnavailableException malformed(Call call, String what) {
    return new UnavailableException(
        UnavailableException.Kind.GATEWAY,
        call.attempt(),
        "the gateway's answer has a missing or malformed " + what,
        null);
  }

  // ------------------------------------------------------------------ wire

  private String envelope(String operation, Map<String, String> fields) {
    StringBuilder b = new StringBuilder(512);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<soap:Envelope xmlns:soap=\"")
        .append(SOAP11)
        .append("\"><soap:Body><m:")
        .append(operation)
        .append(" xmlns:m=\"")
        .append(map.name("lgsp.namespace"))
        .append("\">");
    fields.forEach(
        (name, value) ->
            b.append("<m:")
                .append(name)
                .append('>')
                .append(SafeXml.escape(name, value))
                .append("</m:")
                .append(name)
                .append('>'));
    return b.append("</m:").append(operation).append("></soap:Body></soap:Envelope>").toString();
  }

  private Element exchange(Call call, String op, Map<String, String> fields) {
    String operation = map.name("lgsp.operation." + op);
    byte[] body = envelope(operation, fields).getBytes(StandardCharsets.UTF_8);
    String token = tokens.get(maxBytes);
    HttpExchange.Answer a;
    try {
      a =
          http.exchange(
              "POST",
              endpoint,
              Map.of(
                  "Authorization",
                  "Bearer " + token,
                  "SOAPAction",
                  "\"" + map.name("lgsp.soapActionPrefix") + operation + "\"",
                  "Accept",
                  "text/xml, application/soap+xml"),
              body,
              SOAP_TYPE,
              maxBytes);
    } catch (UnavailableException e) {
      throw new UnavailableException(e.kind(), call.attempt(), e.getMessage(), e.getCause());
    }
    LOG.debug(
        "SOAP {}: HTTP {}, {} bytes, request {}",
        operation,
        a.status(),
        a.body().length,
        call.requestId());
    return answer(call, operation, a);
  }

  private Element answer(Call call, String operation, HttpExchange.Answer a) {
    int status = a.status();
    if (status == 401) {
      tokens.invalidate();
      throw new AttemptFailure(
          AttemptFailure.Kind.TOKEN_EXPIRED,
          "the access token was refused",
          null,
          new VerificationException(SecurityCheck.TOKEN, "the gateway refused the access token"),
          null);
    }
    String ct = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
    boolean xml = ct.startsWith("text/xml") || ct.startsWith("application/soap+xml");
    if (Answers.isBusy(status)) {
      // Throttling or a proxy in front of the gateway: whatever the body, a reason to retry.
      throw Answers.busy(a, clock);
    }
    if (ct.startsWith("text/html") || looksLikeHtml(a.body())) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway answered an HTML page (a login or error page), not SOAP (HTTP "
              + status
              + ")",
          null);
    }
    if (!xml) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway's answer is not SOAP (content type)",
          null);
    }
    Document doc;
    try {
      doc = SafeXml.parse(a.body());
    } catch (SafeXml.Refused e) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway's answer " + e.getMessage(),
          null);
    }
    Element env = doc.getDocumentElement();
    String ns = env.getNamespaceURI();
    if (!"Envelope".equals(env.getLocalName()) || !(SOAP11.equals(ns) || SOAP12.equals(ns))) {
      throw malformed(call, "SOAP envelope");
    }
    Element body = SafeXml.child(env, "Body");
    List<Element> content = body == null ? List.of() : SafeXml.children(body);
    if (content.isEmpty()) {
      throw malformed(call, "SOAP body");
    }
    Element first = content.get(0);
    if ("Fault".equals(first.getLocalName()) && ns.equals(first.getNamespaceURI())) {
      throw fault(call, status, first, a);
    }
    if (status != 200) {
      throw new UnavailableException(
          UnavailableException.Kind.GATEWAY,
          call.attempt(),
          "the gateway answered with an unexpected HTTP status " + status,
          null);
    }
    if (!(operation + "Response").equals(first.getLocalName())) {
      throw malformed(call, "operation response");
    }
    String echoed = SafeXml.text(first, map.name("lgsp.field.requestId"));
    if (echoed != null && !echoed.equals(call.requestId())) {
      throw new VerificationException(
          SecurityCheck.REQUEST_BINDING, "the gateway's answer names another request");
    }
    return first;
  }

  private RuntimeException fault(Call call, int status, Element f, HttpExchange.Answer a) {
    String code = SafeXml.text(f, "faultcode");
    if (code == null) {
      Element c = SafeXml.child(f, "Code");
      code = c == null ? null : SafeXml.text(c, "Value");
    }
    code = code == null ? "" : code.substring(code.indexOf(':') + 1);
    if (!code.matches("[A-Za-z0-9._\\-]{1,40}")) {
      code = "";
    }
    boolean server = code.startsWith("Server") || code.startsWith("Receiver");
    RemoteRefusalException refusal =
        new RemoteRefusalException(
            status,
            code,
            call.requestId(),
            server,
            "the gateway answered a SOAP fault" + (code.isEmpty() ? "" : " (" + code + ")"));
    if (server) {
      return new AttemptFailure(
          AttemptFailure.Kind.SERVER,
          refusal.getMessage(),
          RestConnector.retryAfter(a.retryAfter(), clock),
          refusal,
          null);
    }
    return refusal;
  }

  static boolean looksLikeHtml(byte[] b) {
    int i = 0;
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    String head =
        new String(b, i, Math.min(b.length - i, 64), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }
}
