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
  private static final Pattern DASH = Pattern.compile("\\s[-\u2013]\\s");

  /**
   * District-level prefixes, matched on the lower-cased component followed by a space, a dot or a
   * digit: with diacritics ("Huyện" but not the street name "Huyền"), and the usual abbreviations
   * ("Q.1", "H. Tuy Phước", "TX.").
   */
  private static final String[] DISTRICT_ACCENTED = {
    "huyện", "quận", "thị xã", "thành phố", "tp", "q", "h", "tx"
  };

  /** Unaccented district-level prefixes (addresses typed without diacritics), before a space. */
  private static final String[] DISTRICT_PLAIN = {"huyen", "quan", "thi xa", "thanh pho"};

  /** The first letters of all district prefixes, lower case. */
  private static final String DISTRICT_FIRST = firstLetters(DISTRICT_ACCENTED, DISTRICT_PLAIN);

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
    int from = 0;
    while (from <= text.length()) {
      int comma = text.indexOf(',', from);
      int to = comma < 0 ? text.length() : comma;
      String s = text.substring(from, to).strip();
      from = to + 1;
      if (s.isEmpty()) {
        continue;
      }
      // "Xã A - Huyện B - Tỉnh C": some sources separate with dashes; "Bà Rịa - Vũng Tàu" is one
      // name. The regex runs only where a dash could match it.
      String[] pieces = s.indexOf('-') < 0 && s.indexOf('\u2013') < 0 ? null : DASH.split(s, -1);
      if (pieces != null && pieces.length > 1 && units.lookup(s).isEmpty()) {
        for (String piece : pieces) {
          if (!piece.isBlank()) {
            parts.add(piece.strip());
          }
        }
      } else {
        parts.add(s);
      }
    }
    // A trailing "Việt Nam" is the country, not the province (the pattern needs a leading v).
    while (!parts.isEmpty() && isVietNam(parts.get(parts.size() - 1))) {
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

  private static boolean isVietNam(String part) {
    char c = part.charAt(0);
    return (c == 'v' || c == 'V') && VIET_NAM.matcher(part).matches();
  }

  private static boolean isDistrict(String component) {
    // A component whose first char is ASCII and starts no prefix is answered before the lower-case
    // copy. (Other first chars take the full check: İ, for one, lower-cases to two chars.)
    char first = component.charAt(0);
    if (first < 0x80 && DISTRICT_FIRST.indexOf(Character.toLowerCase(first)) < 0) {
      return false;
    }
    String lower = component.toLowerCase(Locale.ROOT);
    if (startsWithWord(lower, DISTRICT_ACCENTED, true)) {
      return true;
    }
    // Unaccented words only count when the component carries no diacritics at all.
    return startsWithWord(lower, DISTRICT_PLAIN, false)
        && VietnameseText.stripDiacritics(component).equals(component);
  }

  private static String firstLetters(String[]... lists) {
    StringBuilder out = new StringBuilder();
    for (String[] words : lists) {
      for (String w : words) {
        if (out.indexOf(w.substring(0, 1)) < 0) {
          out.append(w.charAt(0));
        }
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code lower} matches {@code ^(w1|w2|...)(\s|\.|\d).*} (with {@code dotOrDigit}) or
   * {@code ^(w1|w2|...)\s.*}, written out by hand: it runs for every address component. As in a
   * regex, {@code \s} and {@code \d} are ASCII and {@code .} stops at line terminators.
   */
  private static boolean startsWithWord(String lower, String[] words, boolean dotOrDigit) {
    for (String w : words) {
      int n = w.length();
      if (lower.length() > n && lower.startsWith(w)) {
        char c = lower.charAt(n);
        boolean next =
            c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        next |= dotOrDigit && (c == '.' || (c >= '0' && c <= '9'));
        if (next && noLineTerminator(lower, n + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean noLineTerminator(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
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
