package vn.id06.testkit.gateway;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link GatewaySimulator} before a test class and stops it after (the one place where the
 * testkit exposes a third-party type, JUnit's). Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatewaySimulatorExtension GATEWAY =
 *     GatewaySimulatorExtension.configured(b -> b.mutualTls(true));
 * }</pre>
 *
 * <p>Test methods may also take a {@link GatewaySimulator} parameter. Thread-safe for JUnit's use:
 * started and stopped by JUnit, read by the tests.
 */
public final class GatewaySimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final Consumer<GatewaySimulator.Builder> configuration;
  private volatile GatewaySimulator simulator;

  private GatewaySimulatorExtension(Consumer<GatewaySimulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * A simulator with the defaults (HTTPS, RS256, no faults, 10,000 citizens).
   *
   * @return the extension
   */
  public static GatewaySimulatorExtension defaults() {
    return new GatewaySimulatorExtension(b -> {});
  }

  /**
   * A simulator configured by the caller.
   *
   * @param configuration applied to the builder before start
   * @return the extension
   */
  public static GatewaySimulatorExtension configured(
      Consumer<GatewaySimulator.Builder> configuration) {
    return new GatewaySimulatorExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * The running simulator.
   *
   * @return the simulator
   * @throws IllegalStateException outside the test class's lifetime
   */
  public GatewaySimulator simulator() {
    GatewaySimulator s = simulator;
    if (s == null) {
      throw new IllegalStateException("the simulator runs only while the test class runs");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    GatewaySimulator.Builder b = GatewaySimulator.builder();
    configuration.accept(b);
    simulator = b.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    GatewaySimulator s = simulator;
    simulator = null;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == GatewaySimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return simulator();
  }
}
