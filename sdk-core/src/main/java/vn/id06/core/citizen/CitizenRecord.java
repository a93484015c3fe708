package vn.id06.core.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.CitizenField;
import vn.id06.core.address.Address;

/**
 * What one source says about a citizen (a QR code, a chip, the population database, a form), with
 * its {@link Provenance}: one source, one provenance. Every field is optional: sources differ in
 * what they carry. The e-form engine merges several records into per-field {@link Sourced} values.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(Provenance)} or {@link #toBuilder()}.
 * Equality by all fields. {@link #toString()} shows the ID masked, the provenance and which fields
 * are present, never their values.
 */
public final class CitizenRecord {
  private final Provenance provenance;
  private final CitizenId citizenId;
  private final LegacyId legacyId;
  private final VietnameseName fullName;
  private final PartialDate dateOfBirth;
  private final Sex sex;
  private final Nationality nationality;
  private final Ethnicity ethnicity;
  private final Religion religion;
  private final Address placeOfOrigin;
  private final Address permanentAddress;
  private final Address currentResidence;
  private final String identifyingMarks;
  private final VietnameseName fatherName;
  private final VietnameseName motherName;
  private final VietnameseName spouseName;
  private final String documentNumber;
  private final DocumentType documentType;
  private final LocalDate issueDate;
  private final DocumentExpiry expiry;
  private final LifeStatus lifeStatus;

  private CitizenRecord(Builder b) {
    this.provenance = b.provenance;
    this.citizenId = b.citizenId;
    this.legacyId = b.legacyId;
    this.fullName = b.fullName;
    this.dateOfBirth = b.dateOfBirth;
    this.sex = b.sex;
    this.nationality = b.nationality;
    this.ethnicity = b.ethnicity;
    this.religion = b.religion;
    this.placeOfOrigin = b.placeOfOrigin;
    this.permanentAddress = b.permanentAddress;
    this.currentResidence = b.currentResidence;
    this.identifyingMarks = b.identifyingMarks;
    this.fatherName = b.fatherName;
    this.motherName = b.motherName;
    this.spouseName = b.spouseName;
    this.documentNumber = b.documentNumber;
    this.documentType = b.documentType;
    this.issueDate = b.issueDate;
    this.expiry = b.expiry;
    this.lifeStatus = b.lifeStatus;
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
   * Starts a builder holding this record's provenance and fields.
   *
   * @return a builder (not thread-safe)
   */
  public Builder toBuilder() {
    Builder b = new Builder(provenance);
    b.citizenId = citizenId;
    b.legacyId = legacyId;
    b.fullName = fullName;
    b.dateOfBirth = dateOfBirth;
    b.sex = sex;
    b.nationality = nationality;
    b.ethnicity = ethnicity;
    b.religion = religion;
    b.placeOfOrigin = placeOfOrigin;
    b.permanentAddress = permanentAddress;
    b.currentResidence = currentResidence;
    b.identifyingMarks = identifyingMarks;
    b.fatherName = fatherName;
    b.motherName = motherName;
    b.spouseName = spouseName;
    b.documentNumber = documentNumber;
    b.documentType = documentType;
    b.issueDate = issueDate;
    b.expiry = expiry;
    b.lifeStatus = lifeStatus;
    return b;
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
   * @return the value, if the source has it
   */
  public Optional<CitizenId> citizenId() {
    return Optional.ofNullable(citizenId);
  }

  /**
   * The old identity card number (số CMND).
   *
   * @return the value, if the source has it
   */
  public Optional<LegacyId> legacyId() {
    return Optional.ofNullable(legacyId);
  }

  /**
   * The full name (họ và tên), as the source spelled it.
   *
   * @return the value, if the source has it
   */
  public Optional<VietnameseName> fullName() {
    return Optional.ofNullable(fullName);
  }

  /**
   * The date of birth (ngày sinh), possibly partial.
   *
   * @return the value, if the source has it
   */
  public Optional<PartialDate> dateOfBirth() {
    return Optional.ofNullable(dateOfBirth);
  }

  /**
   * The sex (giới tính).
   *
   * @return the value, if the source has it
   */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /**
   * The nationality (quốc tịch).
   *
   * @return the value, if the source has it
   */
  public Optional<Nationality> nationality() {
    return Optional.ofNullable(nationality);
  }

  /**
   * The ethnicity (dân tộc).
   *
   * @return the value, if the source has it
   */
  public Optional<Ethnicity> ethnicity() {
    return Optional.ofNullable(ethnicity);
  }

  /**
   * The religion (tôn giáo).
   *
   * @return the value, if the source has it
   */
  public Optional<Religion> religion() {
    return Optional.ofNullable(religion);
  }

  /**
   * The place of origin (quê quán; chip DG13 field 8).
   *
   * @return the value, if the source has it
   */
  public Optional<Address> placeOfOrigin() {
    return Optional.ofNullable(placeOfOrigin);
  }

  /**
   * The permanent address (nơi thường trú; chip DG13 field 9; JSON name {@code address}).
   *
   * @return the value, if the source has it
   */
  public Optional<Address> permanentAddress() {
    return Optional.ofNullable(permanentAddress);
  }

  /**
   * The current residence (nơi ở hiện tại), where the source gives one.
   *
   * @return the value, if the source has it
   */
  public Optional<Address> currentResidence() {
    return Optional.ofNullable(currentResidence);
  }

  /**
   * Identifying marks (đặc điểm nhân dạng), as written.
   *
   * @return the value, if the source has it
   */
  public Optional<String> identifyingMarks() {
    return Optional.ofNullable(identifyingMarks);
  }

  /**
   * The father's full name (họ tên cha).
   *
   * @return the value, if the source has it
   */
  public Optional<VietnameseName> fatherName() {
    return Optional.ofNullable(fatherName);
  }

  /**
   * The mother's full name (họ tên mẹ).
   *
   * @return the value, if the source has it
   */
  public Optional<VietnameseName> motherName() {
    return Optional.ofNullable(motherName);
  }

  /**
   * The spouse's full name (họ tên vợ/chồng).
   *
   * @return the value, if the source has it
   */
  public Optional<VietnameseName> spouseName() {
    return Optional.ofNullable(spouseName);
  }

  /**
   * The identity document's number (for a chip card, the MRZ document number).
   *
   * @return the value, if the source has it
   */
  public Optional<String> documentNumber() {
    return Optional.ofNullable(documentNumber);
  }

  /**
   * The identity document's type.
   *
   * @return the value, if the source has it
   */
  public Optional<DocumentType> documentType() {
    return Optional.ofNullable(documentType);
  }

  /**
   * The document's issue date (ngày cấp).
   *
   * @return the value, if the source has it
   */
  public Optional<LocalDate> issueDate() {
    return Optional.ofNullable(issueDate);
  }

  /**
   * The document's expiry: a date, or none (không thời hạn); empty when the source does not say.
   *
   * @return the value, if the source has it
   */
  public Optional<DocumentExpiry> expiry() {
    return Optional.ofNullable(expiry);
  }

  /**
   * Alive, deceased or missing, as the population database knows it.
   *
   * @return the value, if the source has it
   */
  public Optional<LifeStatus> lifeStatus() {
    return Optional.ofNullable(lifeStatus);
  }

  /**
   * A field's value by its {@link CitizenField}, for code that binds fields by name (e-form
   * bindings, reports). Health-insurance fields are not part of a citizen record and are always
   * empty here.
   *
   * @param field the field
   * @return the value, if the source has it
   */
  public Optional<Object> get(CitizenField field) {
    Object v =
        switch (Objects.requireNonNull(field, "field")) {
          case CITIZEN_ID -> citizenId;
          case LEGACY_ID -> legacyId;
          case FULL_NAME -> fullName;
          case DATE_OF_BIRTH -> dateOfBirth;
          case SEX -> sex;
          case NATIONALITY -> nationality;
          case ETHNICITY -> ethnicity;
          case RELIGION -> religion;
          case PLACE_OF_ORIGIN -> placeOfOrigin;
          case PERMANENT_ADDRESS -> permanentAddress;
          case CURRENT_RESIDENCE -> currentResidence;
          case IDENTIFYING_MARKS -> identifyingMarks;
          case FATHER_NAME -> fatherName;
          case MOTHER_NAME -> motherName;
          case SPOUSE_NAME -> spouseName;
          case DOCUMENT_NUMBER -> documentNumber;
          case DOCUMENT_TYPE -> documentType;
          case ISSUE_DATE -> issueDate;
          case EXPIRY -> expiry;
          case LIFE_STATUS -> lifeStatus;
          case HEALTH_INSURANCE_CARD_NUMBER,
              SOCIAL_INSURANCE_NUMBER,
              FACILITY_CODE,
              VALID_FROM,
              VALID_TO ->
              null;
        };
    return Optional.ofNullable(v);
  }

  /**
   * The fields this record carries, in {@link CitizenField} order.
   *
   * @return the present fields
   */
  public List<CitizenField> presentFields() {
    List<CitizenField> present = new ArrayList<>();
    for (CitizenField f : CitizenField.values()) {
      if (get(f).isPresent()) {
        present.add(f);
      }
    }
    return List.copyOf(present);
  }

  private Object[] fields() {
    return new Object[] {
      provenance,
      citizenId,
      legacyId,
      fullName,
      dateOfBirth,
      sex,
      nationality,
      ethnicity,
      religion,
      placeOfOrigin,
      permanentAddress,
      currentResidence,
      identifyingMarks,
      fatherName,
      motherName,
      spouseName,
      documentNumber,
      documentType,
      issueDate,
      expiry,
      lifeStatus
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
    for (CitizenField f : presentFields()) {
      if (f != CitizenField.CITIZEN_ID) {
        present.add(f.jsonName());
      }
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
    private Nationality nationality;
    private Ethnicity ethnicity;
    private Religion religion;
    private Address placeOfOrigin;
    private Address permanentAddress;
    private Address currentResidence;
    private String identifyingMarks;
    private VietnameseName fatherName;
    private VietnameseName motherName;
    private VietnameseName spouseName;
    private String documentNumber;
    private DocumentType documentType;
    private LocalDate issueDate;
    private DocumentExpiry expiry;
    private LifeStatus lifeStatus;

    private Builder(Provenance provenance) {
      this.provenance = provenance;
    }

    /**
     * Sets: The 12-digit ID (số định danh cá nhân).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder citizenId(CitizenId value) {
      this.citizenId = value;
      return this;
    }

    /**
     * Sets: The old identity card number (số CMND).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder legacyId(LegacyId value) {
      this.legacyId = value;
      return this;
    }

    /**
     * Sets: The full name (họ và tên), as the source spelled it.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder fullName(VietnameseName value) {
      this.fullName = value;
      return this;
    }

    /**
     * Sets: The date of birth (ngày sinh), possibly partial.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder dateOfBirth(PartialDate value) {
      this.dateOfBirth = value;
      return this;
    }

    /**
     * Sets: The sex (giới tính).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder sex(Sex value) {
      this.sex = value;
      return this;
    }

    /**
     * Sets: The nationality (quốc tịch).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder nationality(Nationality value) {
      this.nationality = value;
      return this;
    }

    /**
     * Sets: The ethnicity (dân tộc).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder ethnicity(Ethnicity value) {
      this.ethnicity = value;
      return this;
    }

    /**
     * Sets: The religion (tôn giáo).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder religion(Religion value) {
      this.religion = value;
      return this;
    }

    /**
     * Sets: The place of origin (quê quán; chip DG13 field 8).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder placeOfOrigin(Address value) {
      this.placeOfOrigin = value;
      return this;
    }

    /**
     * Sets: The permanent address (nơi thường trú; chip DG13 field 9; JSON name {@code address}).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder permanentAddress(Address value) {
      this.permanentAddress = value;
      return this;
    }

    /**
     * Sets: The current residence (nơi ở hiện tại), where the source gives one.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder currentResidence(Address value) {
      this.currentResidence = value;
      return this;
    }

    /**
     * Sets: Identifying marks (đặc điểm nhân dạng), as written.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder identifyingMarks(String value) {
      this.identifyingMarks = value;
      return this;
    }

    /**
     * Sets: The father's full name (họ tên cha).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder fatherName(VietnameseName value) {
      this.fatherName = value;
      return this;
    }

    /**
     * Sets: The mother's full name (họ tên mẹ).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder motherName(VietnameseName value) {
      this.motherName = value;
      return this;
    }

    /**
     * Sets: The spouse's full name (họ tên vợ/chồng).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder spouseName(VietnameseName value) {
      this.spouseName = value;
      return this;
    }

    /**
     * Sets: The identity document's number (for a chip card, the MRZ document number).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder documentNumber(String value) {
      this.documentNumber = value;
      return this;
    }

    /**
     * Sets: The identity document's type.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder documentType(DocumentType value) {
      this.documentType = value;
      return this;
    }

    /**
     * Sets: The document's issue date (ngày cấp).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder issueDate(LocalDate value) {
      this.issueDate = value;
      return this;
    }

    /**
     * Sets: The document's expiry: a date, or none (không thời hạn); empty when the source does not
     * say.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder expiry(DocumentExpiry value) {
      this.expiry = value;
      return this;
    }

    /**
     * Sets: Alive, deceased or missing, as the population database knows it.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder lifeStatus(LifeStatus value) {
      this.lifeStatus = value;
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
