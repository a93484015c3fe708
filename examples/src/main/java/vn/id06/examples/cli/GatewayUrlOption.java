package vn.id06.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.gateway.GatewayProfile;

/**
 * {@code --gateway URL} and {@code --profile rest|lgsp|bhxh}: the population-data gateway a command
 * talks to, and the wire it speaks there. Use it as a picocli mixin ({@code @Mixin GatewayUrlOption
 * gateway;}) in every gateway command, so all of them spell it the same.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
public final class GatewayUrlOption {
  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "The gateway's base URL (http or https), e.g. one `id06 simulator` prints.")
  String gateway;

  @Option(
      names = "--profile",
      paramLabel = "rest|lgsp|bhxh",
      defaultValue = "rest",
      description =
          "The wire: rest (default), lgsp (the province's SOAP service) or bhxh (the"
              + " social-insurance card check), against the same --gateway URL.")
  String profile = "rest";

  /**
   * Returns the wire profile.
   *
   * @return the profile, {@code rest} unless {@code --profile} says otherwise
   * @throws InvalidInputException (field {@code profile}) for an unknown name
   */
  public GatewayProfile profile() {
    return GatewayProfile.of(profile);
  }

  /**
   * Returns the gateway's URL, absent when {@code --gateway} was not given.
   *
   * @return the URL
   * @throws InvalidInputException (field {@code gatewayUrl}) when it is not an absolute http(s) URL
   */
  public Optional<URI> uri() {
    if (gateway == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(gateway);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("gatewayUrl", InputReason.MALFORMED, "not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new InvalidInputException(
          "gatewayUrl", InputReason.MALFORMED, "expected an absolute http or https URL");
    }
    return Optional.of(uri);
  }

  /**
   * Returns the gateway's URL, which the command needs.
   *
   * @return the URL
   * @throws InvalidInputException (field {@code gatewayUrl}) when missing or not an http(s) URL
   */
  public URI require() {
    return uri()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "gatewayUrl", InputReason.EMPTY, "--gateway URL is required"));
  }
}
