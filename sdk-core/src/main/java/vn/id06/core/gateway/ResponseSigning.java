package vn.id06.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;
import vn.id06.core.citizen.ResponseSignature;

/**
 * Verifies the gateway's detached JWS (RFC 7515 with the unencoded payload of RFC 7797) over the
 * exact body bytes, against a pinned JWKS, with the JDK's own {@link Signature} for RS256, ES256
 * and EdDSA (Ed25519). Immutable and thread-safe.
 */
final class ResponseSigning {

  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };
  private static final int MAX_HEADER = 8192;

  private record Key(PublicKey key, String alg) {}

  private final Map<String, Key> keys;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration skew;

  private ResponseSigning(Map<String, Key> keys, ObjectMapper json, Clock clock, Duration skew) {
    this.keys = keys;
    this.json = json;
    this.clock = clock;
    this.skew = skew;
  }

  static ResponseSigning fromJwks(byte[] jwks, ObjectMapper json, Clock clock, Duration skew) {
    Map<String, Key> keys = new HashMap<>();
    try {
      JWKSet set = JWKSet.parse(new String(jwks, StandardCharsets.UTF_8));
      for (JWK k : set.getKeys()) {
        if (k.getKeyID() == null || k.isPrivate()) {
          continue;
        }
        if (k instanceof RSAKey r) {
          keys.put(k.getKeyID(), new Key(r.toRSAPublicKey(), "RS256"));
        } else if (k instanceof ECKey e && "P-256".equals(e.getCurve().getName())) {
          keys.put(k.getKeyID(), new Key(e.toECPublicKey(), "ES256"));
        } else if (k instanceof OctetKeyPair o && "Ed25519".equals(o.getCurve().getName())) {
          byte[] x = o.getDecodedX();
          byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
          System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
          System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
          keys.put(
              k.getKeyID(),
              new Key(
                  KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)),
                  "EdDSA"));
        }
      }
    } catch (ParseException | JOSEException | GeneralSecurityException e) {
      throw new InvalidInputException("jwks", InputReason.UNRECOGNISED_FORMAT, "not a valid JWKS");
    }
    if (keys.isEmpty()) {
      throw new InvalidInputException("jwks", InputReason.EMPTY, "no usable public signing key");
    }
    return new ResponseSigning(Map.copyOf(keys), json, clock, skew);
  }

  /**
   * Checks an answer's signature, binding and freshness.
   *
   * @return the verified key id and algorithm
   * @throws VerificationException on any failure
   */
  ResponseSignature.Verified verify(String jws, byte[] body, String requestId, int status) {
    if (jws.length() > MAX_HEADER) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature header too long");
    }
    int first = jws.indexOf('.');
    if (first <= 0 || !jws.startsWith("..", first) || jws.indexOf('.', first + 2) >= 0) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature is not a detached compact JWS");
    }
    String headerB64 = jws.substring(0, first);
    byte[] sig;
    JsonNode header;
    try {
      sig = Base64.getUrlDecoder().decode(jws.substring(first + 2));
      header = json.readTree(Base64.getUrlDecoder().decode(headerB64));
    } catch (IllegalArgumentException | IOException e) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature header is malformed");
    }
    if (header == null || !header.isObject()) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature header is malformed");
    }
    String alg = header.path("alg").asText("");
    String kid = header.path("kid").asText("");
    JsonNode crit = header.path("crit");
    if (!header.path("b64").isBoolean()
        || header.path("b64").asBoolean()
        || !crit.isArray()
        || !contains(crit, "b64")) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature is not over the unencoded body (b64)");
    }
    for (JsonNode c : crit) {
      String name = c.asText();
      if (!name.equals("b64") && !name.equals("rid") && !name.equals("iat")) {
        throw new VerificationException(
            SecurityCheck.RESPONSE_SIGNATURE, "signature names an unknown critical parameter");
      }
    }
    Key key = keys.get(kid);
    if (key == null) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "answer signed by a key not in the pinned JWKS");
    }
    if (!key.alg.equals(alg)) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "signature algorithm does not match its key");
    }
    boolean ok;
    try {
      Signature s =
          Signature.getInstance(
              switch (alg) {
                case "RS256" -> "SHA256withRSA";
                case "ES256" -> "SHA256withECDSAinP1363Format";
                default -> "Ed25519";
              });
      s.initVerify(key.key);
      s.update(headerB64.getBytes(StandardCharsets.US_ASCII));
      s.update((byte) '.');
      s.update(body);
      ok = s.verify(sig);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw new VerificationException(
          SecurityCheck.RESPONSE_SIGNATURE, "answer does not match its signature");
    }
    if (!header.path("rid").isTextual() || !header.path("rid").asText().equals(requestId)) {
      throw new VerificationException(
          SecurityCheck.REQUEST_BINDING, "answer is signed for another request (replayed?)");
    }
    if (header.has("sts") && header.path("sts").asInt(-1) != status) {
      throw new VerificationException(
          SecurityCheck.REQUEST_BINDING, "answer is signed for another HTTP status");
    }
    if (!header.path("iat").canConvertToLong()) {
      throw new VerificationException(SecurityCheck.REQUEST_BINDING, "answer has no signing time");
    }
    Instant iat = Instant.ofEpochSecond(header.path("iat").asLong());
    Instant now = clock.instant();
    if (iat.isBefore(now.minus(skew)) || iat.isAfter(now.plus(skew))) {
      throw new VerificationException(
          SecurityCheck.REQUEST_BINDING, "answer's signing time is outside the allowed skew");
    }
    return new ResponseSignature.Verified(kid, alg);
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }
}
