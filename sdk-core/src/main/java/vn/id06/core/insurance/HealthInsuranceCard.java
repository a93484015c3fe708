package vn.id06.core.insurance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/**
 * A health-insurance card (thẻ bảo hiểm y tế, BHYT) as read from its QR code.
 *
 * <p>The card number is kept normalised (no spaces, letters upper case): either the old
 * 15-character form {@code XX Y ZZ NNNNNNNNNN} (beneficiary group, benefit level, province,
 * social-insurance number) or the 10-digit form used since 2021. {@link #socialInsuranceNumber()}
 * (mã số BHXH) is the 10 digits both forms share: match cards on it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the numbers and prints no name, date or
 * address.
 */
public final class HealthInsuranceCard {
  private final String cardNumber;
  private final String socialInsuranceNumber;
  private final VietnameseName fullName;
  private final PartialDate dateOfBirth;
  private final Sex sex;
  private final Address address;
  private final String facilityCode;
  private final LocalDate validFrom;
  private final LocalDate validTo;

  private HealthInsuranceCard(Builder b) {
    this.cardNumber = Objects.requireNonNull(b.cardNumber, "cardNumber");
    this.socialInsuranceNumber = BhytCardNumbers.socialInsuranceNumber(cardNumber);
    this.fullName = Objects.requireNonNull(b.fullName, "fullName");
    this.dateOfBirth = Objects.requireNonNull(b.dateOfBirth, "dateOfBirth");
    this.sex = Objects.requireNonNull(b.sex, "sex");
    this.address = b.address;
    this.facilityCode = b.facilityCode;
    this.validFrom = b.validFrom;
    this.validTo = b.validTo;
  }

  /**
   * Normalises a card number in either form (15 characters, or the 10-digit form since 2021):
   * spaces and hyphens dropped, letters upper-cased, shape checked.
   *
   * @param raw the card number as printed or scanned
   * @return the normalised number
   * @throws vn.id06.core.InvalidInputException field {@code cardNumber} when the shape is wrong
   */
  public static String normaliseCardNumber(String raw) {
    return BhytCardNumbers.normalise(raw);
  }

  /**
   * Starts a card.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the card number (mã thẻ), normalised: 15 characters in the old form, 10 digits in the
   * new.
   *
   * @return the card number
   */
  public String cardNumber() {
    return cardNumber;
  }

  /**
   * Returns the 10-digit social-insurance number (mã số BHXH): the last 10 digits of an old card
   * number, the whole of a new one.
   *
   * @return the social-insurance number
   */
  public String socialInsuranceNumber() {
    return socialInsuranceNumber;
  }

  /**
   * Returns the holder's full name (họ và tên).
   *
   * @return the name
   */
  public VietnameseName fullName() {
    return fullName;
  }

  /**
   * Returns the date of birth (ngày sinh); cards of people whose birth day is unknown carry the
   * year only.
   *
   * @return the date of birth
   */
  public PartialDate dateOfBirth() {
    return dateOfBirth;
  }

  /**
   * Returns the sex (giới tính).
   *
   * @return the sex
   */
  public Sex sex() {
    return sex;
  }

  /**
   * Returns the address (địa chỉ) printed on the card.
   *
   * @return the address, if known
   */
  public Optional<Address> address() {
    return Optional.ofNullable(address);
  }

  /**
   * Returns the initial-care facility code (nơi đăng ký khám chữa bệnh ban đầu, mã ĐKBĐ) as the
   * gateway uses it: the 2-digit province and 3-digit facility joined ({@code "79 - 024"} becomes
   * {@code "79024"}).
   *
   * @return the facility code, if known
   */
  public Optional<String> facilityCode() {
    return Optional.ofNullable(facilityCode);
  }

  /**
   * Returns the first day of validity (giá trị sử dụng từ).
   *
   * @return the first valid day, if known
   */
  public Optional<LocalDate> validFrom() {
    return Optional.ofNullable(validFrom);
  }

  /**
   * Returns the last day of validity (giá trị sử dụng đến); empty when the card prints none.
   *
   * @return the last valid day, if any
   */
  public Optional<LocalDate> validTo() {
    return Optional.ofNullable(validTo);
  }

  /**
   * Tells whether the card is valid on a day: on or after {@link #validFrom()} and on or before
   * {@link #validTo()}, an absent bound not limiting.
   *
   * @param day the day to check
   * @return whether the card is valid that day
   */
  public boolean isValidOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HealthInsuranceCard other)) {
      return false;
    }
    return cardNumber.equals(other.cardNumber)
        && fullName.equals(other.fullName)
        && dateOfBirth.equals(other.dateOfBirth)
        && sex == other.sex
        && Objects.equals(address, other.address)
        && Objects.equals(facilityCode, other.facilityCode)
        && Objects.equals(validFrom, other.validFrom)
        && Objects.equals(validTo, other.validTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cardNumber, fullName, dateOfBirth, sex, facilityCode, validFrom, validTo);
  }

  /** Masked: the numbers as {@code GD4**********89}, no name, birth date or address. */
  @Override
  public String toString() {
    return "HealthInsuranceCard[cardNumber="
        + BhytCardNumbers.mask(cardNumber)
        + ", socialInsuranceNumber="
        + BhytCardNumbers.mask(socialInsuranceNumber)
        + ", fullName=***, dateOfBirth=***, sex=***, address=***, facilityCode="
        + (facilityCode == null ? "none" : facilityCode)
        + "]";
  }

  /** Builds a {@link HealthInsuranceCard}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private String cardNumber;
    private VietnameseName fullName;
    private PartialDate dateOfBirth;
    private Sex sex;
    private Address address;
    private String facilityCode;
    private LocalDate validFrom;
    private LocalDate validTo;

    private Builder() {}

    /**
     * Sets the card number, in either form; spaces and hyphens are dropped and letters upper-cased.
     *
     * @param cardNumber the card number (mã thẻ)
     * @return this builder
     * @throws vn.id06.core.InvalidInputException with field {@code cardNumber} when the shape is
     *     wrong
     */
    public Builder cardNumber(String cardNumber) {
      this.cardNumber = BhytCardNumbers.normalise(cardNumber);
      return this;
    }

    /**
     * Sets the holder's name.
     *
     * @param fullName the name
     * @return this builder
     */
    public Builder fullName(VietnameseName fullName) {
      this.fullName = fullName;
      return this;
    }

    /**
     * Sets the date of birth.
     *
     * @param dateOfBirth the date of birth, possibly the year only
     * @return this builder
     */
    public Builder dateOfBirth(PartialDate dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
      return this;
    }

    /**
     * Sets the sex.
     *
     * @param sex the sex
     * @return this builder
     */
    public Builder sex(Sex sex) {
      this.sex = sex;
      return this;
    }

    /**
     * Sets the address.
     *
     * @param address the address, or null
     * @return this builder
     */
    public Builder address(Address address) {
      this.address = address;
      return this;
    }

    /**
     * Sets the initial-care facility code (5 digits, province then facility).
     *
     * @param facilityCode the code, or null
     * @return this builder
     */
    public Builder facilityCode(String facilityCode) {
      this.facilityCode = facilityCode;
      return this;
    }

    /**
     * Sets the first day of validity.
     *
     * @param validFrom the day, or null
     * @return this builder
     */
    public Builder validFrom(LocalDate validFrom) {
      this.validFrom = validFrom;
      return this;
    }

    /**
     * Sets the last day of validity.
     *
     * @param validTo the day, or null when open-ended
     * @return this builder
     */
    public Builder validTo(LocalDate validTo) {
      this.validTo = validTo;
      return this;
    }

    /**
     * Builds the card.
     *
     * @return the card
     * @throws NullPointerException when card number, name, date of birth or sex is missing
     */
    public HealthInsuranceCard build() {
      return new HealthInsuranceCard(this);
    }
  }
}
