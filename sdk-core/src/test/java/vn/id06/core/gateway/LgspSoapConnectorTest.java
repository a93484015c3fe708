package vn.id06.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.LifeStatus;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** The LGSP SOAP connector against a scripted gateway: mapping, hostile XML, faults, retries. */
class LgspSoapConnectorTest {

  static final OperatorContext OP =
      OperatorContext.of("000.00.00.H10", "CB01", "1.004227", "unit test");
  static final CitizenId ID = CitizenId.parse("079085000123");
  static final VerificationRequest SUBJECT =
      VerificationRequest.of(
          ID, VietnameseName.of("Nguyễn Thị An"), PartialDate.of(1985, 3, 14), Sex.FEMALE);
  static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String NS = "http://dancuquocgia.bca";

  @TempDir Path dir;
  MutableClock clock;
  WireFake gw;

  @BeforeEach
  void start() throws IOException {
    clock = new MutableClock();
    gw = new WireFake();
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  GatewayClientBuilder builder() {
    return PopulationDataClient.builder()
        .gateway(gw.root())
        .profile(GatewayProfile.LGSP)
        .allowUnsignedResponses(true)
        .client("client-1", "urn:test:gateway")
        .clientKey(FakeGateway.OTHER_EC.getPrivate())
        .clock(clock)
        .sleeper(clock.sleeper())
        .rateLimit(1_000_000)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60));
  }

  static String envelope(String inner) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\""
        + SOAP
        + "\"><s:Body>"
        + inner
        + "</s:Body></s:Envelope>";
  }

  static String response(String op, String content) {
    return envelope(
        "<m:" + op + "Response xmlns:m=\"" + NS + "\">" + content + "</m:" + op + "Response>");
  }

  static final String MATCH =
      response(
          "XacThucThongTinCongDan",
          "<m:KetQua>KHOP</m:KetQua><m:TinhTrang>CON_SONG</m:TinhTrang><m:ChiTietKetQua>"
              + "<m:HoVaTen>KHOP</m:HoVaTen><m:NgayThangNamSinh>KHOP</m:NgayThangNamSinh>"
              + "<m:GioiTinh>KHOP</m:GioiTinh></m:ChiTietKetQua>");

  VerificationResult verify() {
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      return c.verify(OP, SUBJECT);
    }
  }

  @Test
  void verifiesThroughSoapAndNeverReportsTheAnswerVerified() {
    gw.script = s -> WireFake.Reply.xml(MATCH);
    VerificationResult r = verify();
    assertThat(r.result()).isEqualTo(VerificationOutcome.MATCH);
    assertThat(r.lifeStatus()).contains(LifeStatus.ALIVE);
    assertThat(r.fields())
        .containsOnlyKeys(CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.SEX);
    assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
    assertThat(r.provenance().profile()).isEqualTo("lgsp");
    assertThat(r.provenance().signature().verified()).isFalse();
    WireFake.Seen s = gw.seen().get(0);
    assertThat(s.path()).isEqualTo("/lgsp/dancu");
    assertThat(s.headers().get("soapaction")).isEqualTo("\"" + NS + "/XacThucThongTinCongDan\"");
    assertThat(s.headers().get("authorization")).isEqualTo("Bearer t1");
    assertThat(s.headers().get("content-type")).startsWith("text/xml");
    assertThat(s.body())
        .contains("<m:MaYeuCau>" + r.requestId() + "</m:MaYeuCau>")
        .contains("<m:MaDVC>1.004227</m:MaDVC>")
        .contains("<m:MaDonVi>000.00.00.H10</m:MaDonVi>")
        .contains("<m:MaCanBo>CB01</m:MaCanBo>")
        .contains("<m:SoDinhDanh>079085000123</m:SoDinhDanh>")
        .contains("<m:HoVaTen>Nguyễn Thị An</m:HoVaTen>")
        .contains("<m:NgayThangNamSinh>1985-03-14</m:NgayThangNamSinh>")
        .contains("<m:GioiTinh>Nữ</m:GioiTinh>");
    // What the client sent is itself well-formed XML under the hardened reader.
    assertThat(SafeXml.declaresDoctype(s.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void soapCallsAreAuditedLikeRestOnes() {
    vn.id06.core.audit.InMemoryAuditSink sink = vn.id06.core.audit.InMemoryAuditSink.create();
    vn.id06.core.audit.SubjectHasher hasher =
        vn.id06.core.audit.SubjectHasher.of(
            new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    gw.script = s -> WireFake.Reply.xml(MATCH);
    try (PopulationDataClient c =
        builder().auditSink(sink).subjectHasher(hasher).buildPopulationDataClient()) {
      VerificationResult r = c.verify(OP, SUBJECT);
      assertThat(sink.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.operation()).isEqualTo("verify");
                assertThat(e.requestId()).isEqualTo(r.requestId());
                assertThat(e.subjectHash()).isEqualTo(hasher.hash(ID.value()));
                assertThat(e.outcome()).isEqualTo(vn.id06.core.audit.AuditOutcome.SUCCESS);
              });
    }
  }

  @Test
  void mismatchNotFoundAndLegacyIds() {
    gw.script =
        s ->
            WireFake.Reply.xml(
                s.body().contains("SoCMND")
                    ? response("XacThucThongTinCongDan", "<m:KetQua>KHONG_TIM_THAY</m:KetQua>")
                    : response(
                        "XacThucThongTinCongDan",
                        "<m:KetQua>KHONG_KHOP</m:KetQua><m:TinhTrang>DA_CHET</m:TinhTrang>"
                            + "<m:ChiTietKetQua><m:HoVaTen>KHONG_KHOP</m:HoVaTen></m:ChiTietKetQua>"));
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      VerificationResult r = c.verify(OP, SUBJECT);
      assertThat(r.result()).isEqualTo(VerificationOutcome.MISMATCH);
      assertThat(r.lifeStatus()).contains(LifeStatus.DECEASED);
      assertThat(r.fields().get(CitizenField.FULL_NAME).result())
          .isEqualTo(VerificationOutcome.MISMATCH);
      VerificationResult legacy =
          c.verify(
              OP, VerificationRequest.ofLegacy(LegacyId.parse("123456789"), null, null, Sex.MALE));
      assertThat(legacy.result()).isEqualTo(VerificationOutcome.NOT_FOUND);
      assertThat(legacy.lifeStatus()).isEmpty();
      List<VerificationResult> batch = c.verifyBatch(OP, List.of(SUBJECT, SUBJECT));
      assertThat(batch).hasSize(2).allMatch(v -> v.result() == VerificationOutcome.MISMATCH);
    }
    assertThat(gw.seen().get(1).body())
        .contains("<m:SoCMND>123456789</m:SoCMND>")
        .contains(">Nam<");
  }

  @Test
  void looksUpOnlyTheFieldsAskedFor() {
    gw.script =
        s ->
            WireFake.Reply.xml(
                s.body().contains("079085000123")
                    ? response(
                        "TraCuuThongTinCongDan",
                        "<m:KetQua>KHOP</m:KetQua><m:CongDan><m:SoDinhDanh>079085000123</m:SoDinhDanh>"
                            + "<m:SoCMND>123456789</m:SoCMND>"
                            + "<m:HoVaTen>H'Hen Niê</m:HoVaTen><m:NgayThangNamSinh>1985-03</m:NgayThangNamSinh>"
                            + "<m:GioiTinh>Nữ</m:GioiTinh><m:QuocTich>VNM</m:QuocTich><m:DanToc>Ê Đê</m:DanToc>"
                            + "<m:QueQuan>Buôn Ma Thuột, Đắk Lắk</m:QueQuan>"
                            + "<m:NoiThuongTru>Phường 1, Quận 3, Hồ Chí Minh</m:NoiThuongTru>"
                            + "<m:TinhTrang>MAT_TICH</m:TinhTrang><m:NgayCap>2021-05-01</m:NgayCap>"
                            + "<m:Other>x</m:Other></m:CongDan>")
                    : response("TraCuuThongTinCongDan", "<m:KetQua>KHONG_TIM_THAY</m:KetQua>"));
    EnumSet<CitizenField> all =
        EnumSet.of(
            CitizenField.CITIZEN_ID,
            CitizenField.LEGACY_ID,
            CitizenField.FULL_NAME,
            CitizenField.DATE_OF_BIRTH,
            CitizenField.SEX,
            CitizenField.NATIONALITY,
            CitizenField.ETHNICITY,
            CitizenField.PLACE_OF_ORIGIN,
            CitizenField.PERMANENT_ADDRESS,
            CitizenField.LIFE_STATUS,
            CitizenField.ISSUE_DATE);
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      CitizenRecord r = c.lookup(OP, LookupRequest.of(ID, all, "QD-1")).orElseThrow();
      assertThat(r.fullName().orElseThrow().value()).isEqualTo("H'Hen Niê");
      assertThat(r.dateOfBirth()).contains(PartialDate.of(1985, 3));
      assertThat(r.sex()).contains(Sex.FEMALE);
      assertThat(r.lifeStatus()).contains(LifeStatus.MISSING);
      assertThat(r.legacyId()).isPresent();
      assertThat(r.issueDate()).isPresent();
      assertThat(r.provenance().level()).isEqualTo(ProofLevel.POPULATION_DATABASE_UNVERIFIED);
      CitizenRecord few =
          c.lookup(OP, LookupRequest.of(ID, EnumSet.of(CitizenField.FULL_NAME), "QD-1"))
              .orElseThrow();
      assertThat(few.presentFields()).containsExactly(CitizenField.FULL_NAME);
      assertThat(
              c.lookup(
                  OP,
                  LookupRequest.ofLegacy(
                      LegacyId.parse("123456789"), EnumSet.of(CitizenField.FULL_NAME), "QD-1")))
          .isEmpty();
    }
    assertThat(gw.seen().get(0).body())
        .contains("<m:MucDich>unit test</m:MucDich>")
        .contains("<m:CanCuPhapLy>QD-1</m:CanCuPhapLy>");
  }

  @Test
  void aMalformedLookupAnswerIsTypedAndNamesTheField() {
    gw.script =
        s ->
            WireFake.Reply.xml(
                response(
                    "TraCuuThongTinCongDan",
                    "<m:CongDan><m:NgayThangNamSinh>14/03/1985</m:NgayThangNamSinh></m:CongDan>"));
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      assertThatThrownBy(
              () -> c.lookup(OP, LookupRequest.of(ID, EnumSet.of(CitizenField.DATE_OF_BIRTH), "Q")))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("dateOfBirth");
    }
  }

  // ------------------------------------------------------------------ hostile XML

  void refused(String body, String messagePart) {
    gw.clearSeen();
    gw.script = s -> WireFake.Reply.xml(body);
    assertThatThrownBy(this::verify)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(messagePart);
    assertThat(gw.seen()).hasSize(1); // not retried: the same answer would come again
  }

  @Test
  void aDoctypeWithExternalEntitiesIsRefused() {
    refused(
        "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + response("XacThucThongTinCongDan", "<m:KetQua>&x;</m:KetQua>"),
        "DOCTYPE");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"");
      b.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    b.append("]>").append(response("XacThucThongTinCongDan", "<m:KetQua>&lol9;</m:KetQua>"));
    refused(b.toString(), "DOCTYPE");
  }

  @Test
  void aDoctypeHiddenAfterALongCommentIsStillRefused() {
    refused(
        "<?xml version=\"1.0\"?><!--"
            + "x".repeat(5000)
            + "--><!DOCTYPE e [<!ENTITY x \"y\">]>"
            + response("XacThucThongTinCongDan", "<m:KetQua>&x;</m:KetQua>"),
        "DTD");
  }

  @Test
  void malformedAndTooDeepXmlAreRefused() {
    refused("<s:Envelope xmlns:s=\"" + SOAP + "\"><s:Body>", "well-formed");
    refused(envelope("<a>".repeat(100) + "</a>".repeat(100)), "nesting");
  }

  @Test
  void anHtmlLoginPageIsNotSoap() {
    refused("<!DOCTYPE html><html><body><form>Đăng nhập</form></body></html>", "HTML");
  }

  @Test
  void anHtmlPageLabelledHtmlOrAJsonAnswerIsNotSoap() {
    gw.script = s -> WireFake.Reply.xml("<p>login</p>").type("text/html");
    assertThatThrownBy(this::verify)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("HTML");
    gw.script = s -> WireFake.Reply.json("{}");
    assertThatThrownBy(this::verify)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("not SOAP");
  }

  @Test
  void aBodyOfAHundredMegabytesIsCutOffNotRead() {
    for (boolean chunked : new boolean[] {false, true}) {
      gw.streamed.set(0);
      gw.script =
          s -> {
            WireFake.Reply r = WireFake.Reply.xml("");
            r.streamBytes = 100L << 20;
            r.chunked = chunked;
            return r;
          };
      assertThatThrownBy(this::verify)
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("larger than the limit");
      // The client stopped at its 1 MiB limit: far less than 100 MB ever left the server.
      assertThat(gw.streamed.get()).isLessThan(32L << 20);
    }
  }

  @Test
  void wrongEnvelopesAreMalformed() {
    refused("<?xml version=\"1.0\"?><Envelope/>", "SOAP envelope");
    refused(envelope(""), "SOAP body");
    refused(response("TraCuuThongTinCongDan", "<m:KetQua>KHOP</m:KetQua>"), "operation response");
    refused(response("XacThucThongTinCongDan", "<m:KetQua>MAYBE</m:KetQua>"), "result");
    refused(
        response("XacThucThongTinCongDan", "<m:KetQua>KHOP</m:KetQua><m:TinhTrang>?</m:TinhTrang>"),
        "life status");
    gw.script = s -> WireFake.Reply.xml(MATCH).status(500);
    assertThatThrownBy(this::verify)
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("HTTP status 500");
  }

  // ------------------------------------------------------------------ faults and retries

  static String fault11(String code) {
    return envelope(
        "<s:Fault><faultcode>s:"
            + code
            + "</faultcode><faultstring>Nguyễn Văn An không có</faultstring></s:Fault>");
  }

  @Test
  void aClientSoapFaultIsARefusalWithItsCodeAndNoPersonalData() {
    gw.script = s -> WireFake.Reply.xml(fault11("Client")).status(500);
    assertThatThrownBy(this::verify)
        .isInstanceOfSatisfying(
            RemoteRefusalException.class,
            e -> {
              assertThat(e.gatewayCode()).isEqualTo("Client");
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.getMessage()).doesNotContain("Nguyễn");
            });
    assertThat(gw.seen()).hasSize(1);
  }

  @Test
  void aServerSoapFaultIsRetriedThenReported() {
    gw.script =
        s ->
            WireFake.Reply.xml(
                    envelope(
                        "<s:Fault xmlns:s=\""
                            + SOAP
                            + "\"><faultcode>weird code!</faultcode></s:Fault>"))
                .status(500);
    assertThatThrownBy(this::verify)
        .isInstanceOfSatisfying(
            RemoteRefusalException.class, e -> assertThat(e.gatewayCode()).isEmpty());
    gw.clearSeen();
    String soap12 = "http://www.w3.org/2003/05/soap-envelope";
    gw.script =
        s ->
            gw.seen().size() < 3
                ? WireFake.Reply.xml(
                        "<e:Envelope xmlns:e=\""
                            + soap12
                            + "\"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code>"
                            + "</e:Fault></e:Body></e:Envelope>")
                    .type("application/soap+xml")
                    .status(500)
                : WireFake.Reply.xml(MATCH);
    assertThat(verify().result()).isEqualTo(VerificationOutcome.MATCH);
    assertThat(gw.seen()).hasSize(3);
  }

  @Test
  void throttlingIsRetriedAfterRetryAfter() {
    gw.script =
        s ->
            gw.seen().size() == 1
                ? WireFake.Reply.xml("<html>busy</html>")
                    .type("text/html")
                    .status(429)
                    .header("Retry-After", "2")
                : WireFake.Reply.xml(MATCH);
    assertThat(verify().result()).isEqualTo(VerificationOutcome.MATCH);
    assertThat(clock.pauses()).contains(Duration.ofSeconds(2));
    gw.clearSeen();
    gw.script =
        s -> gw.seen().size() == 1 ? WireFake.Reply.xml("").status(502) : WireFake.Reply.xml(MATCH);
    assertThat(verify().result()).isEqualTo(VerificationOutcome.MATCH);
  }

  @Test
  void aRefusedTokenIsRenewedOnceThenReported() {
    gw.script =
        s ->
            s.headers().get("authorization").equals("Bearer t1")
                ? WireFake.Reply.xml("").status(401)
                : WireFake.Reply.xml(MATCH);
    assertThat(verify().result()).isEqualTo(VerificationOutcome.MATCH);
    assertThat(gw.tokens.get()).isEqualTo(2);
    gw.script = s -> WireFake.Reply.xml("").status(401);
    assertThatThrownBy(this::verify)
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.check()).isEqualTo(SecurityCheck.TOKEN));
  }

  @Test
  void anAnswerForAnotherRequestIsABindingFailure() {
    gw.script =
        s ->
            WireFake.Reply.xml(
                response(
                    "XacThucThongTinCongDan",
                    "<m:MaYeuCau>id06-other</m:MaYeuCau><m:KetQua>KHOP</m:KetQua>"));
    assertThatThrownBy(this::verify)
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.check()).isEqualTo(SecurityCheck.REQUEST_BINDING));
  }

  @Test
  void operationsTheProfileLacksAreTypedInputErrors() {
    try (PopulationDataClient c = builder().buildPopulationDataClient()) {
      assertThatThrownBy(() -> c.requestStatus(OP, "id06-x"))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("profile"));
    }
    try (HealthInsuranceClient c = builder().buildHealthInsuranceClient()) {
      assertThatThrownBy(() -> c.lookup(OP, ID)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () ->
                  c.check(
                      OP, CardCheckRequest.of(ID, VietnameseName.of("An"), PartialDate.of(1985))))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("profile"));
    }
  }

  // ------------------------------------------------------------------ the mapping

  @Test
  void aVendorRenamesOperationsAndFieldsWithoutARelease() throws IOException {
    Path file = dir.resolve("lgsp.properties");
    java.nio.file.Files.writeString(
        file,
        """
        lgsp.namespace=urn:tinh:dancu
        lgsp.soapActionPrefix=urn:tinh:dancu#
        lgsp.endpoint=services/CongDan
        lgsp.operation.verify=XacThuc
        lgsp.field.fullName=HoTen
        lgsp.field.result=MaKetQua
        lgsp.value.match=1
        """,
        java.nio.charset.StandardCharsets.UTF_8);
    WireMapping m = WireMapping.load(file);
    gw.script =
        s ->
            WireFake.Reply.xml(
                envelope(
                    "<XacThucResponse xmlns=\"urn:tinh:dancu\"><MaKetQua>1</MaKetQua></XacThucResponse>"));
    try (PopulationDataClient c = builder().wireMapping(m).buildPopulationDataClient()) {
      assertThat(c.verify(OP, SUBJECT).result()).isEqualTo(VerificationOutcome.MATCH);
    }
    WireFake.Seen s = gw.seen().get(0);
    assertThat(s.path()).isEqualTo("/lgsp/services/CongDan");
    assertThat(s.headers().get("soapaction")).isEqualTo("\"urn:tinh:dancu#XacThuc\"");
    assertThat(s.body())
        .contains("<m:HoTen>Nguyễn Thị An</m:HoTen>")
        .contains("xmlns:m=\"urn:tinh:dancu\"");
  }

  @Test
  void theProfileNeedsUnsignedAnswersAllowedExplicitly() {
    assertThatThrownBy(() -> builder().allowUnsignedResponses(false).buildPopulationDataClient())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("allowUnsignedResponses"));
    // An explicit path wins over the profile's default, whichever is set first.
    gw.script = s -> WireFake.Reply.xml(MATCH);
    try (PopulationDataClient c =
        builder().profilePath("x/").profile(GatewayProfile.LGSP).buildPopulationDataClient()) {
      c.verify(OP, SUBJECT);
    }
    assertThat(gw.seen().get(0).path()).isEqualTo("/x/dancu");
  }
}
