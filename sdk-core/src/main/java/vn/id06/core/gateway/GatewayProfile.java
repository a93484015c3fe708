package vn.id06.core.gateway;

import java.util.Locale;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The wire profile a client speaks to the gateway. Each profile is one connector behind the same
 * typed API, with the same resilience and audit.
 *
 * <p>Immutable and thread-safe.
 */
public enum GatewayProfile {
  /** The project's REST JSON profile ({@code spec/population-gateway.yaml}). */
  REST("rest", "rest/v1/"),
  /**
   * The SOAP profile of the population database as provinces reach it through their LGSP: verify
   * and look up. Its answers are not signed, so they are never more than {@code
   * POPULATION_DATABASE_UNVERIFIED}. Names on the wire come from {@link WireMapping}.
   */
  LGSP("lgsp", "lgsp/"),
  /**
   * The social-insurance gateway's card check ({@link HealthInsuranceClient#check}): a token, then
   * the check, with the officer's name and ID on each call. Names and result codes come from {@link
   * WireMapping}.
   */
  BHXH("bhxh", "bhxh/");

  private final String id;
  private final String defaultPath;

  GatewayProfile(String id, String defaultPath) {
    this.id = id;
    this.defaultPath = defaultPath;
  }

  /**
   * The profile's short name, as in provenance and on the command line.
   *
   * @return e.g. {@code "rest"}
   */
  public String id() {
    return id;
  }

  /** The profile's path under the gateway URL unless {@code profilePath} says otherwise. */
  String defaultPath() {
    return defaultPath;
  }

  /**
   * The profile with this short name.
   *
   * @param id {@code rest}, {@code lgsp} or {@code bhxh} (case ignored)
   * @return the profile
   * @throws InvalidInputException field {@code profile} for any other name
   */
  public static GatewayProfile of(String id) {
    String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    for (GatewayProfile p : values()) {
      if (p.id.equals(s)) {
        return p;
      }
    }
    throw new InvalidInputException("profile", InputReason.UNKNOWN_VALUE, "rest, lgsp or bhxh");
  }
}
