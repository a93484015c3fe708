package vn.id06.core.gateway;

import java.util.Objects;
import java.util.Optional;
import vn.id06.core.CitizenField;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * The social-insurance gateway's answer to a card check, as a typed result: the card is valid, has
 * expired, does not match the name or birth date given (naming which), or is not known.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints no personal data.
 *
 * @param status the result
 * @param mismatchedField for {@link Status#DETAILS_MISMATCH}: {@link CitizenField#FULL_NAME} or
 *     {@link CitizenField#DATE_OF_BIRTH}
 * @param card the card as the gateway describes it (number, validity, registered facility,
 *     social-insurance number), when it says
 * @param gatewayCode the gateway's own result code, e.g. {@code "000"}
 * @param provenance where and when the answer was obtained (never signed: the social-insurance
 *     gateway does not sign its answers, so the level is {@code POPULATION_DATABASE_UNVERIFIED})
 */
public record CardCheckResult(
    Status status,
    Optional<CitizenField> mismatchedField,
    Optional<HealthInsuranceCard> card,
    String gatewayCode,
    GatewayProvenance provenance) {

  /** The result of a card check. */
  public enum Status {
    /** The card is valid today. */
    VALID,
    /** The card is known and no longer valid. */
    EXPIRED,
    /** The card is known, and the name or the birth date given does not match it. */
    DETAILS_MISMATCH,
    /** No card is known for the number given. */
    NOT_FOUND
  }

  /** Checks the components. */
  public CardCheckResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mismatchedField, "mismatchedField");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(gatewayCode, "gatewayCode");
    Objects.requireNonNull(provenance, "provenance");
    if ((status == Status.DETAILS_MISMATCH) != mismatchedField.isPresent()) {
      throw new IllegalArgumentException("a mismatch, and only a mismatch, names its field");
    }
  }

  @Override
  public String toString() {
    return "CardCheckResult[status="
        + status
        + mismatchedField.map(f -> ", field=" + f.jsonName()).orElse("")
        + ", gatewayCode="
        + gatewayCode
        + ", requestId="
        + provenance.requestId()
        + "]";
  }
}
