package vn.id06.core.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.AuditEvent;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;

/**
 * What both clients share: the connector, the resilience policies, the audit, the batch threads.
 * Thread-safe; closed once.
 */
final class GatewayCore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayCore.class);
  private static final long MAX_JWKS = 256 * 1024;

  final GatewayClientBuilder config;
  final Connector connector;
  final GatewayResilience policy;
  final ExecutorService batchThreads;
  private final HttpExchange http;
  private final AuditSink audit;
  private final SubjectHasher hasher;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GatewayCore(
      GatewayClientBuilder config,
      Connector connector,
      GatewayResilience policy,
      HttpExchange http) {
    this.config = config;
    if (config.auditSink == null) {
      LOG.debug("no audit sink configured: this client's gateway calls are not audited");
      this.audit = null;
      this.hasher = null;
    } else {
      this.audit = config.auditSink;
      this.hasher = Objects.requireNonNull(config.subjectHasher, "subjectHasher");
    }
    this.connector = connector;
    this.policy = policy;
    this.http = http;
    this.batchThreads =
        Executors.newFixedThreadPool(
            config.maxInFlight,
            r -> {
              Thread t = new Thread(r, "id06-gateway-batch");
              t.setDaemon(true);
              return t;
            });
  }

  /** A JSON mapper that keeps source text out of its error messages and bounds its input. */
  static ObjectMapper mapper() {
    JsonFactory f =
        JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(64)
                    .build())
            .build();
    return new ObjectMapper(f);
  }

  static GatewayCore open(GatewayClientBuilder b) {
    ObjectMapper json = mapper();
    PrivateKey key =
        b.clientKey != null
            ? b.clientKey
            : b.clientKeyFile != null ? TrustMaterial.privateKey(b.clientKeyFile) : null;
    boolean https = b.gateway.getScheme().equalsIgnoreCase("https");
    SSLContext ssl =
        https ? TrustMaterial.sslContext(b.trustAnchorsFile, key, b.clientCertificateFile) : null;
    HttpExchange http = new HttpExchange(b, ssl);
    try {
      byte[] jwks = null;
      if (b.jwksFile != null) {
        jwks = TrustMaterial.readLimited("jwks", b.jwksFile);
      } else if (b.jwksUri != null) {
        jwks = fetchJwks(http, b.jwksUri);
      }
      ResponseSigning signing =
          jwks == null ? null : ResponseSigning.fromJwks(jwks, json, b.clock, b.clockSkew);
      URI base = b.gateway.resolve(b.profilePath);
      Connector connector;
      if (b.profile == GatewayProfile.BHXH) {
        String secret =
            new String(
                    TrustMaterial.readLimited("clientSecret", b.clientSecretFile),
                    java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        connector =
            new BhxhConnector(
                base, http, b.clientId, secret, b.wireMapping, json, b.clock, b.maxResponseBytes);
      } else {
        AccessTokens tokens =
            new AccessTokens(
                http, base.resolve("oauth2/token"), b.clientId, b.audience, key, json, b.clock);
        connector =
            b.profile == GatewayProfile.LGSP
                ? new LgspSoapConnector(
                    base, http, tokens, b.wireMapping, b.clock, b.maxResponseBytes)
                : new RestConnector(
                    base,
                    http,
                    tokens,
                    signing,
                    b.allowUnsigned,
                    json,
                    b.clock,
                    b.maxResponseBytes,
                    b.maxBatchResponseBytes);
      }
      return new GatewayCore(b, connector, new GatewayResilience(b), http);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  private static byte[] fetchJwks(HttpExchange http, URI uri) {
    try {
      HttpExchange.Answer a = http.exchange("GET", uri, Map.of(), null, null, MAX_JWKS);
      if (a.status() != 200) {
        throw new UnavailableException(
            UnavailableException.Kind.GATEWAY, 1, "the JWKS URL answered HTTP " + a.status(), null);
      }
      return a.body();
    } catch (AttemptFailure f) {
      throw f.exhausted(1);
    }
  }

  /**
   * A fresh request id: {@code id06-} and 128 random bits as 32 letters {@code a-p}. Letters only,
   * so a logged request id never looks like a citizen's ID number to a log scan.
   */
  static String newRequestId() {
    UUID u = UUID.randomUUID();
    char[] out = new char[32];
    long[] halves = {u.getMostSignificantBits(), u.getLeastSignificantBits()};
    for (int i = 0; i < 32; i++) {
      out[i] = (char) ('a' + ((halves[i / 16] >>> (60 - 4 * (i % 16))) & 0xF));
    }
    return "id06-" + new String(out);
  }

  /**
   * Runs a call under the resilience policies and audits it: one event per subject (one event with
   * no subject when {@code subjectIds} is empty), on success and on failure.
   *
   * @param subjectIds the subjects' IDs as sent, in order
   * @param outcome the audit outcome of subject {@code i} in a successful result
   */
  <T> T call(
      String operation,
      OperatorContext operator,
      String requestId,
      List<String> subjectIds,
      ConnectorCall<T> body,
      Outcome<T> outcome) {
    Objects.requireNonNull(operator, "operator");
    if (closed.get()) {
      throw new IllegalStateException("the client is closed");
    }
    AtomicInteger attempts = new AtomicInteger();
    IntFunction<T> attempt =
        n -> {
          attempts.set(n);
          Connector.Call call = new Connector.Call(operator, requestId, n);
          try {
            return body.apply(connector, call);
          } catch (AttemptFailure f) {
            if (f.kind() != AttemptFailure.Kind.TOKEN_EXPIRED) {
              throw f;
            }
            // The connector dropped the refused token: one more try, at once, with a fresh one. A
            // fresh token refused too is left to the retry policy (backoff, attempt limit); after
            // the last attempt it is the token's VerificationException.
            LOG.debug("{}: the access token was refused, retrying with a new one", operation);
          }
          return body.apply(connector, call);
        };
    T result;
    try {
      result = policy.run(attempt);
    } catch (RuntimeException e) {
      if (audit != null) {
        AuditOutcome failed = outcomeOf(e);
        try {
          record(
              operation, operator, requestId, subjectIds, attempts.get(), (r, i) -> failed, null);
        } catch (RuntimeException auditFailure) {
          e.addSuppressed(auditFailure);
        }
      }
      throw e;
    }
    if (audit != null) {
      record(operation, operator, requestId, subjectIds, attempts.get(), outcome, result);
    }
    return result;
  }

  private <T> void record(
      String operation,
      OperatorContext operator,
      String requestId,
      List<String> subjectIds,
      int attempts,
      Outcome<T> outcome,
      T result) {
    Instant now = config.clock.instant();
    if (subjectIds.isEmpty()) {
      audit.record(
          new AuditEvent(now, operation, operator, "", outcome.of(result, 0), attempts, requestId));
      return;
    }
    // One call's events together, so a sink can state a batch's shared fields once.
    List<AuditEvent> events = new ArrayList<>(subjectIds.size());
    for (int i = 0; i < subjectIds.size(); i++) {
      events.add(
          new AuditEvent(
              now,
              operation,
              operator,
              hasher.hash(subjectIds.get(i)),
              outcome.of(result, i),
              attempts,
              requestId));
    }
    audit.recordAll(events);
  }

  /** How a failed call is recorded. */
  static AuditOutcome outcomeOf(RuntimeException e) {
    if (e instanceof UnavailableException) {
      return AuditOutcome.UNAVAILABLE;
    }
    if (e instanceof VerificationException) {
      return AuditOutcome.SECURITY_FAILURE;
    }
    if (e instanceof RemoteRefusalException r) {
      return r.status() == 404 ? AuditOutcome.NOT_FOUND : AuditOutcome.REFUSED;
    }
    if (e instanceof InvalidInputException) {
      return AuditOutcome.INVALID_INPUT;
    }
    return AuditOutcome.ERROR;
  }

  @FunctionalInterface
  interface ConnectorCall<T> {
    T apply(Connector connector, Connector.Call call);
  }

  /** The audit outcome of subject {@code index} in a successful call's result. */
  @FunctionalInterface
  interface Outcome<T> {
    AuditOutcome of(T result, int index);
  }

  static void requireOperator(OperatorContext operator) {
    if (operator == null) {
      throw new InvalidInputException(
          "operator", InputReason.EMPTY, "an operator context is required");
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      batchThreads.shutdownNow();
      try {
        connector.close();
        http.close();
      } finally {
        if (audit != null) {
          audit.flush();
        }
      }
    }
  }
}
