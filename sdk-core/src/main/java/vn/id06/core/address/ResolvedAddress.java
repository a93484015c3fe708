package vn.id06.core.address;

import java.util.List;
import java.util.Optional;

/**
 * The administrative units a free-text address names, as written (pre- or post-reform, with their
 * codes), and their mapping to today's units ({@link #toCurrentUnits()}). What the address says
 * below the commune (house number, street, hamlet: thôn, ấp, tổ, buôn, plei) is kept as written in
 * {@link #detail()}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the address (personal data).
 */
public final class ResolvedAddress {
  private final String text;
  private final String detail;
  private final Era era;
  private final List<Division> communes;
  private final Division district;
  private final Division province;
  private final CurrentUnits current;

  ResolvedAddress(
      String text,
      String detail,
      Era era,
      List<Division> communes,
      Division district,
      Division province,
      CurrentUnits current) {
    this.text = text;
    this.detail = detail;
    this.era = era;
    this.communes = List.copyOf(communes);
    this.district = district;
    this.province = province;
    this.current = current;
  }

  /**
   * The address as given (NFC, trimmed).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The part before the first recognised unit, as written ("Số 12 Đường Lê Lợi, Thôn 3"); the whole
   * text when no unit was recognised; empty when the address starts with a unit.
   *
   * @return the detail (personal data: do not log)
   */
  public String detail() {
    return detail;
  }

  /**
   * Whether the address names pre-reform or post-reform units.
   *
   * @return the era, or empty when no unit was recognised or the text fits both
   */
  public Optional<Era> era() {
    return Optional.ofNullable(era);
  }

  /**
   * The commune-level unit the address names, when exactly one matches.
   *
   * @return the unit, or empty (none, or ambiguous: see {@link #communeCandidates()})
   */
  public Optional<Division> commune() {
    return communes.size() == 1 ? Optional.of(communes.get(0)) : Optional.empty();
  }

  /**
   * Every commune-level unit the commune name matches where the address places it (two or more when
   * the name is ambiguous).
   *
   * @return an immutable list
   */
  public List<Division> communeCandidates() {
    return communes;
  }

  /**
   * The district the address names (pre-reform addresses only), when exactly one matches.
   *
   * @return the district, or empty
   */
  public Optional<Division> district() {
    return Optional.ofNullable(district);
  }

  /**
   * The province the address names, in the address's era, when one matches.
   *
   * @return the province, or empty
   */
  public Optional<Division> province() {
    return Optional.ofNullable(province);
  }

  /**
   * The address in today's units, with a certainty: EXACT (one commune), SPLIT (several candidates,
   * all listed) or UNKNOWN (nothing guessed).
   *
   * @return today's units
   */
  public CurrentUnits toCurrentUnits() {
    return current;
  }

  /** Masked: an address is personal data. */
  @Override
  public String toString() {
    return "ResolvedAddress[****, " + current.certainty() + "]";
  }
}
