package vn.id06.core.gateway;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.CitizenField;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.LifeStatus;

/**
 * The gateway's answer to a verification: an overall outcome, one {@link FieldVerification} per
 * field checked, the citizen's life status ("sống": alive, deceased or missing) and where the
 * answer came from. Holds no personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationResult {

  private final VerificationOutcome result;
  private final Map<CitizenField, FieldVerification> fields;
  private final LifeStatus lifeStatus;
  private final GatewayProvenance provenance;

  VerificationResult(
      VerificationOutcome result,
      Map<CitizenField, FieldVerification> fields,
      LifeStatus lifeStatus,
      GatewayProvenance provenance) {
    this.result = Objects.requireNonNull(result, "result");
    EnumMap<CitizenField, FieldVerification> copy = new EnumMap<>(CitizenField.class);
    copy.putAll(fields);
    this.fields = Collections.unmodifiableMap(copy);
    this.lifeStatus = lifeStatus;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * The overall outcome: MATCH when every field checked matches.
   *
   * @return the outcome
   */
  public VerificationOutcome result() {
    return result;
  }

  /**
   * The answer for each field checked, in {@link CitizenField} order.
   *
   * @return the fields
   */
  public Map<CitizenField, FieldVerification> fields() {
    return fields;
  }

  /**
   * The answer for one field.
   *
   * @param field the field
   * @return its answer, empty if it was not checked
   */
  public Optional<FieldVerification> field(CitizenField field) {
    return Optional.ofNullable(fields.get(field));
  }

  /**
   * The citizen's life status, when the citizen was found.
   *
   * @return the status
   */
  public Optional<LifeStatus> lifeStatus() {
    return Optional.ofNullable(lifeStatus);
  }

  /**
   * Where and when the answer was obtained, under which request id and signature.
   *
   * @return the provenance
   */
  public GatewayProvenance provenance() {
    return provenance;
  }

  /**
   * The request id the answer is bound to.
   *
   * @return the request id
   */
  public String requestId() {
    return provenance.requestId();
  }

  @Override
  public String toString() {
    return "VerificationResult["
        + result
        + ", fields="
        + fields.values()
        + ", lifeStatus="
        + lifeStatus
        + ", requestId="
        + provenance.requestId()
        + "]";
  }
}
