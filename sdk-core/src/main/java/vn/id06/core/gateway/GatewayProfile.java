package vn.id06.core.gateway;

/**
 * The wire profile a client speaks to the gateway. Each profile is one connector behind the same
 * typed API, with the same resilience and audit.
 *
 * <p>Immutable and thread-safe.
 */
public enum GatewayProfile {
  /** The project's REST JSON profile ({@code spec/population-gateway.yaml}). */
  REST("rest");

  private final String id;

  GatewayProfile(String id) {
    this.id = id;
  }

  /**
   * The profile's short name, as in provenance and on the command line.
   *
   * @return e.g. {@code "rest"}
   */
  public String id() {
    return id;
  }
}
