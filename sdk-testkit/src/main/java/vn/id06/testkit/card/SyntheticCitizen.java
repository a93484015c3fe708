package vn.id06.testkit.card;

import java.time.LocalDate;
import java.util.Objects;
import vn.id06.core.citizen.Sex;

/**
 * An invented citizen whose data a {@link VirtualCard} carries. Every sample is synthetic: the
 * names and numbers belong to nobody.
 *
 * <p>The document number is the last 9 digits of the 12-digit ID, as on the Vietnamese chip card.
 * {@code toString()} masks the ID and never prints names. Immutable and thread-safe.
 *
 * @param citizenId the 12-digit personal identification number
 * @param fullName the full name as the authority writes it (DG13 field 2)
 * @param dateOfBirth the date of birth
 * @param sex the sex
 * @param nationality the nationality as written in DG13 (e.g. "Việt Nam")
 * @param ethnicity the ethnicity as written in DG13
 * @param religion the religion as written in DG13 ("Không" for none)
 * @param placeOfOrigin the place of origin (quê quán, DG13 field 8)
 * @param placeOfResidence the permanent residence (nơi thường trú, DG13 field 9)
 * @param identifyingMarks the identifying features (DG13 field 10)
 * @param issueDate the card's issue date
 * @param dateOfExpiry the card's expiry date
 * @param fatherName the father's name, "" when unknown
 * @param motherName the mother's name, "" when unknown
 * @param spouseName the spouse's name, "" when none
 * @param legacyId the old 9-digit identity card number, "" when none
 * @param can the card access number printed on the card (6 digits)
 */
public record SyntheticCitizen(
    String citizenId,
    String fullName,
    LocalDate dateOfBirth,
    Sex sex,
    String nationality,
    String ethnicity,
    String religion,
    String placeOfOrigin,
    String placeOfResidence,
    String identifyingMarks,
    LocalDate issueDate,
    LocalDate dateOfExpiry,
    String fatherName,
    String motherName,
    String spouseName,
    String legacyId,
    String can) {

  /** Checks the fields a card needs: a 12-digit ID, a 6-digit CAN, dates present. */
  public SyntheticCitizen {
    Objects.requireNonNull(citizenId, "citizenId");
    if (!citizenId.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("citizenId must be 12 digits");
    }
    if (can == null || !can.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("can must be 6 digits");
    }
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
    nationality = Objects.requireNonNullElse(nationality, "");
    ethnicity = Objects.requireNonNullElse(ethnicity, "");
    religion = Objects.requireNonNullElse(religion, "");
    placeOfOrigin = Objects.requireNonNullElse(placeOfOrigin, "");
    placeOfResidence = Objects.requireNonNullElse(placeOfResidence, "");
    identifyingMarks = Objects.requireNonNullElse(identifyingMarks, "");
    fatherName = Objects.requireNonNullElse(fatherName, "");
    motherName = Objects.requireNonNullElse(motherName, "");
    spouseName = Objects.requireNonNullElse(spouseName, "");
    legacyId = Objects.requireNonNullElse(legacyId, "");
  }

  /**
   * The default card holder: an invented woman from Hồ Chí Minh City born in 1990.
   *
   * @return the sample
   */
  public static SyntheticCitizen nguyenThiHoa() {
    return new SyntheticCitizen(
        "079190012345",
        "Nguyễn Thị Hòa",
        LocalDate.of(1990, 3, 14),
        Sex.FEMALE,
        "Việt Nam",
        "Kinh",
        "Không",
        "Xã Tân Phú, Huyện Đức Hòa, Long An",
        "12 Đường Số 7, Phường Bình Trị Đông, Quận Bình Tân, Hồ Chí Minh",
        "Nốt ruồi C:1cm trên trước mép trái",
        LocalDate.of(2021, 4, 20),
        LocalDate.of(2030, 3, 14),
        "Nguyễn Văn Bình",
        "Trần Thị Lan",
        "",
        "025123456",
        "012345");
  }

  /**
   * A second invented holder from the Central Highlands, whose name keeps its apostrophe.
   *
   * @return the sample
   */
  public static SyntheticCitizen ksorHBo() {
    return new SyntheticCitizen(
        "064185004321",
        "Ksor H'Bơ",
        LocalDate.of(1985, 11, 2),
        Sex.FEMALE,
        "Việt Nam",
        "Gia Rai",
        "Tin lành",
        "Xã Ia Dreh, Huyện Krông Pa, Gia Lai",
        "Plei Ơi, Xã Ia Mơ Nông, Huyện Chư Păh, Gia Lai",
        "Sẹo chấm C:2cm dưới sau đuôi mắt phải",
        LocalDate.of(2022, 8, 9),
        LocalDate.of(2045, 11, 2),
        "Rơ Mah Y Blú",
        "Ksor H'Nhi",
        "Siu Y Kông",
        "",
        "004321");
  }

  /**
   * The document number on the chip: the ID's last 9 digits.
   *
   * @return 9 digits
   */
  public String documentNumber() {
    return citizenId.substring(3);
  }

  @Override
  public String toString() {
    return "SyntheticCitizen[citizenId="
        + citizenId.substring(0, 3)
        + "*******"
        + citizenId.substring(10)
        + "]";
  }
}
