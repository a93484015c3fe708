package vn.id06.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * The contract: {@code spec/population-gateway.yaml} parses as OpenAPI 3.1, and the simulator's
 * answers of every operation validate against its JSON Schemas (2020-12), signature header
 * included.
 */
class SpecConformanceTest {

  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY =
      GatewaySimulatorExtension.configured(b -> b.plainHttp(true));

  static final ObjectMapper JSON = new ObjectMapper();
  static JsonNode spec;
  static String token;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void load() throws IOException {
    spec = new YAMLMapper().readTree(Files.readString(Path.of("../spec/population-gateway.yaml")));
  }

  static Set<ValidationMessage> validate(String schemaName, JsonNode value) {
    ObjectNode root = spec.deepCopy();
    root.put("$ref", "#/components/schemas/" + schemaName);
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    return schema.validate(value);
  }

  @Test
  void theSpecIsOpenApi31WithEveryOperation() {
    assertThat(spec.path("openapi").asText()).startsWith("3.1");
    for (String p :
        new String[] {
          "/oauth2/token",
          "/.well-known/jwks.json",
          "/citizens/verify",
          "/citizens/lookup",
          "/citizens/verify-batch",
          "/health-insurance/cards/lookup",
          "/requests/{requestId}"
        }) {
      assertThat(spec.path("paths").has(p)).as(p).isTrue();
    }
    assertThat(validate("Sex", JSON.valueToTree("MALE"))).isEmpty();
    assertThat(validate("Sex", JSON.valueToTree("Nam"))).as("the schemas do reject").isNotEmpty();
  }

  private String token(GatewaySimulator sim) throws Exception {
    if (token != null) {
      return token;
    }
    String pem = Files.readString(sim.clientKeyFile());
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    ECPrivateKey key =
        (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.ES256),
            new JWTClaimsSet.Builder()
                .issuer(GatewaySimulator.CLIENT_ID)
                .subject(GatewaySimulator.CLIENT_ID)
                .audience(sim.audience())
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build());
    jwt.sign(new ECDSASigner(key));
    String form =
        "grant_type=client_credentials&client_assertion_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.US_ASCII)
            + "&client_assertion="
            + jwt.serialize();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(sim.restBaseUri().resolve("oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode t = JSON.readTree(r.body());
    assertThat(validate("TokenResponse", t)).isEmpty();
    token = t.path("access_token").asText();
    return token;
  }

  private JsonNode call(String method, String path, String body, String schema, int status)
      throws Exception {
    GatewaySimulator sim = GATEWAY.simulator();
    String rid = "it-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode op = JSON.createObjectNode();
    op.put("agencyCode", "000.00.00.H10")
        .put("officerCode", "CB01")
        .put("procedureCode", "1.004227");
    op.put("purpose", "spec test").put("requestId", rid);
    assertThat(validate("OperatorContext", op)).isEmpty();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.restBaseUri() + path))
            .header("Authorization", "Bearer " + token(sim))
            .header(
                "Id06-Operator-Context",
                Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(op)));
    if (method.equals("POST")) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(status);
    String sig = r.headers().firstValue("Id06-Response-Signature").orElseThrow();
    assertThat(sig)
        .matches(spec.at("/components/headers/ResponseSignature/schema/pattern").asText());
    JsonNode header =
        JSON.readTree(Base64.getUrlDecoder().decode(sig.substring(0, sig.indexOf('.'))));
    assertThat(validate("ProtectedHeader", header)).isEmpty();
    assertThat(header.path("rid").asText()).isEqualTo(rid);
    JsonNode n = JSON.readTree(r.body());
    assertThat(validate(schema, n)).as(schema + " " + n).isEmpty();
    return n;
  }

  @Test
  void everyOperationsAnswerValidates() throws Exception {
    GatewaySimulator sim = GATEWAY.simulator();
    SyntheticCitizen c = sim.population().citizen(5);
    ObjectNode subject = JSON.createObjectNode();
    subject
        .put("citizenId", c.citizenId())
        .put("fullName", c.fullName().toUpperCase(java.util.Locale.ROOT));
    subject.put("dateOfBirth", c.dateOfBirth()).put("sex", c.sex());
    assertThat(validate("Subject", subject)).isEmpty();
    JsonNode v = call("POST", "citizens/verify", subject.toString(), "VerifyResponse", 200);
    assertThat(v.at("/fields/fullName/normalisedResult").asText()).isEqualTo("MATCH");

    ObjectNode batch = JSON.createObjectNode();
    for (int i = 0; i < 20; i++) {
      batch
          .withArray("subjects")
          .addObject()
          .put("citizenId", sim.population().citizen(i).citizenId());
    }
    batch.withArray("subjects").addObject().put("citizenId", "999999999999");
    assertThat(validate("BatchRequest", batch)).isEmpty();
    JsonNode br = call("POST", "citizens/verify-batch", batch.toString(), "BatchResponse", 200);
    assertThat(br.path("results")).hasSize(21);
    assertThat(br.path("results").get(20).path("result").asText()).isEqualTo("NOT_FOUND");

    String lookup =
        "{\"citizenId\":\""
            + c.citizenId()
            + "\",\"fields\":[\"fullName\",\"dateOfBirth\",\"sex\","
            + "\"nationality\",\"ethnicity\",\"placeOfOrigin\",\"address\",\"lifeStatus\",\"issueDate\","
            + "\"householdId\",\"citizenId\",\"legacyId\"],\"purpose\":\"p\",\"consentReference\":\"HS-1\"}";
    assertThat(validate("LookupRequest", JSON.readTree(lookup))).isEmpty();
    call("POST", "citizens/lookup", lookup, "LookupResponse", 200);

    JsonNode ins =
        call(
            "POST",
            "health-insurance/cards/lookup",
            "{\"citizenId\":\"" + c.citizenId() + "\"}",
            "InsuranceResponse",
            200);
    assertThat(ins.path("found").asBoolean()).isEqualTo(c.insuranceCard().isPresent());
    JsonNode st =
        call("GET", "requests/" + v.path("requestId").asText(), null, "StatusResponse", 200);
    assertThat(st.path("status").asText()).isEqualTo("COMPLETED");

    call(
        "POST",
        "citizens/lookup",
        "{\"citizenId\":\"" + c.citizenId() + "\",\"fields\":[\"sex\"]}",
        "Problem",
        400);
    call("POST", "citizens/verify-batch", "{\"subjects\":[]}", "Problem", 400);
    call("POST", "citizens/verify", "not json", "Problem", 400);

    HttpResponse<String> jwks =
        http.send(
            HttpRequest.newBuilder(sim.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(validate("JwkSet", JSON.readTree(jwks.body()))).isEmpty();
  }
}
