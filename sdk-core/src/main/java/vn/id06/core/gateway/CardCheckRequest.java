package vn.id06.core.gateway;

import java.util.Objects;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * What the social-insurance gateway's card check needs: the card number (or the holder's 12-digit
 * ID, which the gateway accepts in its place), and the holder's name and date of birth as the
 * gateway holds them. The gateway answers which of the two does not match.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the number and prints no name or date.
 */
public final class CardCheckRequest {

  private final String cardOrId;
  private final VietnameseName fullName;
  private final PartialDate dateOfBirth;

  private CardCheckRequest(String cardOrId, VietnameseName fullName, PartialDate dateOfBirth) {
    this.cardOrId = cardOrId;
    this.fullName = Objects.requireNonNull(fullName, "fullName");
    this.dateOfBirth = Objects.requireNonNull(dateOfBirth, "dateOfBirth");
  }

  /**
   * A check by the holder's 12-digit ID.
   *
   * @param citizenId the ID
   * @param fullName the holder's full name
   * @param dateOfBirth the holder's date of birth (a year alone when that is all the card has)
   * @return the request
   */
  public static CardCheckRequest of(
      CitizenId citizenId, VietnameseName fullName, PartialDate dateOfBirth) {
    Objects.requireNonNull(citizenId, "citizenId");
    return new CardCheckRequest(citizenId.value(), fullName, dateOfBirth);
  }

  /**
   * A check by the card number, in either form (15 characters, or the 10 digits used since 2021).
   *
   * @param cardNumber the card number as printed or scanned
   * @param fullName the holder's full name
   * @param dateOfBirth the holder's date of birth
   * @return the request
   * @throws vn.id06.core.InvalidInputException field {@code cardNumber} when the shape is wrong
   */
  public static CardCheckRequest ofCardNumber(
      String cardNumber, VietnameseName fullName, PartialDate dateOfBirth) {
    Objects.requireNonNull(cardNumber, "cardNumber");
    return new CardCheckRequest(
        HealthInsuranceCard.normaliseCardNumber(cardNumber), fullName, dateOfBirth);
  }

  /**
   * Returns the card number or the 12-digit ID, as sent in {@code maThe}.
   *
   * @return the number
   */
  public String cardOrId() {
    return cardOrId;
  }

  /**
   * Returns the holder's name.
   *
   * @return the name
   */
  public VietnameseName fullName() {
    return fullName;
  }

  /**
   * Returns the holder's date of birth.
   *
   * @return the date
   */
  public PartialDate dateOfBirth() {
    return dateOfBirth;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CardCheckRequest r
        && r.cardOrId.equals(cardOrId)
        && r.fullName.equals(fullName)
        && r.dateOfBirth.equals(dateOfBirth);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cardOrId, fullName, dateOfBirth);
  }

  @Override
  public String toString() {
    String s = cardOrId;
    return "CardCheckRequest["
        + s.substring(0, 2)
        + "*".repeat(s.length() - 4)
        + s.substring(s.length() - 2)
        + "]";
  }
}
