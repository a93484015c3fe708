package vn.id06.core.address;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * A free-text Vietnamese address (địa chỉ), e.g. a permanent address (nơi thường trú) from a card
 * QR.
 *
 * <p>The text is kept as given (NFC, trimmed): addresses are legal text and are not rewritten. The
 * province (tỉnh/thành phố) is recognised from the last comma-separated component, under its pre-
 * or post-2025 name; {@link #provinceOn(LocalDate)} maps it to the unit in force on a day. Since 1
 * July 2025 addresses have no district level (huyện/quận/thị xã); {@link #hasDistrictLevel()} tells
 * old-form addresses apart.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the address.
 */
public final class Address {
  private static final String FIELD = "address";
  private static final int MAX_LENGTH = 500;
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern DASH = Pattern.compile("\\s[-\u2013]\\s");

  /**
   * District-level prefixes: with diacritics ("Huyện" but not the street name "Huyền"), unaccented
   * for addresses typed without diacritics, and the usual abbreviations ("Q.1", "H. Tuy Phước",
   * "TX.").
   */
  private static final Pattern DISTRICT_ACCENTED =
      Pattern.compile("^(huyện|quận|thị xã|thành phố|tp|q|h|tx)(\\s|\\.|\\d).*");

  private static final Pattern DISTRICT_PLAIN =
      Pattern.compile("^(huyen|quan|thi xa|thanh pho)\\s.*");

  private static final Pattern VIET_NAM = Pattern.compile("(?i)vi[eệ]t\\s*nam|vn");

  private final String text;
  private final AdministrativeUnit province;
  private final boolean districtLevel;

  private Address(String text, AdministrativeUnit province, boolean districtLevel) {
    this.text = text;
    this.province = province;
    this.districtLevel = districtLevel;
  }

  /**
   * Parses a free-text address. Never fails because the province is not recognised: then {@link
   * #province()} is empty.
   *
   * @param freeText the address as written
   * @return the address
   * @throws InvalidInputException (field "address") if empty or longer than 500 characters
   */
  public static Address parse(String freeText) {
    if (freeText == null || freeText.isBlank()) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "an address is required");
    }
    String text = VietnameseText.nfc(freeText).strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    List<String> parts = new ArrayList<>();
    for (String p : COMMA.split(text, -1)) {
      String s = p.strip();
      if (s.isEmpty()) {
        continue;
      }
      // "Xã A - Huyện B - Tỉnh C": some sources separate with dashes; "Bà Rịa - Vũng Tàu" is one
      // name.
      String[] pieces = DASH.split(s, -1);
      if (pieces.length > 1 && units.lookup(s).isEmpty()) {
        for (String piece : pieces) {
          if (!piece.isBlank()) {
            parts.add(piece.strip());
          }
        }
      } else {
        parts.add(s);
      }
    }
    // A trailing "Việt Nam" is the country, not the province.
    while (!parts.isEmpty() && VIET_NAM.matcher(parts.get(parts.size() - 1)).matches()) {
      parts.remove(parts.size() - 1);
    }
    AdministrativeUnit found = null;
    int provinceIndex = -1;
    if (!parts.isEmpty()) {
      found = units.lookup(parts.get(parts.size() - 1)).orElse(null);
      if (found != null) {
        provinceIndex = parts.size() - 1;
      }
    }
    boolean district = false;
    for (int i = 0; i < parts.size(); i++) {
      if (i != provinceIndex && isDistrict(parts.get(i))) {
        district = true;
      }
    }
    return new Address(text, found, district);
  }

  private static boolean isDistrict(String component) {
    String lower = component.toLowerCase(Locale.ROOT);
    if (DISTRICT_ACCENTED.matcher(lower).matches()) {
      return true;
    }
    // Unaccented words only count when the component carries no diacritics at all.
    return VietnameseText.stripDiacritics(component).equals(component)
        && DISTRICT_PLAIN.matcher(lower).matches();
  }

  /**
   * The address as given, NFC and trimmed.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The province or city named in the address, as named (a pre-reform name gives the pre-reform
   * unit).
   *
   * @return the unit, or empty if not recognised
   */
  public Optional<AdministrativeUnit> province() {
    return Optional.ofNullable(province);
  }

  /**
   * The province or city the address belongs to on a day: after 2025-07-01 a merged province gives
   * its successor ("Tỉnh Bình Định" gives Gia Lai).
   *
   * @param date the day
   * @return the unit in force on that day, or empty if no province was recognised
   */
  public Optional<AdministrativeUnit> provinceOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (province == null) {
      return Optional.empty();
    }
    return Optional.of(AdministrativeUnits.builtIn().resolveOn(province, date));
  }

  /**
   * Whether the address names a district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh),
   * which only pre-reform addresses have.
   *
   * @return true if a district-level component was seen
   */
  public boolean hasDistrictLevel() {
    return districtLevel;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && a.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Masked: an address is personal data. */
  @Override
  public String toString() {
    return "Address[****]";
  }
}
