package vn.id06.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import vn.id06.core.audit.AuditEvent;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.core.gateway.PopulationDataClient;

/**
 * What the gateway benchmarks share: a client configured from a running simulator's files (CA,
 * client key, JWKS), and the "raw" baseline an integrator writes by hand: Apache HttpClient 5
 * posting a JSON body with a bearer token, reading the answer's bytes, nothing checked.
 */
final class GatewayRig {
  static final OperatorContext OPERATOR =
      OperatorContext.of("000.00.00.H10", "CB-BENCH-01", "1.004227", "benchmark: verify");

  /**
   * The JDK HTTP server's switch for TCP_NODELAY. Off by default, which delays every answer by the
   * peer's delayed ACK; the benchmarks turn it on in the simulator's JVM.
   */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  private GatewayRig() {}

  /** An audit sink that only counts: the events are made, hashed and handed over. */
  static final class CountingSink implements AuditSink {
    final AtomicLong events = new AtomicLong();

    @Override
    public void record(AuditEvent event) {
      events.incrementAndGet();
    }
  }

  static SubjectHasher hasher() {
    return SubjectHasher.of(
        new javax.crypto.spec.SecretKeySpec(
            "benchmark-audit-key-32-bytes-long!".getBytes(StandardCharsets.US_ASCII),
            "HmacSHA256"));
  }

  /** A client for the simulator whose root, audience and files are given. */
  static GatewayClientBuilder client(
      URI root, String clientId, String audience, Path clientKey, Path ca, Path jwks) {
    return PopulationDataClient.builder()
        .gateway(root)
        .client(clientId, audience)
        .clientKey(clientKey)
        .trustAnchors(ca)
        .jwks(jwks)
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120));
  }

  static SSLContext trusting(Path caPem) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  /** The raw baseline: one pooled HttpClient 5 over the simulator's CA, and a bearer token. */
  static final class Raw implements AutoCloseable {
    final CloseableHttpClient http;
    final URI verify;
    final URI verifyBatch;
    final String token;
    final ObjectMapper json = new ObjectMapper();

    Raw(URI root, String clientId, String audience, Path clientKey, Path ca) throws Exception {
      this.http =
          HttpClients.custom()
              .setConnectionManager(
                  PoolingHttpClientConnectionManagerBuilder.create()
                      .setTlsSocketStrategy(new DefaultClientTlsStrategy(trusting(ca)))
                      .setMaxConnTotal(64)
                      .setMaxConnPerRoute(64)
                      .build())
              .build();
      URI base = root.resolve("rest/v1/");
      this.verify = base.resolve("citizens/verify");
      this.verifyBatch = base.resolve("citizens/verify-batch");
      this.token = token(base.resolve("oauth2/token"), clientId, audience, clientKey);
    }

    private String token(URI uri, String clientId, String audience, Path keyPem) throws Exception {
      String pem = Files.readString(keyPem);
      byte[] der =
          Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
      ECPrivateKey key =
          (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
      Instant now = Instant.now();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
              new JWTClaimsSet.Builder()
                  .issuer(clientId)
                  .subject(clientId)
                  .audience(audience)
                  .jwtID(UUID.randomUUID().toString())
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plusSeconds(120)))
                  .build());
      jwt.sign(new ECDSASigner(key));
      HttpPost post = new HttpPost(uri);
      post.setEntity(
          new StringEntity(
              "grant_type=client_credentials&client_assertion_type="
                  + URLEncoder.encode(
                      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                      StandardCharsets.US_ASCII)
                  + "&client_assertion="
                  + jwt.serialize(),
              ContentType.APPLICATION_FORM_URLENCODED));
      JsonNode n = http.execute(post, r -> json.readTree(EntityUtils.toByteArray(r.getEntity())));
      return n.path("access_token").asText();
    }

    /** The operator header as the client sends it, with a fresh request id. */
    String operatorHeader() {
      ObjectNode n = json.createObjectNode();
      n.put("agencyCode", OPERATOR.agencyCode());
      n.put("officerCode", OPERATOR.officerCode());
      n.put("procedureCode", OPERATOR.procedureCode());
      n.put("purpose", OPERATOR.purpose());
      n.put("requestId", "raw-" + UUID.randomUUID());
      try {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(n));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** POSTs the body and returns the answer's bytes, unchecked. */
    byte[] post(URI uri, byte[] body) throws IOException {
      HttpPost post = new HttpPost(uri);
      post.setHeader("Authorization", "Bearer " + token);
      post.setHeader("Id06-Operator-Context", operatorHeader());
      post.setHeader("Accept", "application/json, application/problem+json");
      post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      return http.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
    }

    @Override
    public void close() throws IOException {
      http.close();
    }
  }
}
