package vn.id06.it.gateway;

import java.time.Duration;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.gateway.GatewayClientBuilder;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.testkit.gateway.GatewaySimulator;

/** Builds clients for a running simulator (for the integration tests of every package). */
public final class Clients {
  static final OperatorContext OPERATOR =
      OperatorContext.of("000.00.00.H10", "CB-TEST-01", "1.004227", "test: verify a citizen");

  private Clients() {}

  /**
   * A client builder pointed at {@code sim}, trusting its keys, with short timeouts.
   *
   * @param sim the running simulator
   * @return the builder
   */
  public static GatewayClientBuilder builder(GatewaySimulator sim) {
    return PopulationDataClient.builder()
        .gateway(sim.rootUri())
        .client(GatewaySimulator.CLIENT_ID, sim.audience())
        .clientKey(sim.clientKeyFile())
        .trustAnchors(sim.caCertificateFile())
        .jwks(sim.jwksFile())
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20));
  }
}
