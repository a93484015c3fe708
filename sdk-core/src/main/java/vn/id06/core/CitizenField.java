package vn.id06.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every field that any source says about a citizen, with its one name: the same in repairs,
 * inconsistencies, {@link InvalidInputException#field()}, the command line's JSON and e-form
 * bindings.
 *
 * <p>The JSON name of {@link #PERMANENT_ADDRESS} is {@code address}, as the card QR's command-line
 * output has always printed it; the Java accessor on records keeps the longer name.
 *
 * <p>Immutable and thread-safe.
 */
public enum CitizenField {
  /** The 12-digit personal identification number (số định danh cá nhân). */
  CITIZEN_ID("citizenId"),
  /** The old identity card number (số CMND). */
  LEGACY_ID("legacyId"),
  /** Full name (họ và tên). */
  FULL_NAME("fullName"),
  /** Date of birth (ngày sinh), possibly partial. */
  DATE_OF_BIRTH("dateOfBirth"),
  /** Sex (giới tính). */
  SEX("sex"),
  /** Nationality (quốc tịch). */
  NATIONALITY("nationality"),
  /** Ethnicity (dân tộc). */
  ETHNICITY("ethnicity"),
  /** Religion (tôn giáo). */
  RELIGION("religion"),
  /** Place of origin (quê quán). */
  PLACE_OF_ORIGIN("placeOfOrigin"),
  /** Permanent address (nơi thường trú). */
  PERMANENT_ADDRESS("address"),
  /** Current residence (nơi ở hiện tại), when it differs from the permanent address. */
  CURRENT_RESIDENCE("currentResidence"),
  /** Identifying marks (đặc điểm nhân dạng). */
  IDENTIFYING_MARKS("identifyingMarks"),
  /** Father's full name (họ tên cha). */
  FATHER_NAME("fatherName"),
  /** Mother's full name (họ tên mẹ). */
  MOTHER_NAME("motherName"),
  /** Spouse's full name (họ tên vợ/chồng). */
  SPOUSE_NAME("spouseName"),
  /** The identity document's number. */
  DOCUMENT_NUMBER("documentNumber"),
  /** The identity document's type. */
  DOCUMENT_TYPE("documentType"),
  /** The document's issue date (ngày cấp). */
  ISSUE_DATE("issueDate"),
  /** The document's expiry (có giá trị đến), or none (không thời hạn). */
  EXPIRY("expiryDate"),
  /** Alive, deceased or missing, as the population database knows it. */
  LIFE_STATUS("lifeStatus"),
  /** Health-insurance card number (mã thẻ BHYT). */
  HEALTH_INSURANCE_CARD_NUMBER("cardNumber"),
  /** Social-insurance number (mã số BHXH), the card number's last 10 digits. */
  SOCIAL_INSURANCE_NUMBER("socialInsuranceNumber"),
  /** Registered initial-care facility (nơi đăng ký khám chữa bệnh ban đầu). */
  FACILITY_CODE("facilityCode"),
  /** Health-insurance validity start. */
  VALID_FROM("validFrom"),
  /** Health-insurance validity end. */
  VALID_TO("validTo");

  private static final Map<String, CitizenField> BY_JSON_NAME = new HashMap<>();

  static {
    for (CitizenField f : values()) {
      BY_JSON_NAME.put(f.jsonName, f);
    }
  }

  private final String jsonName;

  CitizenField(String jsonName) {
    this.jsonName = jsonName;
  }

  /**
   * The field's name in JSON, on the command line and in e-form bindings.
   *
   * @return the camelCase name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds a field by its JSON name.
   *
   * @param jsonName the name, e.g. {@code "fullName"}
   * @return the field, or empty when no field has that name
   */
  public static Optional<CitizenField> fromJsonName(String jsonName) {
    return Optional.ofNullable(BY_JSON_NAME.get(Objects.requireNonNull(jsonName, "jsonName")));
  }
}
