package vn.id06.core.audit;

import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Who makes a call and why: the agency (mã đơn vị, MaDonVi), the officer (mã cán bộ, MaCanBo), the
 * public-service procedure (mã dịch vụ công, MaDVC) and the purpose, as the access rules of Decree
 * 13/2023 on personal data require for every look-up of a citizen. The officer's name and personal
 * ID are needed by some gateways (the social-insurance card check); they are personal data, so
 * {@link #toString()} masks the ID and never prints the name.
 *
 * <p>Codes are at most 35 (agency) or 20 (officer, procedure) characters without control
 * characters; the purpose is required and at most 500 characters. The officer's name and ID are
 * optional: an empty string means "not given".
 *
 * <p>Immutable and thread-safe.
 *
 * @param agencyCode the agency code (MaDonVi)
 * @param officerCode the officer code (MaCanBo)
 * @param procedureCode the procedure code (MaDVC)
 * @param purpose why the data is needed, in words
 * @param officerName the officer's full name, or "" (personal data)
 * @param officerId the officer's personal ID number, or "" (personal data)
 */
public record OperatorContext(
    String agencyCode,
    String officerCode,
    String procedureCode,
    String purpose,
    String officerName,
    String officerId) {

  /** The longest agency code. */
  public static final int MAX_AGENCY_CODE = 35;

  /** The longest officer or procedure code. */
  public static final int MAX_CODE = 20;

  /** The longest purpose. */
  public static final int MAX_PURPOSE = 500;

  /** The longest officer name or ID. */
  public static final int MAX_OFFICER_DETAIL = 100;

  /**
   * Validates the context.
   *
   * @param agencyCode the agency code
   * @param officerCode the officer code
   * @param procedureCode the procedure code
   * @param purpose the purpose
   * @param officerName the officer's name or ""
   * @param officerId the officer's ID or ""
   * @throws InvalidInputException naming the field when one is missing, too long or malformed
   */
  public OperatorContext {
    agencyCode = required("agencyCode", agencyCode, MAX_AGENCY_CODE);
    officerCode = required("officerCode", officerCode, MAX_CODE);
    procedureCode = required("procedureCode", procedureCode, MAX_CODE);
    purpose = required("purpose", purpose, MAX_PURPOSE);
    officerName = optional("officerName", officerName);
    officerId = optional("officerId", officerId);
  }

  /**
   * Creates a context without the officer's name and ID.
   *
   * @param agencyCode the agency code
   * @param officerCode the officer code
   * @param procedureCode the procedure code
   * @param purpose the purpose
   * @return the context
   * @throws InvalidInputException naming the field when one is invalid
   */
  public static OperatorContext of(
      String agencyCode, String officerCode, String procedureCode, String purpose) {
    return new OperatorContext(agencyCode, officerCode, procedureCode, purpose, "", "");
  }

  /**
   * Returns a copy with the officer's name and personal ID.
   *
   * @param name the officer's full name
   * @param id the officer's personal ID number
   * @return the copy
   * @throws InvalidInputException naming the field when one is invalid
   */
  public OperatorContext withOfficer(String name, String id) {
    return new OperatorContext(agencyCode, officerCode, procedureCode, purpose, name, id);
  }

  /**
   * Returns whether the officer's name and ID were both given.
   *
   * @return {@code true} when both are non-empty
   */
  public boolean hasOfficerIdentity() {
    return !officerName.isEmpty() && !officerId.isEmpty();
  }

  /**
   * Returns the officer's ID masked like {@code 079*******45} (first three and last two characters
   * of a 12-character ID kept), or stars only for a shorter ID, or "" when not given.
   *
   * @return the masked ID
   */
  public String maskedOfficerId() {
    return mask(officerId);
  }

  static String mask(String id) {
    if (id.isEmpty()) {
      return "";
    }
    if (id.length() < 8) {
      return "*".repeat(id.length());
    }
    return id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "required");
    }
    String v = value.strip();
    check(field, v, max);
    return v;
  }

  private static String optional(String field, String value) {
    String v = Objects.requireNonNullElse(value, "").strip();
    check(field, v, MAX_OFFICER_DETAIL);
    return v;
  }

  private static void check(String field, String v, int max) {
    if (v.length() > max) {
      throw new InvalidInputException(
          field, InputReason.TOO_LONG, "at most " + max + " characters");
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw new InvalidInputException(
            field, InputReason.MALFORMED, "contains a control character");
      }
    }
  }

  /** Prints the codes and purpose; the officer's ID masked, the name never. */
  @Override
  public String toString() {
    return "OperatorContext[agencyCode="
        + agencyCode
        + ", officerCode="
        + officerCode
        + ", procedureCode="
        + procedureCode
        + ", purpose="
        + purpose
        + ", officerName="
        + (officerName.isEmpty() ? "" : "***")
        + ", officerId="
        + maskedOfficerId()
        + "]";
  }
}
