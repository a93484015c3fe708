package vn.id06.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;

/**
 * OAuth2 client credentials with {@code private_key_jwt} (RFC 7523): a short-lived assertion signed
 * with the client key buys an access token, cached until shortly before it expires. Thread-safe.
 */
final class AccessTokens {

  private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

  private final HttpExchange http;
  private final URI tokenUri;
  private final String clientId;
  private final String audience;
  private final JWSSigner signer;
  private final JWSAlgorithm alg;
  private final ObjectMapper json;
  private final Clock clock;

  private String token;
  private Instant expiresAt = Instant.EPOCH;

  AccessTokens(
      HttpExchange http,
      URI tokenUri,
      String clientId,
      String audience,
      PrivateKey key,
      ObjectMapper json,
      Clock clock) {
    this.http = http;
    this.tokenUri = tokenUri;
    this.clientId = clientId;
    this.audience = audience;
    this.json = json;
    this.clock = clock;
    try {
      if (key instanceof ECPrivateKey ec) {
        this.signer = new ECDSASigner(ec);
        this.alg = JWSAlgorithm.ES256;
      } else if (key instanceof RSAPrivateKey rsa) {
        this.signer = new RSASSASigner(rsa);
        this.alg = JWSAlgorithm.RS256;
      } else {
        throw new InvalidInputException(
            "clientKey", InputReason.UNKNOWN_VALUE, "an EC P-256 or RSA key is required");
      }
    } catch (JOSEException e) {
      throw new InvalidInputException("clientKey", InputReason.UNKNOWN_VALUE, "unusable key");
    }
  }

  synchronized void invalidate() {
    token = null;
  }

  synchronized String get(long maxBytes) {
    Instant now = clock.instant();
    if (token != null && now.isBefore(expiresAt.minus(REFRESH_MARGIN))) {
      return token;
    }
    String assertion;
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(clientId)
              .subject(clientId)
              .audience(audience)
              .jwtID(UUID.randomUUID().toString())
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
              .build();
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(signer);
      assertion = jwt.serialize();
    } catch (JOSEException e) {
      throw new VerificationException(SecurityCheck.TOKEN, "cannot sign the client assertion", e);
    }
    String form =
        "grant_type=client_credentials"
            + "&client_assertion_type="
            + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion="
            + enc(assertion);
    HttpExchange.Answer a =
        http.exchange(
            "POST",
            tokenUri,
            Map.of(),
            form.getBytes(StandardCharsets.US_ASCII),
            ContentType.APPLICATION_FORM_URLENCODED,
            maxBytes);
    if (a.status() == 429 || a.status() >= 500) {
      throw new AttemptFailure(
          a.status() == 429 || a.status() == 503
              ? AttemptFailure.Kind.THROTTLED
              : AttemptFailure.Kind.SERVER,
          "the token endpoint is unavailable (HTTP " + a.status() + ")",
          RestConnector.retryAfter(a.retryAfter(), clock),
          null,
          null);
    }
    if (a.status() != 200) {
      throw new VerificationException(
          SecurityCheck.TOKEN, "the token endpoint refused the client (HTTP " + a.status() + ")");
    }
    try {
      JsonNode n = json.readTree(a.body());
      String t = n == null ? "" : n.path("access_token").asText("");
      long expiresIn = n == null ? 0 : n.path("expires_in").asLong(0);
      if (t.isEmpty() || expiresIn <= 0) {
        throw new VerificationException(SecurityCheck.TOKEN, "the token answer is malformed");
      }
      token = t;
      expiresAt = now.plusSeconds(expiresIn);
      return token;
    } catch (IOException e) {
      throw new VerificationException(SecurityCheck.TOKEN, "the token answer is not JSON");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.US_ASCII);
  }
}
