package vn.id06.core.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.address.Address;

/**
 * What one source says about a citizen (a QR code, a chip, the population database, a form), with
 * its {@link Provenance}. Every field is optional: sources differ in what they carry.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(Provenance)}. Equality by all fields.
 * {@link #toString()} shows the ID masked, the provenance and which fields are present, never their
 * values.
 */
public final class CitizenRecord {
  private final Provenance provenance;
  private final CitizenId citizenId;
  private final LegacyId legacyId;
  private final VietnameseName fullName;
  private final PartialDate dateOfBirth;
  private final Sex sex;
  private final Address permanentAddress;
  private final Address placeOfOrigin;
  private final LocalDate issueDate;
  private final LocalDate expiryDate;

  private CitizenRecord(Builder b) {
    this.provenance = b.provenance;
    this.citizenId = b.citizenId;
    this.legacyId = b.legacyId;
    this.fullName = b.fullName;
    this.dateOfBirth = b.dateOfBirth;
    this.sex = b.sex;
    this.permanentAddress = b.permanentAddress;
    this.placeOfOrigin = b.placeOfOrigin;
    this.issueDate = b.issueDate;
    this.expiryDate = b.expiryDate;
  }

  /**
   * Starts a record.
   *
   * @param provenance where the data comes from
   * @return a builder (not thread-safe)
   */
  public static Builder builder(Provenance provenance) {
    return new Builder(Objects.requireNonNull(provenance, "provenance"));
  }

  /**
   * Where the data comes from.
   *
   * @return the provenance
   */
  public Provenance provenance() {
    return provenance;
  }

  /**
   * The 12-digit ID (số định danh cá nhân).
   *
   * @return the ID, if the source has it
   */
  public Optional<CitizenId> citizenId() {
    return Optional.ofNullable(citizenId);
  }

  /**
   * The old identity card number (số CMND).
   *
   * @return the number, if the source has it
   */
  public Optional<LegacyId> legacyId() {
    return Optional.ofNullable(legacyId);
  }

  /**
   * The full name (họ và tên).
   *
   * @return the name, if the source has it
   */
  public Optional<VietnameseName> fullName() {
    return Optional.ofNullable(fullName);
  }

  /**
   * The date of birth (ngày sinh), possibly partial.
   *
   * @return the date, if the source has it
   */
  public Optional<PartialDate> dateOfBirth() {
    return Optional.ofNullable(dateOfBirth);
  }

  /**
   * The sex (giới tính).
   *
   * @return the sex, if the source has it
   */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /**
   * The permanent address (nơi thường trú).
   *
   * @return the address, if the source has it
   */
  public Optional<Address> permanentAddress() {
    return Optional.ofNullable(permanentAddress);
  }

  /**
   * The place of origin (quê quán).
   *
   * @return the address, if the source has it
   */
  public Optional<Address> placeOfOrigin() {
    return Optional.ofNullable(placeOfOrigin);
  }

  /**
   * The card's issue date (ngày cấp).
   *
   * @return the date, if the source has it
   */
  public Optional<LocalDate> issueDate() {
    return Optional.ofNullable(issueDate);
  }

  /**
   * The card's expiry date (có giá trị đến); empty also for cards without expiry.
   *
   * @return the date, if the source has it
   */
  public Optional<LocalDate> expiryDate() {
    return Optional.ofNullable(expiryDate);
  }

  private Object[] fields() {
    return new Object[] {
      provenance,
      citizenId,
      legacyId,
      fullName,
      dateOfBirth,
      sex,
      permanentAddress,
      placeOfOrigin,
      issueDate,
      expiryDate
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CitizenRecord r && Arrays.equals(fields(), r.fields());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  /** Masked: the ID as {@code 079*******45}, other fields only named when present. */
  @Override
  public String toString() {
    List<String> present = new ArrayList<>();
    if (legacyId != null) {
      present.add("legacyId");
    }
    if (fullName != null) {
      present.add("fullName");
    }
    if (dateOfBirth != null) {
      present.add("dateOfBirth");
    }
    if (sex != null) {
      present.add("sex");
    }
    if (permanentAddress != null) {
      present.add("permanentAddress");
    }
    if (placeOfOrigin != null) {
      present.add("placeOfOrigin");
    }
    if (issueDate != null) {
      present.add("issueDate");
    }
    if (expiryDate != null) {
      present.add("expiryDate");
    }
    return "CitizenRecord[citizenId="
        + (citizenId == null ? "none" : citizenId.masked())
        + ", level="
        + provenance.level()
        + ", source="
        + provenance.source()
        + ", present="
        + present
        + "]";
  }

  /** Builds a {@link CitizenRecord}. Not thread-safe; setters accept null to clear a field. */
  public static final class Builder {
    private final Provenance provenance;
    private CitizenId citizenId;
    private LegacyId legacyId;
    private VietnameseName fullName;
    private PartialDate dateOfBirth;
    private Sex sex;
    private Address permanentAddress;
    private Address placeOfOrigin;
    private LocalDate issueDate;
    private LocalDate expiryDate;

    private Builder(Provenance provenance) {
      this.provenance = provenance;
    }

    /**
     * Sets the 12-digit ID.
     *
     * @param value the ID, or null
     * @return this builder
     */
    public Builder citizenId(CitizenId value) {
      this.citizenId = value;
      return this;
    }

    /**
     * Sets the old CMND number.
     *
     * @param value the number, or null
     * @return this builder
     */
    public Builder legacyId(LegacyId value) {
      this.legacyId = value;
      return this;
    }

    /**
     * Sets the full name.
     *
     * @param value the name, or null
     * @return this builder
     */
    public Builder fullName(VietnameseName value) {
      this.fullName = value;
      return this;
    }

    /**
     * Sets the date of birth.
     *
     * @param value the date, or null
     * @return this builder
     */
    public Builder dateOfBirth(PartialDate value) {
      this.dateOfBirth = value;
      return this;
    }

    /**
     * Sets the sex.
     *
     * @param value the sex, or null
     * @return this builder
     */
    public Builder sex(Sex value) {
      this.sex = value;
      return this;
    }

    /**
     * Sets the permanent address (nơi thường trú).
     *
     * @param value the address, or null
     * @return this builder
     */
    public Builder permanentAddress(Address value) {
      this.permanentAddress = value;
      return this;
    }

    /**
     * Sets the place of origin (quê quán).
     *
     * @param value the address, or null
     * @return this builder
     */
    public Builder placeOfOrigin(Address value) {
      this.placeOfOrigin = value;
      return this;
    }

    /**
     * Sets the card's issue date.
     *
     * @param value the date, or null
     * @return this builder
     */
    public Builder issueDate(LocalDate value) {
      this.issueDate = value;
      return this;
    }

    /**
     * Sets the card's expiry date.
     *
     * @param value the date, or null
     * @return this builder
     */
    public Builder expiryDate(LocalDate value) {
      this.expiryDate = value;
      return this;
    }

    /**
     * Builds the immutable record.
     *
     * @return the record
     */
    public CitizenRecord build() {
      return new CitizenRecord(this);
    }

    /** The builder holds personal data: masked like the record. */
    @Override
    public String toString() {
      return "CitizenRecord.Builder[" + build() + "]";
    }
  }
}
