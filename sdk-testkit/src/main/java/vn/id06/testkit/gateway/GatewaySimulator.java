package vn.id06.testkit.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The population-data gateway simulator: a real HTTPS server on the loopback interface serving the
 * REST JSON profile of {@code spec/population-gateway.yaml} from one {@link SyntheticPopulation},
 * and beside it, from the same population and with the same faults, the LGSP SOAP profile ({@link
 * #lgspBaseUri()}) and the social-insurance card check ({@link #bhxhBaseUri()}).
 *
 * <p>It has its own CA, TLS certificate, token endpoint ({@code private_key_jwt} client
 * registration), JWKS and response-signing keys, kept in a state folder so a restart keeps them.
 * Every answer is signed with a detached JWS over the exact body bytes (RFC 7797). Mutual TLS,
 * plain HTTP (loopback only), the signing algorithm and injected faults ({@link FaultSpec}) are
 * options. Test data only.
 *
 * <p>Thread-safe: it serves requests concurrently; {@link #close()} stops it.
 */
public final class GatewaySimulator implements AutoCloseable {

  /** Identifies the simulator in its start line and in its information endpoint. */
  public static final String SIMULATOR_NAME = "id06";

  /** The path of the REST profile under the root URL. */
  public static final String REST_PATH = "rest/v1/";

  /** The path of the LGSP (SOAP) profile under the root URL. */
  public static final String LGSP_PATH = "lgsp/";

  /** The path of the social-insurance (card check) profile under the root URL. */
  public static final String BHXH_PATH = "bhxh/";

  /** The algorithm the simulator signs its answers with. */
  public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256, as government PKIs mostly use. The default. */
    RS256,
    /** ECDSA P-256 with SHA-256. */
    ES256,
    /** Ed25519. */
    EdDSA
  }

  private final Builder config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SimulatorKeys keys;
  private final RestProfile rest;
  private final WireFaults wireFaults;
  private final URI root;

  private GatewaySimulator(Builder b) throws IOException {
    this.config = b.copy();
    this.keys = SimulatorKeys.loadOrCreate(b.stateDirectory);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
    this.executor =
        Executors.newFixedThreadPool(
            b.threads,
            r -> {
              Thread t = new Thread(r, "id06-gateway-simulator");
              t.setDaemon(true);
              return t;
            });
    if (b.plainHttp) {
      this.server = HttpServer.create(address, 256);
    } else {
      HttpsServer https = HttpsServer.create(address, 256);
      SSLContext ssl = sslContext();
      boolean mtls = b.mutualTls;
      https.setHttpsConfigurator(
          new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
              SSLParameters p = getSSLContext().getDefaultSSLParameters();
              p.setNeedClientAuth(mtls);
              params.setSSLParameters(p);
            }
          });
      this.server = https;
    }
    int port = server.getAddress().getPort();
    this.root = URI.create((b.plainHttp ? "http" : "https") + "://127.0.0.1:" + port + "/");
    this.rest =
        new RestProfile(
            b.population,
            keys,
            b.algorithm,
            b.faults,
            b.seed,
            b.clock,
            b.stallTime,
            b.audience,
            CLIENT_ID);
    this.wireFaults = new WireFaults(b.faults, b.seed, b.stallTime);
    LgspProfile lgsp = new LgspProfile(b.population, rest, wireFaults);
    BhxhProfile bhxh =
        new BhxhProfile(b.population, b.stateDirectory, wireFaults, b.clock, CLIENT_ID);
    server.setExecutor(executor);
    server.createContext("/", rest::handle);
    server.createContext("/" + LGSP_PATH, lgsp::handle);
    server.createContext("/" + BHXH_PATH, bhxh::handle);
    server.start();
    writeStartFile();
  }

  /** The client id of the built-in client registration. */
  public static final String CLIENT_ID = "id06-demo-client";

  /** The token audience the simulator expects unless configured otherwise. */
  public static final String DEFAULT_AUDIENCE = "urn:id06:simulator:population-gateway";

  /**
   * Starts configuring a simulator.
   *
   * @return a builder with the defaults: port 0 (any), HTTPS, no mutual TLS, RS256, no faults,
   *     10,000 citizens of seed 6
   */
  public static Builder builder() {
    return new Builder();
  }

  private SSLContext sslContext() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = "simulator".toCharArray();
      ks.setKeyEntry("server", keys.serverKey, pw, new Certificate[] {keys.server, keys.ca});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", keys.ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the simulator's TLS", e);
    }
  }

  private void writeStartFile() throws IOException {
    Files.writeString(
        config.stateDirectory.resolve("simulator.json"),
        startLine() + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        config.stateDirectory.resolve(SimulatorKeys.JWKS_FILE),
        rest.jwksJson(),
        StandardCharsets.UTF_8);
  }

  /**
   * The one JSON line the command line prints on start: port, base URL of each profile, the files a
   * client needs, the JWKS URL, the token audience, and {@code "simulator":"id06"}.
   *
   * @return the JSON text, one line
   */
  public String startLine() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("simulator", SIMULATOR_NAME);
    n.put("port", port());
    n.put("gateway", root.toString());
    n.putObject("profiles")
        .put("rest", restBaseUri().toString())
        .put("lgsp", root.resolve(LGSP_PATH).toString())
        .put("bhxh", root.resolve(BHXH_PATH).toString());
    n.put("jwksUrl", jwksUri().toString());
    n.put("tokenUrl", restBaseUri().resolve("oauth2/token").toString());
    n.put("audience", config.audience);
    n.put("clientId", CLIENT_ID);
    n.put("bhxhPasswordFile", bhxhPasswordFile().toString());
    n.put("caCertificate", caCertificateFile().toString());
    n.put("clientKey", clientKeyFile().toString());
    n.put("clientCertificate", clientCertificateFile().toString());
    n.put("jwksFile", jwksFile().toString());
    n.put("stateDirectory", config.stateDirectory.toString());
    n.put("mutualTls", config.mutualTls);
    n.put("signingAlgorithm", config.algorithm.name());
    n.put("citizens", config.population.size());
    n.put("seed", config.population.seed());
    n.put("faults", config.faults.toString());
    try {
      return m.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The port the simulator listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The root URL, the one a client is given ({@code https://127.0.0.1:PORT/}).
   *
   * @return the root URL
   */
  public URI rootUri() {
    return root;
  }

  /**
   * The base URL of the REST profile.
   *
   * @return {@code rootUri()} + {@code rest/v1/}
   */
  public URI restBaseUri() {
    return root.resolve(REST_PATH);
  }

  /**
   * The base URL of the LGSP (SOAP) profile: the token at {@code oauth2/token}, the population
   * service at {@code dancu}.
   *
   * @return {@code rootUri()} + {@code lgsp/}
   */
  public URI lgspBaseUri() {
    return root.resolve(LGSP_PATH);
  }

  /**
   * The base URL of the social-insurance card check: {@code api/token/take} and {@code
   * api/egw/KQNhanLichSuKCB2019}.
   *
   * @return {@code rootUri()} + {@code bhxh/}
   */
  public URI bhxhBaseUri() {
    return root.resolve(BHXH_PATH);
  }

  /**
   * The password of the social-insurance profile's user ({@link #CLIENT_ID}), one line of text.
   *
   * @return the file in the state folder
   */
  public Path bhxhPasswordFile() {
    return config.stateDirectory.resolve(BhxhProfile.PASSWORD_FILE);
  }

  /**
   * The URL of the gateway's JWKS.
   *
   * @return the JWKS URL
   */
  public URI jwksUri() {
    return restBaseUri().resolve(".well-known/jwks.json");
  }

  /**
   * The token audience the simulator expects.
   *
   * @return the audience
   */
  public String audience() {
    return config.audience;
  }

  /**
   * The state folder.
   *
   * @return the folder holding keys and certificates
   */
  public Path stateDirectory() {
    return config.stateDirectory;
  }

  /**
   * The CA certificate (PEM) a client trusts.
   *
   * @return the file
   */
  public Path caCertificateFile() {
    return config.stateDirectory.resolve(SimulatorKeys.CA_FILE);
  }

  /**
   * The registered client's private key (PKCS#8 PEM), for {@code private_key_jwt} and mutual TLS.
   *
   * @return the file
   */
  public Path clientKeyFile() {
    return config.stateDirectory.resolve(SimulatorKeys.CLIENT_KEY_FILE);
  }

  /**
   * The registered client's certificate (PEM), for mutual TLS.
   *
   * @return the file
   */
  public Path clientCertificateFile() {
    return config.stateDirectory.resolve(SimulatorKeys.CLIENT_CERT_FILE);
  }

  /**
   * The gateway's JWKS as a file, to pin in a client.
   *
   * @return the file
   */
  public Path jwksFile() {
    return config.stateDirectory.resolve(SimulatorKeys.JWKS_FILE);
  }

  /**
   * The population served.
   *
   * @return the population
   */
  public SyntheticPopulation population() {
    return config.population;
  }

  /**
   * How many faults of each kind were injected so far, and the number of operation requests.
   *
   * @return counts by fault token ({@code "429"}, {@code "reset"}...) and {@code "requests"}
   */
  public Map<String, Long> counters() {
    Map<String, Long> m = new java.util.HashMap<>(rest.counters());
    wireFaults.counters().forEach((k, v) -> m.merge(k, v, Long::sum));
    return m;
  }

  /** Stops the server and its threads (stalled requests are interrupted). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "GatewaySimulator[" + root + "]";
  }

  /** Configures a {@link GatewaySimulator}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private int port;
    private boolean plainHttp;
    private boolean mutualTls;
    private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
    private FaultSpec faults = FaultSpec.none();
    private long seed = 6;
    private SyntheticPopulation population = SyntheticPopulation.of(6, 10_000);
    private Path stateDirectory;
    private Clock clock = Clock.systemUTC();
    private Duration stallTime = Duration.ofSeconds(30);
    private String audience = DEFAULT_AUDIENCE;
    private int threads = 32;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.port = port;
      b.plainHttp = plainHttp;
      b.mutualTls = mutualTls;
      b.algorithm = algorithm;
      b.faults = faults;
      b.seed = seed;
      b.population = population;
      b.stateDirectory = stateDirectory;
      b.clock = clock;
      b.stallTime = stallTime;
      b.audience = audience;
      b.threads = threads;
      return b;
    }

    /**
     * The port; 0 picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port outside 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Serves plain HTTP instead of HTTPS (still on loopback only).
     *
     * @param plainHttp true for plain HTTP
     * @return this builder
     */
    public Builder plainHttp(boolean plainHttp) {
      this.plainHttp = plainHttp;
      return this;
    }

    /**
     * Requires a client certificate issued by the simulator's CA.
     *
     * @param mutualTls true to require one
     * @return this builder
     */
    public Builder mutualTls(boolean mutualTls) {
      this.mutualTls = mutualTls;
      return this;
    }

    /**
     * The response-signing algorithm.
     *
     * @param algorithm RS256 (default), ES256 or EdDSA
     * @return this builder
     */
    public Builder signingAlgorithm(SigningAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * The faults to inject.
     *
     * @param faults the spec
     * @return this builder
     */
    public Builder faults(FaultSpec faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * The seed of the fault draws, so a faulty run repeats exactly.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder faultSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The population served.
     *
     * @param population the population
     * @return this builder
     */
    public Builder population(SyntheticPopulation population) {
      this.population = Objects.requireNonNull(population, "population");
      return this;
    }

    /**
     * The state folder; a temporary one if not set.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder stateDirectory(Path dir) {
      this.stateDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * The clock that stamps answers and judges token expiry.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a {@code stall} fault keeps a request without an answer.
     *
     * @param stallTime the time
     * @return this builder
     */
    public Builder stallTime(Duration stallTime) {
      this.stallTime = Objects.requireNonNull(stallTime, "stallTime");
      return this;
    }

    /**
     * The token audience expected in client assertions.
     *
     * @param audience the audience
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * How many requests are served at once.
     *
     * @param threads 1 or more
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts the simulator.
     *
     * @return the running simulator
     * @throws UncheckedIOException if the port or state folder cannot be used
     */
    public GatewaySimulator start() {
      try {
        if (stateDirectory == null) {
          stateDirectory = Files.createTempDirectory("id06-simulator");
        }
        return new GatewaySimulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the gateway simulator", e);
      }
    }
  }
}
