package vn.id06.core.internal.qr;

import java.util.List;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.qr.CardQrKind;
import vn.id06.core.text.Repair;

/**
 * What {@link QrEngine} extracted; the public {@code CardQrParser} turns it into a {@code CardQr}.
 * Immutable (lists are copied by the consumer) and never printed, so the default toString is not
 * used.
 *
 * @param kind the recognised layout
 * @param record the citizen data
 * @param extraFields unparsed trailing fields
 * @param repairs text repairs made
 * @param inconsistencies disagreements with the ID's structure
 * @param healthInsurance the BHYT card, or null
 *     <p>Immutable and thread-safe.
 */
public record ParsedCardQr(
    CardQrKind kind,
    CitizenRecord record,
    List<String> extraFields,
    List<Repair> repairs,
    List<IdInconsistency> inconsistencies,
    HealthInsuranceCard healthInsurance) {
  /** Masked: this type holds personal data. */
  @Override
  public String toString() {
    return "ParsedCardQr[kind=" + kind + "]";
  }
}
