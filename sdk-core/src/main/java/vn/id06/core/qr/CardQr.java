package vn.id06.core.qr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.insurance.HealthInsuranceCard;
import vn.id06.core.text.Repair;

/**
 * The result of parsing a card's QR code: what the card says about its holder, with the text
 * repairs that were needed and the disagreements found between the fields and the 12-digit ID.
 *
 * <p>The {@link #record()} has provenance {@link vn.id06.core.citizen.ProofLevel#CARD_QR}: a QR
 * code is printed, not signed, so anyone can make one; use it to fill forms, not as proof of
 * identity.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the ID and prints no name, date or
 * address.
 */
public final class CardQr {
  private final CardQrKind kind;
  private final CitizenRecord record;
  private final List<String> extraFields;
  private final List<Repair> repairs;
  private final List<IdInconsistency> inconsistencies;
  private final HealthInsuranceCard healthInsurance;

  CardQr(
      CardQrKind kind,
      CitizenRecord record,
      List<String> extraFields,
      List<Repair> repairs,
      List<IdInconsistency> inconsistencies,
      HealthInsuranceCard healthInsurance) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.record = Objects.requireNonNull(record, "record");
    this.extraFields = List.copyOf(extraFields);
    this.repairs = List.copyOf(repairs);
    this.inconsistencies = List.copyOf(inconsistencies);
    this.healthInsurance = healthInsurance;
  }

  /**
   * Returns the layout the QR code was recognised as.
   *
   * @return the kind
   */
  public CardQrKind kind() {
    return kind;
  }

  /**
   * Returns what the card says about its holder: ID, old ID, name, date of birth, sex, permanent
   * address (nơi thường trú), issue and expiry dates as far as the layout carries them. For {@link
   * CardQrKind#BHYT} the name, date of birth, sex and the card's address (as permanent address) are
   * set.
   *
   * @return the record, with provenance {@code CARD_QR}
   */
  public CitizenRecord record() {
    return record;
  }

  /**
   * Returns the fields after the known ones, unparsed (trimmed), in order: for {@link
   * CardQrKind#CAN_CUOC_2024} the fields after the seventh, whose layout is not published; for
   * {@link CardQrKind#BHYT} the fields after the validity dates, without the {@code $} terminator.
   * They may hold personal data.
   *
   * @return the unparsed fields, possibly empty
   */
  public List<String> extraFields() {
    return extraFields;
  }

  /**
   * Returns the text repairs made while parsing, each naming the field and the kind of damage
   * undone (for example {@code fullName} / {@code UTF8_READ_AS_CP1252}).
   *
   * @return the repairs, empty for a clean QR code
   */
  public List<Repair> repairs() {
    return repairs;
  }

  /**
   * Returns the disagreements between the fields and the structure of the 12-digit ID (sex digit,
   * birth year). These are findings, not errors.
   *
   * @return the inconsistencies, empty when all agree or the layout has no ID
   */
  public List<IdInconsistency> inconsistencies() {
    return inconsistencies;
  }

  /**
   * Returns the health-insurance card, for {@link CardQrKind#BHYT}.
   *
   * @return the card, empty for identity cards
   */
  public Optional<HealthInsuranceCard> healthInsurance() {
    return Optional.ofNullable(healthInsurance);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CardQr other)) {
      return false;
    }
    return kind == other.kind
        && record.equals(other.record)
        && extraFields.equals(other.extraFields)
        && repairs.equals(other.repairs)
        && inconsistencies.equals(other.inconsistencies)
        && Objects.equals(healthInsurance, other.healthInsurance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, record, extraFields, repairs, inconsistencies, healthInsurance);
  }

  /**
   * Masked: the kind, the masked ID, counts and the repairs and findings (which hold no personal
   * data).
   */
  @Override
  public String toString() {
    return "CardQr[kind="
        + kind
        + ", citizenId="
        + record.citizenId().map(CitizenId::masked).orElse("none")
        + ", healthInsurance="
        + (healthInsurance == null ? "none" : healthInsurance.toString())
        + ", extraFields="
        + extraFields.size()
        + ", repairs="
        + repairs
        + ", inconsistencies="
        + inconsistencies
        + "]";
  }
}
