package vn.id06.core.audit;

import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * Who is acting, and why: the operator context every gateway call carries (there is no call without
 * one). The field lengths follow the national data-sharing platform's published request fields:
 * agency code {@code MaDonVi} (35), officer code {@code MaCanBo} (20), public-service procedure
 * code {@code MaDVC} (20). The social-insurance gateway also asks for the officer's name and ID
 * number on every call (since 2024).
 *
 * <p>The officer's name and ID number are personal data: {@link #toString()} masks them and id06
 * never logs them. Immutable and thread-safe.
 *
 * @param agencyCode the agency's code (mã đơn vị), required, at most 35 characters
 * @param officerCode the officer's code (mã cán bộ), required, at most 20 characters
 * @param procedureCode the public-service procedure's code (mã dịch vụ công), required, at most 20
 * @param purpose why the data is needed, required, at most 500 characters
 * @param officerName the officer's full name, or {@code ""} when the profile does not need it
 * @param officerId the officer's 12-digit ID number, or {@code ""} when the profile does not need
 *     it
 */
public record OperatorContext(
    String agencyCode,
    String officerCode,
    String procedureCode,
    String purpose,
    String officerName,
    String officerId) {

  private static final int MAX_PURPOSE = 500;
  private static final int MAX_OFFICER_NAME = 100;

  /**
   * Checks the components.
   *
   * @throws InvalidInputException naming the component: EMPTY, TOO_LONG, MALFORMED (control
   *     characters, or an officer ID that is not 12 digits)
   */
  public OperatorContext {
    required("agencyCode", agencyCode, 35);
    required("officerCode", officerCode, 20);
    required("procedureCode", procedureCode, 20);
    required("purpose", purpose, MAX_PURPOSE);
    optional("officerName", officerName, MAX_OFFICER_NAME);
    optional("officerId", officerId, 12);
    if (!officerId.isEmpty() && !officerId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException("officerId", InputReason.NOT_DIGITS, "12 ASCII digits");
    }
    if (!officerId.isEmpty() && officerId.length() != 12) {
      throw new InvalidInputException("officerId", InputReason.WRONG_LENGTH, "12 ASCII digits");
    }
  }

  /**
   * An operator context without the officer's name and ID (profiles that do not ask for them).
   *
   * @param agencyCode the agency's code
   * @param officerCode the officer's code
   * @param procedureCode the procedure's code
   * @param purpose the purpose
   * @return the context
   */
  public static OperatorContext of(
      String agencyCode, String officerCode, String procedureCode, String purpose) {
    return new OperatorContext(agencyCode, officerCode, procedureCode, purpose, "", "");
  }

  /**
   * A copy with the officer's name and ID number.
   *
   * @param name the officer's full name
   * @param idNumber the officer's 12-digit ID number
   * @return the new context
   */
  public OperatorContext withOfficer(String name, String idNumber) {
    return new OperatorContext(agencyCode, officerCode, procedureCode, purpose, name, idNumber);
  }

  private static void required(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, InputReason.EMPTY, "required");
    }
    optional(name, value, max);
  }

  private static void optional(String name, String value, int max) {
    Objects.requireNonNull(value, name);
    if (value.length() > max) {
      throw new InvalidInputException(name, InputReason.TOO_LONG, "at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(name, InputReason.MALFORMED, "control characters");
      }
    }
  }

  /** Masked: the officer's name and ID number are personal data. */
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
        + ", officer="
        + (officerName.isEmpty() && officerId.isEmpty() ? "none" : "****")
        + "]";
  }
}
