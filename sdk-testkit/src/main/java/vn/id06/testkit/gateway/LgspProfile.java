package vn.id06.testkit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * Serves the LGSP SOAP profile under {@code /lgsp/}: {@code XacThucThongTinCongDan} (verify) and
 * {@code TraCuuThongTinCongDan} (look up) at {@code /lgsp/dancu}, SOAP 1.1, with the default names
 * of the SDK's {@code WireMapping}, and a bearer token from {@code /lgsp/oauth2/token} (the same
 * client registration as the REST profile). Answers are not signed. Requests are parsed with
 * DOCTYPEs refused. Faults as {@link FaultSpec}; {@code badsig}, meaningless without signatures,
 * answers a SOAP Server fault. Thread-safe.
 */
final class LgspProfile {

  static final String NS = "http://dancuquocgia.bca";
  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String VERIFY = "XacThucThongTinCongDan";
  static final String LOOKUP = "TraCuuThongTinCongDan";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,40}");
  private static final String XML = "text/xml; charset=utf-8";

  private final SyntheticPopulation population;
  private final RestProfile rest;
  private final WireFaults faults;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<byte[]> lastAnswer = new AtomicReference<>();

  LgspProfile(SyntheticPopulation population, RestProfile rest, WireFaults faults) {
    this.population = population;
    this.rest = rest;
    this.faults = faults;
  }

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String op = ex.getRequestURI().getRawPath().substring("/lgsp/".length());
      if (op.equals("oauth2/token") && ex.getRequestMethod().equals("POST")) {
        rest.token(ex);
        return;
      }
      if (!op.equals("dancu") || !ex.getRequestMethod().equals("POST")) {
        WireFaults.send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      operation(ex);
    }
  }

  private void operation(HttpExchange ex) throws IOException {
    FaultSpec.Kind fault = faults.draw();
    if (faults.applyCommon(ex, fault)) {
      return;
    }
    if (fault == FaultSpec.Kind.REPLAY && lastAnswer.get() != null) {
      WireFaults.send(ex, 200, XML, lastAnswer.get());
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !rest.tokenValid(auth.substring(7))) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      WireFaults.send(ex, 401, "text/plain", "unauthorised".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (fault == FaultSpec.Kind.EXPIRED_TOKEN) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      WireFaults.send(ex, 401, "text/plain", "token expired".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (fault == FaultSpec.Kind.BAD_SIGNATURE) {
      fault(ex, "Server", "Hệ thống đang bận");
      return;
    }
    byte[] body = WireFaults.readBody(ex);
    Element request = body == null ? null : parse(body);
    if (request == null) {
      fault(ex, "Client", "Yêu cầu không hợp lệ");
      return;
    }
    String operation = request.getLocalName();
    String action = ex.getRequestHeaders().getFirst("SOAPAction");
    if (!NS.equals(request.getNamespaceURI())
        || !(operation.equals(VERIFY) || operation.equals(LOOKUP))
        || action == null
        || !action.replace("\"", "").equals(NS + "/" + operation)) {
      fault(ex, "Client", "Thao tác không được hỗ trợ");
      return;
    }
    String rid = text(request, "MaYeuCau");
    if (rid == null || !REQUEST_ID.matcher(rid).matches()) {
      fault(ex, "Client", "Thiếu mã yêu cầu");
      return;
    }
    for (String required : new String[] {"MaDVC", "MaDonVi", "MaCanBo"}) {
      if (text(request, required) == null) {
        fault(ex, "Client", "Thiếu thông tin người khai thác");
        return;
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("MaYeuCau", rid);
    String inner;
    if (operation.equals(VERIFY)) {
      inner = verify(request, out);
    } else {
      if (text(request, "MucDich") == null || text(request, "CanCuPhapLy") == null) {
        fault(ex, "Client", "Thiếu mục đích hoặc căn cứ pháp lý");
        return;
      }
      inner = lookup(request, out);
    }
    StringBuilder b = new StringBuilder(1024);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"")
        .append(SOAP11)
        .append("\"><soap:Body><m:")
        .append(operation)
        .append("Response xmlns:m=\"")
        .append(NS)
        .append("\">");
    out.forEach((k, v) -> element(b, k, v));
    b.append(inner)
        .append("</m:")
        .append(operation)
        .append("Response></soap:Body></soap:Envelope>");
    byte[] answer = b.toString().getBytes(StandardCharsets.UTF_8);
    if (fault == FaultSpec.Kind.TRUNCATE) {
      WireFaults.truncated(ex, 200, XML, answer);
    }
    if (fault == null || fault == FaultSpec.Kind.REPLAY) {
      lastAnswer.set(answer);
    }
    WireFaults.send(ex, 200, XML, answer);
  }

  private String verify(Element request, Map<String, String> out) {
    ObjectNode subject = json.createObjectNode();
    putIf(subject, "citizenId", text(request, "SoDinhDanh"));
    putIf(subject, "legacyId", text(request, "SoCMND"));
    putIf(subject, "fullName", text(request, "HoVaTen"));
    putIf(subject, "dateOfBirth", text(request, "NgayThangNamSinh"));
    String sex = text(request, "GioiTinh");
    if (sex != null) {
      subject.put("sex", sex.equals("Nam") ? "MALE" : sex.equals("Nữ") ? "FEMALE" : sex);
    }
    ObjectNode r = rest.verifyOne(subject);
    out.put("KetQua", word(r.path("result").asText()));
    if (r.hasNonNull("lifeStatus")) {
      out.put("TinhTrang", life(r.get("lifeStatus").asText()));
    }
    StringBuilder detail = new StringBuilder();
    JsonNode fields = r.path("fields");
    Map<String, String> names = Map.of("fullName", "HoVaTen", "dateOfBirth", "NgayThangNamSinh");
    for (String f : new String[] {"fullName", "dateOfBirth", "sex"}) {
      if (fields.has(f)) {
        element(
            detail, names.getOrDefault(f, "GioiTinh"), word(fields.get(f).path("result").asText()));
      }
    }
    return "<m:ChiTietKetQua>" + detail + "</m:ChiTietKetQua>";
  }

  private String lookup(Element request, Map<String, String> out) {
    String id = text(request, "SoDinhDanh");
    String legacy = text(request, "SoCMND");
    Optional<SyntheticCitizen> found =
        id != null
            ? population.byCitizenId(id)
            : legacy != null ? population.byLegacyId(legacy) : Optional.empty();
    if (found.isEmpty()) {
      out.put("KetQua", "KHONG_TIM_THAY");
      return "";
    }
    SyntheticCitizen c = found.get();
    out.put("KetQua", "KHOP");
    StringBuilder b = new StringBuilder("<m:CongDan>");
    element(b, "SoDinhDanh", c.citizenId());
    c.legacyId().ifPresent(v -> element(b, "SoCMND", v));
    element(b, "HoVaTen", c.fullName());
    element(b, "NgayThangNamSinh", c.dateOfBirth());
    element(b, "GioiTinh", c.sex().equals("FEMALE") ? "Nữ" : "Nam");
    element(b, "QuocTich", "VNM");
    element(b, "DanToc", c.ethnicity());
    element(b, "QueQuan", c.placeOfOrigin());
    element(b, "NoiThuongTru", c.permanentAddress());
    element(b, "TinhTrang", life(c.lifeStatus()));
    element(b, "NgayCap", c.issueDate().toString());
    return b.append("</m:CongDan>").toString();
  }

  private static String word(String outcome) {
    return switch (outcome) {
      case "MATCH" -> "KHOP";
      case "MISMATCH" -> "KHONG_KHOP";
      default -> "KHONG_TIM_THAY";
    };
  }

  private static String life(String status) {
    return switch (status) {
      case "DECEASED" -> "DA_CHET";
      case "MISSING" -> "MAT_TICH";
      default -> "CON_SONG";
    };
  }

  private static void putIf(ObjectNode n, String k, String v) {
    if (v != null) {
      n.put(k, v);
    }
  }

  private static void element(StringBuilder b, String name, String value) {
    b.append("<m:")
        .append(name)
        .append('>')
        .append(escape(value))
        .append("</m:")
        .append(name)
        .append('>');
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private void fault(HttpExchange ex, String code, String text) throws IOException {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\""
            + SOAP11
            + "\"><soap:Body><soap:Fault><faultcode>soap:"
            + code
            + "</faultcode><faultstring>"
            + escape(text)
            + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
    WireFaults.send(ex, 500, XML, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The operation element of a SOAP request, or null when it is not an acceptable envelope. */
  static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder db = f.newDocumentBuilder();
      db.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
              // Ignored: a warning does not stop the parse.
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }
          });
      Document d = db.parse(new ByteArrayInputStream(body));
      Element env = d.getDocumentElement();
      if (!"Envelope".equals(env.getLocalName()) || !SOAP11.equals(env.getNamespaceURI())) {
        return null;
      }
      Element soapBody = first(env);
      return soapBody == null || !"Body".equals(soapBody.getLocalName()) ? null : first(soapBody);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return null;
    }
  }

  private static Element first(Node parent) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && name.equals(e.getLocalName())) {
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
      }
    }
    return null;
  }
}
