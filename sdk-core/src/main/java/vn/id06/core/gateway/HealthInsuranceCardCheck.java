package vn.id06.core.gateway;

import java.time.LocalDate;
import java.util.Objects;
import vn.id06.core.citizen.GatewayProvenance;

/**
 * A health-insurance (BHYT) card as the gateway reports it for a 12-digit ID: card number,
 * validity, registered initial-care facility and social-insurance number.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the numbers.
 *
 * @param cardNumber the card number (since 2021 the 10-digit social-insurance number)
 * @param socialInsuranceNumber the 10-digit social-insurance number
 * @param facilityCode the registered initial-care facility ({@code "PP - FFF"})
 * @param validFrom the first day of validity
 * @param validTo the last day of validity
 * @param valid whether the gateway reports the card valid today
 * @param provenance where and when the answer was obtained
 */
public record HealthInsuranceCardCheck(
    String cardNumber,
    String socialInsuranceNumber,
    String facilityCode,
    LocalDate validFrom,
    LocalDate validTo,
    boolean valid,
    GatewayProvenance provenance) {

  /** Checks the components. */
  public HealthInsuranceCardCheck {
    Objects.requireNonNull(cardNumber, "cardNumber");
    Objects.requireNonNull(socialInsuranceNumber, "socialInsuranceNumber");
    Objects.requireNonNull(facilityCode, "facilityCode");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(provenance, "provenance");
  }

  @Override
  public String toString() {
    return "HealthInsuranceCardCheck[cardNumber="
        + mask(cardNumber)
        + ", valid="
        + valid
        + ", requestId="
        + provenance.requestId()
        + "]";
  }

  private static String mask(String s) {
    return s.length() < 5
        ? "****"
        : s.substring(0, 2) + "*".repeat(s.length() - 4) + s.substring(s.length() - 2);
  }
}
