package vn.id06.core.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.AuditSink;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.resilience.Sleeper;

/**
 * Configures a {@link PopulationDataClient} or a {@link HealthInsuranceClient}.
 *
 * <p>Trust is configured, never discovered over the link it protects: the CA that issued the
 * gateway's TLS certificate, the client's key (for {@code private_key_jwt} and, optionally, mutual
 * TLS) and the gateway's JWKS, as a pinned file or a URL fetched over the verified TLS. A
 * configuration that would accept unsigned answers is refused unless {@link
 * #allowUnsignedResponses(boolean)} says so; every answer is then marked {@code
 * POPULATION_DATABASE_UNVERIFIED}.
 *
 * <p>Every endpoint is resolved relative to the one gateway URL, and the token's audience is
 * configured, so a reverse proxy or relay in front of the gateway works. Every default is finite:
 * connect 5 s, response 15 s, overall 60 s, 3 attempts, backoff 200 ms to 5 s with full jitter,
 * {@code Retry-After} honoured up to 30 s, breaker opening after 5 consecutive failures for 30 s,
 * 50 requests per second, 8 requests in flight, answers of at most 1 MiB (16 MiB for a batch).
 *
 * <p>Resilience is sdk-core's {@link vn.id06.core.resilience.Resilience}: these settings become its
 * {@link vn.id06.core.resilience.RetryPolicy}, {@link vn.id06.core.resilience.CircuitBreaker},
 * {@link vn.id06.core.resilience.RateLimiter}, {@link vn.id06.core.resilience.Bulkhead} and {@link
 * vn.id06.core.resilience.Deadline}, one set per client. Everything that waits or reads the time
 * goes through {@link #clock(Clock)} and {@link #sleeper(Sleeper)}.
 *
 * <p>Audit: with {@link #auditSink(AuditSink)} and {@link #subjectHasher(SubjectHasher)}, every
 * call emits one {@link vn.id06.core.audit.AuditEvent} (one per subject for a batch) whatever its
 * outcome. Without a sink, calls are not audited: the client uses {@link AuditSink#discarding()}
 * and says so once, at DEBUG, when it is built. A sink without a hasher is refused, since the
 * subject's ID is only ever recorded as a keyed hash, under the caller's key.
 *
 * <p>Not thread-safe: configure from one thread, then build. The clients it builds are immutable.
 */
public final class GatewayClientBuilder {

  URI gateway;
  String profilePath = "rest/v1/";
  boolean profilePathSet;
  GatewayProfile profile = GatewayProfile.REST;
  WireMapping wireMapping = WireMapping.defaults();
  Path clientSecretFile;
  String audience;
  String clientId;
  PrivateKey clientKey;
  Path clientKeyFile;
  Path clientCertificateFile;
  Path trustAnchorsFile;
  Path jwksFile;
  URI jwksUri;
  boolean allowUnsigned;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration responseTimeout = Duration.ofSeconds(15);
  Duration overallTimeout = Duration.ofSeconds(60);
  int maxAttempts = 3;
  Duration backoffBase = Duration.ofMillis(200);
  Duration backoffMax = Duration.ofSeconds(5);
  Duration retryAfterCap = Duration.ofSeconds(30);
  int breakerThreshold = 5;
  Duration breakerOpenTime = Duration.ofSeconds(30);
  double requestsPerSecond = 50;
  int maxInFlight = 8;
  int batchSize = 1000;
  long maxResponseBytes = 1 << 20;
  long maxBatchResponseBytes = 16L << 20;
  Duration clockSkew = Duration.ofMinutes(5);
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.system();
  AuditSink auditSink;
  SubjectHasher subjectHasher;

  GatewayClientBuilder() {}

  /**
   * The gateway's root URL. {@code https} is required except on the loopback interface.
   *
   * @param root e.g. {@code https://gateway.example.vn/}
   * @return this builder
   */
  public GatewayClientBuilder gateway(URI root) {
    Objects.requireNonNull(root, "root");
    String s = root.toString();
    this.gateway = URI.create(s.endsWith("/") ? s : s + "/");
    return this;
  }

  /**
   * The path of the profile under the gateway URL.
   *
   * @param path default {@code "rest/v1/"} for REST, {@code "lgsp/"} for LGSP, {@code "bhxh/"} for
   *     BHXH; {@code ""} when the URL already is the profile's base
   * @return this builder
   */
  public GatewayClientBuilder profilePath(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("..") || path.contains("://")) {
      throw new InvalidInputException("profilePath", InputReason.MALFORMED, "a relative path");
    }
    this.profilePath = path.isEmpty() || path.endsWith("/") ? path : path + "/";
    this.profilePathSet = true;
    return this;
  }

  /**
   * The wire profile. Unless {@link #profilePath(String)} is given, the profile's own path under
   * the gateway URL is used. The {@code lgsp} and {@code bhxh} profiles' answers are not signed:
   * they need {@link #allowUnsignedResponses(boolean)}, and every answer is then {@code
   * POPULATION_DATABASE_UNVERIFIED}.
   *
   * @param profile the profile (default REST)
   * @return this builder
   */
  public GatewayClientBuilder profile(GatewayProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    if (!profilePathSet) {
      this.profilePath = profile.defaultPath();
    }
    return this;
  }

  /**
   * The names the {@code lgsp} and {@code bhxh} profiles put on the wire, when a gateway spells
   * them differently from the defaults.
   *
   * @param mapping the mapping, e.g. {@link WireMapping#load(Path)}
   * @return this builder
   */
  public GatewayClientBuilder wireMapping(WireMapping mapping) {
    this.wireMapping = Objects.requireNonNull(mapping, "mapping");
    return this;
  }

  /**
   * The file holding the password the social-insurance gateway issued for {@link #client(String,
   * String) the client id} ({@code bhxh} profile only). It is read when the client is built, never
   * logged, and sent as the gateway expects ({@link WireMapping} {@code bhxh.passwordDigest}).
   *
   * @param file a text file whose first line is the password
   * @return this builder
   */
  public GatewayClientBuilder clientSecret(Path file) {
    this.clientSecretFile = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * The OAuth2 client registration: the client id and the audience its assertions name.
   *
   * @param clientId the client id registered at the gateway
   * @param audience the token audience the gateway expects
   * @return this builder
   */
  public GatewayClientBuilder client(String clientId, String audience) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.audience = Objects.requireNonNull(audience, "audience");
    return this;
  }

  /**
   * The client's private key (EC P-256 or RSA), for {@code private_key_jwt} and mutual TLS.
   *
   * @param key the key
   * @return this builder
   */
  public GatewayClientBuilder clientKey(PrivateKey key) {
    this.clientKey = Objects.requireNonNull(key, "key");
    this.clientKeyFile = null;
    return this;
  }

  /**
   * The client's private key as a PKCS#8 PEM file.
   *
   * @param pem the file
   * @return this builder
   */
  public GatewayClientBuilder clientKey(Path pem) {
    this.clientKeyFile = Objects.requireNonNull(pem, "pem");
    this.clientKey = null;
    return this;
  }

  /**
   * Presents this certificate (PEM, for the client key) in mutual TLS.
   *
   * @param pem the certificate file
   * @return this builder
   */
  public GatewayClientBuilder mutualTls(Path pem) {
    this.clientCertificateFile = Objects.requireNonNull(pem, "pem");
    return this;
  }

  /**
   * The CA certificates (PEM) that issue the gateway's TLS certificate; only these are trusted.
   *
   * @param pem the file
   * @return this builder
   */
  public GatewayClientBuilder trustAnchors(Path pem) {
    this.trustAnchorsFile = Objects.requireNonNull(pem, "pem");
    return this;
  }

  /**
   * Pins the gateway's JWKS from a file.
   *
   * @param file the JWKS (JSON)
   * @return this builder
   */
  public GatewayClientBuilder jwks(Path file) {
    this.jwksFile = Objects.requireNonNull(file, "file");
    this.jwksUri = null;
    return this;
  }

  /**
   * Fetches the gateway's JWKS once, at build, from this URL over the verified TLS.
   *
   * @param url the JWKS URL ({@code https}, or {@code http} on loopback)
   * @return this builder
   */
  public GatewayClientBuilder jwks(URI url) {
    this.jwksUri = Objects.requireNonNull(url, "url");
    this.jwksFile = null;
    return this;
  }

  /**
   * Accepts unsigned answers. Every answer is then marked {@code POPULATION_DATABASE_UNVERIFIED}; a
   * signature that is present is still checked.
   *
   * @param allow true to accept them
   * @return this builder
   */
  public GatewayClientBuilder allowUnsignedResponses(boolean allow) {
    this.allowUnsigned = allow;
    return this;
  }

  /**
   * The deadlines.
   *
   * @param connect to open a connection
   * @param response to wait for an answer, per attempt
   * @param overall for a whole call, retries included
   * @return this builder
   */
  public GatewayClientBuilder timeouts(Duration connect, Duration response, Duration overall) {
    this.connectTimeout = positive("connectTimeout", connect);
    this.responseTimeout = positive("responseTimeout", response);
    this.overallTimeout = positive("overallTimeout", overall);
    return this;
  }

  /**
   * Retries: attempts per call, and the exponential backoff with full jitter between them.
   *
   * @param maxAttempts 1 (no retry) to 10
   * @param base the first backoff ceiling
   * @param max the largest backoff ceiling
   * @param retryAfterCap the longest {@code Retry-After} honoured
   * @return this builder
   */
  public GatewayClientBuilder retries(
      int maxAttempts, Duration base, Duration max, Duration retryAfterCap) {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new InvalidInputException("maxAttempts", InputReason.UNKNOWN_VALUE, "1 to 10");
    }
    positive("backoffBase", base);
    positive("backoffMax", max);
    if (max.compareTo(base) < 0) {
      throw new InvalidInputException("backoffMax", InputReason.UNKNOWN_VALUE, "at least base");
    }
    this.maxAttempts = maxAttempts;
    this.backoffBase = base;
    this.backoffMax = max;
    this.retryAfterCap = positive("retryAfterCap", retryAfterCap);
    return this;
  }

  /**
   * The circuit breaker.
   *
   * @param consecutiveFailures failures in a row that open it, 1 to 10,000
   * @param openTime how long it stays open before one trial call
   * @return this builder
   */
  public GatewayClientBuilder circuitBreaker(int consecutiveFailures, Duration openTime) {
    if (consecutiveFailures < 1 || consecutiveFailures > 10_000) {
      throw new InvalidInputException(
          "consecutiveFailures", InputReason.UNKNOWN_VALUE, "1 to 10000");
    }
    this.breakerThreshold = consecutiveFailures;
    this.breakerOpenTime = positive("openTime", openTime);
    return this;
  }

  /**
   * The client-side rate limit: never more than this many requests per second, retries included.
   *
   * @param requestsPerSecond more than 0, at most 1,000,000
   * @return this builder
   */
  public GatewayClientBuilder rateLimit(double requestsPerSecond) {
    if (!(requestsPerSecond > 0) || requestsPerSecond > 1_000_000) {
      throw new InvalidInputException(
          "requestsPerSecond", InputReason.UNKNOWN_VALUE, "more than 0, at most 1000000");
    }
    this.requestsPerSecond = requestsPerSecond;
    return this;
  }

  /**
   * The concurrency cap: requests in flight at once, over all threads.
   *
   * @param maxInFlight 1 to 256
   * @return this builder
   */
  public GatewayClientBuilder maxInFlight(int maxInFlight) {
    if (maxInFlight < 1 || maxInFlight > 256) {
      throw new InvalidInputException("maxInFlight", InputReason.UNKNOWN_VALUE, "1 to 256");
    }
    this.maxInFlight = maxInFlight;
    return this;
  }

  /**
   * Subjects per batch request in {@link PopulationDataClient#verifyAll}.
   *
   * @param batchSize 1 to 1,000
   * @return this builder
   */
  public GatewayClientBuilder batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 1000) {
      throw new InvalidInputException("batchSize", InputReason.UNKNOWN_VALUE, "1 to 1000");
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * The largest answer accepted.
   *
   * @param bytes for single answers
   * @return this builder
   */
  public GatewayClientBuilder maxResponseBytes(long bytes) {
    if (bytes < 1024) {
      throw new InvalidInputException("maxResponseBytes", InputReason.UNKNOWN_VALUE, ">= 1024");
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * How far an answer's signing time may be from the client's clock.
   *
   * @param skew the tolerance
   * @return this builder
   */
  public GatewayClientBuilder clockSkew(Duration skew) {
    this.clockSkew = positive("clockSkew", skew);
    return this;
  }

  /**
   * The clock for deadlines, token expiry, the breaker, the rate limit and freshness checks.
   *
   * @param clock the clock
   * @return this builder
   */
  public GatewayClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Where every call's audit event goes. The sink belongs to the caller: the client flushes it when
   * the client is closed but never closes it, so one sink may serve several clients. A sink that
   * throws makes the call throw (an access that cannot be accounted for must not pass unnoticed);
   * when the call itself failed, the sink's exception is added to the call's as suppressed.
   *
   * @param sink the sink; requires {@link #subjectHasher(SubjectHasher)}
   * @return this builder
   */
  public GatewayClientBuilder auditSink(AuditSink sink) {
    this.auditSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /**
   * The keyed hash (HMAC) that stands for the subject's ID in audit events; the ID itself is never
   * recorded.
   *
   * @param hasher the hasher, with a key from the caller's configuration
   * @return this builder
   */
  public GatewayClientBuilder subjectHasher(SubjectHasher hasher) {
    this.subjectHasher = Objects.requireNonNull(hasher, "hasher");
    return this;
  }

  /**
   * What waits: the backoff between attempts, a server's {@code Retry-After}, the rate limit and a
   * full concurrency cap. Together with {@link #clock(Clock)} it lets a test run retries, the
   * breaker and the rate limit exactly and without sleeping: pass a clock the test moves and a
   * sleeper that records each wait and moves that clock by it.
   *
   * @param sleeper the sleeper (default {@link Sleeper#system()}, which blocks the thread)
   * @return this builder
   */
  public GatewayClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new InvalidInputException(name, InputReason.UNKNOWN_VALUE, "must be positive");
    }
    if (d.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidInputException(name, InputReason.UNKNOWN_VALUE, "at most one day");
    }
    return d;
  }

  /**
   * Builds a population-data client.
   *
   * @return the client
   * @throws InvalidInputException if the configuration is incomplete or unsafe (no gateway URL,
   *     plain HTTP to a host that is not loopback, no trust anchors for HTTPS, no JWKS without
   *     {@link #allowUnsignedResponses(boolean)}, no client registration or key, an audit sink
   *     without a subject hasher)
   */
  public PopulationDataClient buildPopulationDataClient() {
    return new DefaultPopulationDataClient(GatewayCore.open(validated()));
  }

  /**
   * Builds a health-insurance client.
   *
   * @return the client
   * @throws InvalidInputException as for {@link #buildPopulationDataClient()}
   */
  public HealthInsuranceClient buildHealthInsuranceClient() {
    return new DefaultHealthInsuranceClient(GatewayCore.open(validated()));
  }

  private GatewayClientBuilder validated() {
    if (gateway == null) {
      throw new InvalidInputException("gatewayUrl", InputReason.EMPTY, "required");
    }
    String scheme = gateway.getScheme() == null ? "" : gateway.getScheme().toLowerCase(Locale.ROOT);
    if (gateway.getHost() == null
        || gateway.getRawUserInfo() != null
        || gateway.getRawQuery() != null
        || gateway.getRawFragment() != null) {
      throw new InvalidInputException(
          "gatewayUrl",
          InputReason.MALFORMED,
          "a URL with a host, no credentials, query or fragment");
    }
    if (scheme.equals("http")) {
      if (!isLoopback(gateway.getHost())) {
        throw new InvalidInputException(
            "gatewayUrl", InputReason.MALFORMED, "plain http is only allowed to a loopback host");
      }
    } else if (!scheme.equals("https")) {
      throw new InvalidInputException("gatewayUrl", InputReason.MALFORMED, "https required");
    }
    if (scheme.equals("https") && trustAnchorsFile == null) {
      throw new InvalidInputException(
          "trustAnchors", InputReason.EMPTY, "the CA of the gateway's TLS certificate is required");
    }
    if (profile != GatewayProfile.REST && !allowUnsigned) {
      throw new InvalidInputException(
          "allowUnsignedResponses",
          InputReason.EMPTY,
          "the " + profile.id() + " profile's answers are not signed: allow unsigned answers");
    }
    if (jwksFile == null && jwksUri == null && !allowUnsigned) {
      throw new InvalidInputException(
          "jwks",
          InputReason.EMPTY,
          "the gateway's JWKS is required unless unsigned answers are explicitly allowed");
    }
    if (jwksUri != null) {
      String js = jwksUri.getScheme() == null ? "" : jwksUri.getScheme().toLowerCase(Locale.ROOT);
      if (!(js.equals("https") || (js.equals("http") && isLoopback(jwksUri.getHost())))) {
        throw new InvalidInputException(
            "jwks", InputReason.MALFORMED, "the JWKS URL must use https (http only on loopback)");
      }
    }
    if (profile == GatewayProfile.BHXH) {
      if (clientId == null || clientSecretFile == null) {
        throw new InvalidInputException(
            "clientSecret", InputReason.EMPTY, "the bhxh profile needs a client id and secret");
      }
    } else if (clientId == null || audience == null) {
      throw new InvalidInputException("clientId", InputReason.EMPTY, "client id and audience");
    } else if (clientKey == null && clientKeyFile == null) {
      throw new InvalidInputException("clientKey", InputReason.EMPTY, "required");
    }
    if (auditSink != null && subjectHasher == null) {
      throw new InvalidInputException(
          "subjectHasher", InputReason.EMPTY, "an audit sink needs a keyed subject hasher");
    }
    if (clientCertificateFile != null && !scheme.equals("https")) {
      throw new InvalidInputException("mutualTls", InputReason.MALFORMED, "needs https");
    }
    if (clientCertificateFile != null && clientKey == null && clientKeyFile == null) {
      throw new InvalidInputException("clientKey", InputReason.EMPTY, "mutual TLS needs the key");
    }
    return this;
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is never resolved to decide this.
    if (!h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
