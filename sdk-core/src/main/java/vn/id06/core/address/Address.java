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

  /**
   * The regexes {@link #parse} needs, compiled on its first use: {@link #resolve} does not need
   * them, and compiling costs milliseconds in a fresh JVM.
   */
  private static final class Patterns {
    static final Pattern DASH = Pattern.compile("\\s[-\u2013]\\s");
    static final Pattern VIET_NAM = Pattern.compile("(?i)vi[eệ]t\\s*nam|vn");
  }

  private final String text;
  private final AdministrativeUnit province;
  private final boolean districtLevel;
  private final Parts parts;

  // The resolution is a pure function of the fields above: computed once, on first use. A race
  // computes it twice and stores equal values, which is harmless.
  private volatile ResolvedAddress resolved;

  /** The structured parts a structured source gave (all null for a parsed free text). */
  private record Parts(
      String detail,
      String commune,
      String district,
      String province,
      Era codeEra,
      String communeCode,
      String districtCode,
      String provinceCode) {
    static final Parts NONE = new Parts(null, null, null, null, null, null, null, null);
  }

  private Address(String text, AdministrativeUnit province, boolean districtLevel, Parts parts) {
    this.text = text;
    this.province = province;
    this.districtLevel = districtLevel;
    this.parts = parts;
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
      String[] pieces =
          s.indexOf('-') < 0 && s.indexOf('\u2013') < 0 ? null : Patterns.DASH.split(s, -1);
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
    return new Address(text, found, district, Parts.NONE);
  }

  /**
   * Finds the administrative units a free-text address names, pre- or post-reform, with their
   * codes, and maps them to today's units ({@link ResolvedAddress#toCurrentUnits()}). A text that
   * names no known unit is not an error: it resolves with certainty {@link Certainty#UNKNOWN}.
   *
   * @param freeText the address as written
   * @return the resolution
   * @throws InvalidInputException (field "address") if empty, longer than 500 characters, or binary
   *     (control characters other than tab and line breaks, U+FFFD, lone surrogates)
   */
  public static ResolvedAddress resolve(String freeText) {
    return AddressResolver.resolve(checkedText(freeText));
  }

  /**
   * Resolves this address: by its unit codes when a structured source gave them, else by its text,
   * as {@link #resolve(String)} does.
   *
   * @return the resolution
   * @throws InvalidInputException if the text holds binary characters
   */
  public ResolvedAddress resolution() {
    ResolvedAddress r = resolved;
    if (r == null) {
      r = resolveOnce();
      resolved = r;
    }
    return r;
  }

  private ResolvedAddress resolveOnce() {
    if (parts.communeCode() != null) {
      UnitTable table = UnitTable.builtIn();
      UnitView view = parts.codeEra() == Era.PRE_REFORM ? table.preReform() : table.current();
      Optional<Division> commune = view.commune(parts.communeCode());
      if (commune.isPresent()) {
        return AddressResolver.ofCommune(
            text, parts.detail() == null ? "" : parts.detail(), commune.get());
      }
    }
    return AddressResolver.resolve(checkedText(text));
  }

  private static String checkedText(String freeText) {
    if (freeText == null || freeText.isBlank()) {
      throw new InvalidInputException(FIELD, InputReason.EMPTY, "an address is required");
    }
    if (freeText.length() > 4 * MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    checkNotBinary(freeText);
    String text = VietnameseText.nfc(freeText).strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, InputReason.TOO_LONG, "at most " + MAX_LENGTH + " characters");
    }
    return text;
  }

  private static void checkNotBinary(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control =
          (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
      boolean lone =
          Character.isHighSurrogate(c)
              ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))
              : Character.isLowSurrogate(c);
      if (control || lone || c == '\uFFFD') {
        throw new InvalidInputException(
            FIELD, InputReason.BINARY_DATA, "control or undecodable characters in the text");
      }
    }
  }

  private static boolean isVietNam(String part) {
    char c = part.charAt(0);
    return (c == 'v' || c == 'V') && Patterns.VIET_NAM.matcher(part).matches();
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

  /**
   * What a structured source gave below the commune (house number, street, hamlet), as given.
   *
   * @return the detail, or empty (always empty for a parsed free text)
   */
  public Optional<String> detail() {
    return Optional.ofNullable(parts.detail());
  }

  /**
   * The commune-level unit's name as a structured source gave it (xã, phường, thị trấn, đặc khu).
   *
   * @return the name, or empty (always empty for a parsed free text: see {@link #resolution()})
   */
  public Optional<String> communeName() {
    return Optional.ofNullable(parts.commune());
  }

  /**
   * The district's name as a structured source gave it (pre-reform addresses only).
   *
   * @return the name, or empty
   */
  public Optional<String> districtName() {
    return Optional.ofNullable(parts.district());
  }

  /**
   * The province's name as a structured source gave it.
   *
   * @return the name, or empty
   */
  public Optional<String> provinceName() {
    return Optional.ofNullable(parts.province());
  }

  /**
   * The namespace of the unit codes a structured source gave.
   *
   * @return the era, present when any code is
   */
  public Optional<Era> codeEra() {
    return Optional.ofNullable(parts.codeEra());
  }

  /**
   * The commune's statistics-office code (5 digits) as a structured source gave it.
   *
   * @return the code, or empty
   */
  public Optional<String> communeCode() {
    return Optional.ofNullable(parts.communeCode());
  }

  /**
   * The district's code (3 digits, pre-reform) as a structured source gave it.
   *
   * @return the code, or empty
   */
  public Optional<String> districtCode() {
    return Optional.ofNullable(parts.districtCode());
  }

  /**
   * The province's statistics-office code (2 digits) as a structured source gave it.
   *
   * @return the code, or empty
   */
  public Optional<String> provinceCode() {
    return Optional.ofNullable(parts.provinceCode());
  }

  /**
   * A builder for an address from a structured source (parts and codes).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Address} from structured parts. Not thread-safe; the address it builds is. */
  public static final class Builder {
    private String text;
    private String detail;
    private String commune;
    private String district;
    private String province;
    private Era codeEra;
    private String communeCode;
    private String districtCode;
    private String provinceCode;

    private Builder() {}

    /**
     * The full address text as the source wrote it; when absent, the text is the parts joined with
     * ", " (detail, commune, district, province).
     *
     * @param value the text, or null
     * @return this builder
     */
    public Builder text(String value) {
      this.text = value;
      return this;
    }

    /**
     * House number, street, hamlet, as written.
     *
     * @param value the detail, or null
     * @return this builder
     */
    public Builder detail(String value) {
      this.detail = value;
      return this;
    }

    /**
     * The commune-level unit's name (xã, phường, thị trấn, đặc khu).
     *
     * @param value the name, or null
     * @return this builder
     */
    public Builder commune(String value) {
      this.commune = value;
      return this;
    }

    /**
     * The district's name (pre-reform addresses).
     *
     * @param value the name, or null
     * @return this builder
     */
    public Builder district(String value) {
      this.district = value;
      return this;
    }

    /**
     * The province's name.
     *
     * @param value the name, or null
     * @return this builder
     */
    public Builder province(String value) {
      this.province = value;
      return this;
    }

    /**
     * The statistics-office codes, in one era's namespace; each may be null.
     *
     * @param era the namespace the codes belong to
     * @param provinceCode 2 digits, or null
     * @param districtCode 3 digits (pre-reform only), or null
     * @param communeCode 5 digits, or null
     * @return this builder
     */
    public Builder codes(Era era, String provinceCode, String districtCode, String communeCode) {
      this.codeEra = Objects.requireNonNull(era, "era");
      this.provinceCode = provinceCode;
      this.districtCode = districtCode;
      this.communeCode = communeCode;
      return this;
    }

    /**
     * Builds the address.
     *
     * @return the address
     * @throws InvalidInputException (field "address") when there is no text and no part, a part is
     *     too long or binary, or a code is not 2/3/5 ASCII digits (or a district code is given for
     *     the post-reform era)
     */
    public Address build() {
      String d = part(detail);
      String c = part(commune);
      String di = part(district);
      String p = part(province);
      String t = part(text);
      if (t == null) {
        StringBuilder joined = new StringBuilder();
        for (String s : new String[] {d, c, di, p}) {
          if (s != null) {
            joined.append(joined.length() == 0 ? "" : ", ").append(s);
          }
        }
        t = joined.toString();
      }
      String checked = checkedText(t);
      code(provinceCode, 2);
      code(districtCode, 3);
      code(communeCode, 5);
      if (districtCode != null && codeEra == Era.POST_REFORM) {
        throw new InvalidInputException(
            FIELD, InputReason.MALFORMED, "post-reform addresses have no district code");
      }
      Address parsed = parse(checked);
      Parts parts = new Parts(d, c, di, p, codeEra, communeCode, districtCode, provinceCode);
      return new Address(parsed.text, parsed.province, parsed.districtLevel || di != null, parts);
    }

    private static String part(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      return checkedText(s);
    }

    private static void code(String code, int length) {
      if (code == null) {
        return;
      }
      if (code.length() != length) {
        throw new InvalidInputException(
            FIELD, InputReason.WRONG_LENGTH, "a unit code has " + length + " digits");
      }
      for (int i = 0; i < code.length(); i++) {
        if (code.charAt(i) < '0' || code.charAt(i) > '9') {
          throw new InvalidInputException(FIELD, InputReason.NOT_DIGITS, "a unit code is digits");
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && a.text.equals(text) && a.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + parts.hashCode();
  }

  /** Masked: an address is personal data. */
  @Override
  public String toString() {
    return "Address[****]";
  }
}
