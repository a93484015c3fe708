package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.core.gateway.GatewayProfile;
import vn.id06.core.gateway.PopulationDataClient;

/**
 * The options every gateway command shares: the gateway URL, the operator context and the trust
 * material, each from a flag or its {@code ID06_*} variable. Against the id06 simulator on loopback
 * the trust material comes from the simulator's state folder and the built-in demo operator is
 * accepted; anywhere else everything is required.
 */
final class GatewayOptions {

  /** The demo operator: accepted only against the id06 simulator on loopback. */
  static final OperatorContext DEMO_OPERATOR =
      OperatorContext.of("DEMO-AGENCY", "DEMO-OFFICER", "DEMO", "id06 simulator demo");

  /** {@code --gateway URL}, checked as an absolute http or https URL. */
  @Mixin GatewayUrlOption gatewayUrl;

  /** The operator context: the same flags and variables as every gateway command's. */
  @Mixin OperatorOptions operatorOptions;

  /** {@code --audit FILE} and {@code --audit-keys DIR}: the audit trail. */
  @Mixin AuditOptions audit;

  @Option(
      names = "--client-key",
      paramLabel = "FILE",
      description = "Client key, PKCS#8 PEM (ID06_CLIENT_KEY).")
  Path clientKey;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "OAuth2 client id (ID06_CLIENT_ID).")
  String clientId;

  @Option(names = "--audience", paramLabel = "AUD", description = "Token audience (ID06_AUDIENCE).")
  String audience;

  @Option(names = "--ca", paramLabel = "FILE", description = "CA certificates, PEM (ID06_CA).")
  Path ca;

  @Option(
      names = "--jwks",
      paramLabel = "FILE|URL",
      description = "Gateway JWKS, file or https URL (ID06_JWKS).")
  String jwks;

  @Option(
      names = "--client-cert",
      paramLabel = "FILE",
      description = "Client certificate for mutual TLS (ID06_CLIENT_CERT).")
  Path clientCert;

  @Option(
      names = "--simulator-state",
      paramLabel = "DIR",
      description = "The simulator's state folder (ID06_SIMULATOR_STATE).")
  Path simulatorState;

  /** The flag, else the variable from the run's environment (blank counts as unset), else null. */
  static String env(CliContext context, String flag, String name) {
    if (flag != null) {
      return flag;
    }
    return context.env(name).filter(v -> !v.isBlank()).orElse(null);
  }

  static Path envPath(CliContext context, Path flag, String name) {
    String v = env(context, flag == null ? null : flag.toString(), name);
    return v == null ? null : Path.of(v);
  }

  URI root() {
    return gatewayUrl.require();
  }

  /** The simulator's start file, when the URL is a loopback simulator's and it says so. */
  Optional<JsonNode> simulator(CliContext context, URI root) {
    if (!loopback(root.getHost())) {
      return Optional.empty();
    }
    Path start = SimulatorCommand.stateFolder(context, simulatorState).resolve("simulator.json");
    if (!Files.isRegularFile(start)) {
      return Optional.empty();
    }
    try {
      JsonNode n = new ObjectMapper().readTree(Files.readString(start));
      String g = n.path("gateway").asText("");
      if (!"id06".equals(n.path("simulator").asText()) || !sameRoot(g, root.toString())) {
        return Optional.empty();
      }
      if (!confirms(root, Path.of(n.path("caCertificate").asText()))) {
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean sameRoot(String a, String b) {
    String x = a.endsWith("/") ? a : a + "/";
    String y = b.endsWith("/") ? b : b + "/";
    return x.equals(y.replace("://localhost:", "://127.0.0.1:"));
  }

  /** Asks the server itself, over TLS verified with the state folder's CA, whether it is id06's. */
  private static boolean confirms(URI root, Path caFile) {
    try {
      URL url = root.resolve("/.well-known/id06-simulator").toURL();
      var conn = url.openConnection();
      conn.setConnectTimeout(2000);
      conn.setReadTimeout(2000);
      if (conn instanceof HttpsURLConnection https) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
          ks.setCertificateEntry(
              "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        https.setSSLSocketFactory(ctx.getSocketFactory());
      }
      try (InputStream in = conn.getInputStream()) {
        JsonNode n = new ObjectMapper().readTree(in.readNBytes(4096));
        return "id06".equals(n.path("simulator").asText());
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.chars()
        .allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']')) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The operator context from the flags or the run's environment; with none given, the demo
   * operator, but only against the id06 simulator.
   */
  OperatorContext operator(CliContext context, boolean simulator) {
    Optional<OperatorContext> given = operatorOptions.resolve(context);
    if (given.isPresent()) {
      return given.get();
    }
    if (simulator) {
      return DEMO_OPERATOR;
    }
    throw new InvalidInputException(
        "operator",
        InputReason.EMPTY,
        "required: --agency, --officer, --procedure and --purpose (or ID06_AGENCY, ID06_OFFICER,"
            + " ID06_PROCEDURE, ID06_PURPOSE)");
  }

  @Option(
      names = "--client-secret",
      paramLabel = "FILE",
      description =
          "The social-insurance gateway's password, for --profile bhxh (ID06_CLIENT_SECRET).")
  Path clientSecret;

  GatewayClientBuilder builder(CliContext context, URI root, Optional<JsonNode> sim) {
    GatewayProfile profile = gatewayUrl.profile();
    if (profile != GatewayProfile.REST) {
      return WireProfileOptions.builder(context, this, root, sim, profile);
    }
    GatewayClientBuilder b = PopulationDataClient.builder().gateway(root);
    Path key = envPath(context, clientKey, "ID06_CLIENT_KEY");
    Path caFile = envPath(context, ca, "ID06_CA");
    String jwksText = env(context, jwks, "ID06_JWKS");
    String cid = env(context, clientId, "ID06_CLIENT_ID");
    String aud = env(context, audience, "ID06_AUDIENCE");
    Path cert = envPath(context, clientCert, "ID06_CLIENT_CERT");
    if (sim.isPresent()) {
      JsonNode n = sim.get();
      key = key != null ? key : Path.of(n.path("clientKey").asText());
      caFile = caFile != null ? caFile : Path.of(n.path("caCertificate").asText());
      jwksText = jwksText != null ? jwksText : n.path("jwksFile").asText();
      cid = cid != null ? cid : n.path("clientId").asText();
      aud = aud != null ? aud : n.path("audience").asText();
      if (cert == null && n.path("mutualTls").asBoolean(false)) {
        cert = Path.of(n.path("clientCertificate").asText());
      }
    }
    if (key == null) {
      throw new InvalidInputException(
          "clientKey", InputReason.EMPTY, "--client-key or ID06_CLIENT_KEY");
    }
    if (jwksText == null) {
      throw new InvalidInputException("jwks", InputReason.EMPTY, "--jwks or ID06_JWKS");
    }
    if (cid == null || aud == null) {
      throw new InvalidInputException("clientId", InputReason.EMPTY, "--client-id and --audience");
    }
    b.client(cid, aud).clientKey(key);
    if (caFile != null) {
      b.trustAnchors(caFile);
    }
    if (cert != null) {
      b.mutualTls(cert);
    }
    if (jwksText.startsWith("https://") || jwksText.startsWith("http://")) {
      b.jwks(URI.create(jwksText));
    } else {
      b.jwks(Path.of(jwksText));
    }
    b.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    return b;
  }
}
