package vn.id06.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Seals the locked values of a prefilled form with a JWS under the portal's key, and checks a
 * submission against its seal: every locked field changed, removed or added is listed, so a portal
 * backend can refuse a tampered submission.
 *
 * <p>The seal is a compact JWS (ES256/ES384/ES512 for EC keys, PS256 for RSA keys) whose payload
 * names the form and its version, the time, and each locked value with its provenance. It is
 * signed, not encrypted: it carries the same personal data as the form it travels with.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class FormSealer {
  private static final JOSEObjectType TYPE = new JOSEObjectType("id06-eform-seal+jws");
  private static final int MAX_SEAL = JsonSupport.MAX_DOCUMENT;

  private final KeyPair keys;
  private final JWSAlgorithm algorithm;
  private final String keyId;
  private final Clock clock;

  private FormSealer(Builder b) {
    this.keys = b.keys;
    this.clock = b.clock;
    this.algorithm = algorithm(keys);
    this.keyId = keyId(keys);
    // Prove the pair belongs together now, not at the first submission.
    String probe = sign(JsonSupport.MAPPER.createObjectNode().put("probe", true));
    if (!verifies(parse(probe))) {
      throw new InvalidInputException(
          SealKeys.INPUT, InputReason.MALFORMED, "the public key does not match the private key");
    }
  }

  /**
   * Starts a sealer.
   *
   * @return a builder (not thread-safe)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Seals the locked values of a prefilled form.
   *
   * @param form the prefilled form
   * @return the seal, a compact JWS
   */
  public String seal(PrefilledForm form) {
    Objects.requireNonNull(form, "form");
    ObjectNode payload = JsonSupport.MAPPER.createObjectNode();
    payload.put("form", form.definition().id());
    payload.put("formVersion", form.definition().version());
    payload.put("sealedAt", clock.instant().toString());
    ArrayNode locked = payload.putArray("locked");
    for (PrefilledValue v : form.lockedValues()) {
      ObjectNode o = locked.addObject();
      o.put("field", v.path());
      o.put("value", v.value());
      v.provenance().ifPresent(p -> o.set("provenance", FormJson.provenance(p)));
    }
    return sign(payload);
  }

  /**
   * Checks a submission against its seal.
   *
   * @param submitted the submission
   * @param seal the seal made with {@link #seal} when the form was prefilled
   * @return the tampered fields, if any
   * @throws InvalidInputException input {@code seal}: not a compact JWS
   * @throws vn.id06.core.VerificationException check {@link vn.id06.core.SecurityCheck#SEAL}, when
   *     the seal was not made with this portal's key or is for another form
   */
  public SealVerification verify(FormSubmission submitted, String seal) {
    Objects.requireNonNull(submitted, "submitted");
    Objects.requireNonNull(seal, "seal");
    JWSObject jws = parse(seal);
    if (!algorithm.equals(jws.getHeader().getAlgorithm())
        || !keyId.equals(jws.getHeader().getKeyID())
        || !verifies(jws)) {
      throw SealFailures.notOurs();
    }
    JsonNode payload;
    try {
      payload = JsonSupport.MAPPER.readTree(jws.getPayload().toString());
    } catch (java.io.IOException e) {
      throw SealFailures.unreadable();
    }
    FormDefinition d = submitted.definition();
    if (!d.id().equals(payload.path("form").asText())
        || d.version() != payload.path("formVersion").asInt(-1)) {
      throw SealFailures.otherForm();
    }
    Instant sealedAt;
    try {
      sealedAt = Instant.parse(payload.path("sealedAt").asText());
    } catch (DateTimeException e) {
      throw SealFailures.unreadable();
    }
    Map<String, String> sealed = new LinkedHashMap<>();
    for (JsonNode o : payload.path("locked")) {
      sealed.put(o.path("field").asText(), o.path("value").asText());
    }
    List<Tampering> tampered = new ArrayList<>();
    for (Map.Entry<String, String> e : sealed.entrySet()) {
      var got = submitted.value(e.getKey());
      if (got.isEmpty()) {
        tampered.add(new Tampering(e.getKey(), Tampering.Reason.REMOVED));
      } else if (!got.get().equals(e.getValue())) {
        tampered.add(new Tampering(e.getKey(), Tampering.Reason.CHANGED));
      }
    }
    for (String claimed : submitted.claimedLocked()) {
      if (!sealed.containsKey(claimed)) {
        tampered.add(new Tampering(claimed, Tampering.Reason.ADDED));
      }
    }
    List<String> order = d.fields().stream().map(FormField::id).toList();
    tampered.sort(
        java.util.Comparator.comparingInt(
                (Tampering t) ->
                    order.indexOf(t.field().replace(PrefilledForm.PROVINCE_SUFFIX, "")))
            .thenComparing(Tampering::field));
    return new SealVerification(d.id(), sealedAt, tampered);
  }

  private String sign(ObjectNode payload) {
    JWSHeader header = new JWSHeader.Builder(algorithm).type(TYPE).keyID(keyId).build();
    JWSObject jws = new JWSObject(header, new Payload(JsonSupport.write(payload)));
    try {
      JWSSigner signer =
          keys.getPrivate() instanceof ECPrivateKey ec
              ? new ECDSASigner(ec)
              : new RSASSASigner((RSAPrivateKey) keys.getPrivate());
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
    return jws.serialize();
  }

  private boolean verifies(JWSObject jws) {
    try {
      JWSVerifier verifier =
          keys.getPublic() instanceof ECPublicKey ec
              ? new ECDSAVerifier(ec)
              : new RSASSAVerifier((RSAPublicKey) keys.getPublic());
      return jws.verify(verifier);
    } catch (JOSEException e) {
      return false;
    }
  }

  private static JWSObject parse(String seal) {
    if (seal.length() > MAX_SEAL) {
      throw new InvalidInputException("seal", InputReason.TOO_LONG, "the seal is too long");
    }
    try {
      return JWSObject.parse(seal.strip());
    } catch (ParseException e) {
      throw new InvalidInputException("seal", InputReason.MALFORMED, "not a compact JWS");
    }
  }

  private static JWSAlgorithm algorithm(KeyPair keys) {
    if (keys.getPrivate() instanceof ECPrivateKey ec && keys.getPublic() instanceof ECPublicKey) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return switch (bits) {
        case 256 -> JWSAlgorithm.ES256;
        case 384 -> JWSAlgorithm.ES384;
        case 521 -> JWSAlgorithm.ES512;
        default ->
            throw new InvalidInputException(
                SealKeys.INPUT, InputReason.MALFORMED, "EC keys must be P-256, P-384 or P-521");
      };
    }
    if (keys.getPrivate() instanceof RSAPrivateKey && keys.getPublic() instanceof RSAPublicKey) {
      return JWSAlgorithm.PS256;
    }
    throw new InvalidInputException(
        SealKeys.INPUT, InputReason.MALFORMED, "the key pair is neither EC nor RSA");
  }

  /** The first 16 bytes of the public key's SHA-256, base64url: names the key in the seal. */
  private static String keyId(KeyPair keys) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "FormSealer[" + algorithm + ", kid=" + keyId + "]";
  }

  /** Builds a {@link FormSealer}. Not thread-safe. */
  public static final class Builder {
    private KeyPair keys;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The portal's key pair (EC P-256/P-384/P-521 or RSA of 2048 bits or more).
     *
     * @param keys the key pair
     * @return this builder
     */
    public Builder keyPair(KeyPair keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Loads the portal's key pair from a PKCS#12 or PEM file ({@link SealKeys#load}).
     *
     * @param file the file from the portal's configuration
     * @param password the PKCS#12 password (ignored for PEM)
     * @return this builder
     */
    public Builder keyFile(Path file, char[] password) {
      this.keys = SealKeys.load(file, password);
      return this;
    }

    /**
     * The clock giving the seal's time; defaults to the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the sealer, checking that the key pair belongs together.
     *
     * @return the sealer
     * @throws IllegalStateException if no key was given
     * @throws InvalidInputException input {@code sealKey} if the keys are unsuitable
     */
    public FormSealer build() {
      if (keys == null) {
        throw new IllegalStateException("a key pair is required");
      }
      return new FormSealer(this);
    }
  }
}
