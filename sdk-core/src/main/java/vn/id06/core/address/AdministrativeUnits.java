package vn.id06.core.address;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.address.AdministrativeUnit.Level;
import vn.id06.core.internal.citizen.VietnameseText;

/**
 * A versioned table of Vietnam's provincial-level units (đơn vị hành chính cấp tỉnh).
 *
 * <p>The built-in table holds the 63 units in force from 1 August 2008 (when Hà Tây joined Hà Nội)
 * and the 34 units in force from 1 July 2025 under Resolution 202/2025/QH15. Earlier history is not
 * modelled: dates before 2008-08-01 are answered as of that day.
 *
 * <p>How identity is kept across the reform: each of the 34 units carries the name of one of the
 * 63, and that unit continues as the same {@link AdministrativeUnit} (same code, {@code validUntil
 * == null}) while the units it absorbed end on 30 June 2025 with it as their successor. So the 34
 * units keep the codes of the 63-unit table (for example Gia Lai, which absorbed Bình Định, stays
 * 064). One extra step: Thừa Thiên Huế (046, province) became the centrally governed city Huế on 1
 * January 2025 (Resolution 1314/NQ-UBTVQH15); Huế is a new unit with code 046 and is Thừa Thiên
 * Huế's successor.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdministrativeUnits {
  private static final LocalDate TABLE_START = LocalDate.of(2008, 8, 1);
  private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
  private static final LocalDate HUE_CITY = LocalDate.of(2025, 1, 1);

  /** Legacy code, name, level: the 63-unit table (Circular 07/2016/TT-BCA codes). */
  private static final String[][] LEGACY = {
    {"001", "Hà Nội", "C"}, {"002", "Hà Giang", "P"}, {"004", "Cao Bằng", "P"},
    {"006", "Bắc Kạn", "P"}, {"008", "Tuyên Quang", "P"}, {"010", "Lào Cai", "P"},
    {"011", "Điện Biên", "P"}, {"012", "Lai Châu", "P"}, {"014", "Sơn La", "P"},
    {"015", "Yên Bái", "P"}, {"017", "Hòa Bình", "P"}, {"019", "Thái Nguyên", "P"},
    {"020", "Lạng Sơn", "P"}, {"022", "Quảng Ninh", "P"}, {"024", "Bắc Giang", "P"},
    {"025", "Phú Thọ", "P"}, {"026", "Vĩnh Phúc", "P"}, {"027", "Bắc Ninh", "P"},
    {"030", "Hải Dương", "P"}, {"031", "Hải Phòng", "C"}, {"033", "Hưng Yên", "P"},
    {"034", "Thái Bình", "P"}, {"035", "Hà Nam", "P"}, {"036", "Nam Định", "P"},
    {"037", "Ninh Bình", "P"}, {"038", "Thanh Hóa", "P"}, {"040", "Nghệ An", "P"},
    {"042", "Hà Tĩnh", "P"}, {"044", "Quảng Bình", "P"}, {"045", "Quảng Trị", "P"},
    {"046", "Thừa Thiên Huế", "P"}, {"048", "Đà Nẵng", "C"}, {"049", "Quảng Nam", "P"},
    {"051", "Quảng Ngãi", "P"}, {"052", "Bình Định", "P"}, {"054", "Phú Yên", "P"},
    {"056", "Khánh Hòa", "P"}, {"058", "Ninh Thuận", "P"}, {"060", "Bình Thuận", "P"},
    {"062", "Kon Tum", "P"}, {"064", "Gia Lai", "P"}, {"066", "Đắk Lắk", "P"},
    {"067", "Đắk Nông", "P"}, {"068", "Lâm Đồng", "P"}, {"070", "Bình Phước", "P"},
    {"072", "Tây Ninh", "P"}, {"074", "Bình Dương", "P"}, {"075", "Đồng Nai", "P"},
    {"077", "Bà Rịa-Vũng Tàu", "P"}, {"079", "Hồ Chí Minh", "C"}, {"080", "Long An", "P"},
    {"082", "Tiền Giang", "P"}, {"083", "Bến Tre", "P"}, {"084", "Trà Vinh", "P"},
    {"086", "Vĩnh Long", "P"}, {"087", "Đồng Tháp", "P"}, {"089", "An Giang", "P"},
    {"091", "Kiên Giang", "P"}, {"092", "Cần Thơ", "C"}, {"093", "Hậu Giang", "P"},
    {"094", "Sóc Trăng", "P"}, {"095", "Bạc Liêu", "P"}, {"096", "Cà Mau", "P"},
  };

  /**
   * Absorbed legacy code -> code of the continuing unit from 2025-07-01 (Resolution 202/2025/QH15).
   */
  private static final String[][] MERGED = {
    {"002", "008"}, {"015", "010"}, {"006", "019"}, {"026", "025"}, {"017", "025"},
    {"024", "027"}, {"034", "033"}, {"030", "031"}, {"035", "037"}, {"036", "037"},
    {"044", "045"}, {"049", "048"}, {"062", "051"}, {"052", "064"}, {"058", "056"},
    {"067", "068"}, {"060", "068"}, {"054", "066"}, {"074", "079"}, {"077", "079"},
    {"070", "075"}, {"080", "072"}, {"094", "092"}, {"093", "092"}, {"083", "086"},
    {"084", "086"}, {"082", "087"}, {"095", "096"}, {"091", "089"},
  };

  /** Extra spellings seen in addresses, as place keys (see {@link VietnameseText#placeKey}). */
  private static final String[][] ALIASES = {
    {"hcm", "079"}, {"saigon", "079"}, {"brvt", "077"}, {"bariavungtau", "077"},
    {"daclac", "066"}, {"daknong", "067"}, {"dacnong", "067"}, {"baccan", "006"},
    {"tthue", "046"}, {"hn", "001"},
  };

  /** Administrative prefixes dropped before lookup, as place keys; longest first. */
  private static final String[] PREFIXES = {"thanhpho", "tinh", "tp"};

  // Declared after the tables it reads: static initialisers run in textual order.
  private static final AdministrativeUnits BUILT_IN = new AdministrativeUnits();

  private final Map<String, AdministrativeUnit> legacyByCode;
  private final List<AdministrativeUnit> all;
  private final Map<AdministrativeUnit, AdministrativeUnit> successors;
  private final Map<AdministrativeUnit, AdministrativeUnit> predecessorOfRenamed;

  private AdministrativeUnits() {
    Map<String, AdministrativeUnit> legacy = new LinkedHashMap<>();
    Map<String, String> mergedInto = new HashMap<>();
    for (String[] m : MERGED) {
      mergedInto.put(m[0], m[1]);
    }
    for (String[] row : LEGACY) {
      LocalDate until;
      if (mergedInto.containsKey(row[0])) {
        until = REFORM.minusDays(1);
      } else if (row[0].equals("046")) {
        until = HUE_CITY.minusDays(1);
      } else {
        until = null;
      }
      Level level = row[2].equals("C") ? Level.CITY : Level.PROVINCE;
      legacy.put(row[0], new AdministrativeUnit(row[0], row[1], level, TABLE_START, until));
    }
    AdministrativeUnit thuaThienHue = legacy.get("046");
    AdministrativeUnit hue = new AdministrativeUnit("046", "Huế", Level.CITY, HUE_CITY, null);

    // Ordered by code, then validFrom: LEGACY is in code order and Huế follows Thừa Thiên Huế. (No
    // comparator lambdas: each bootstraps an invokedynamic call site, milliseconds in a fresh JVM.)
    List<AdministrativeUnit> units = new ArrayList<>(legacy.size() + 1);
    for (AdministrativeUnit u : legacy.values()) {
      units.add(u);
      if (u.code().equals("046")) {
        units.add(hue);
      }
    }

    Map<AdministrativeUnit, AdministrativeUnit> succ = new HashMap<>();
    for (Map.Entry<String, String> e : mergedInto.entrySet()) {
      succ.put(legacy.get(e.getKey()), legacy.get(e.getValue()));
    }
    succ.put(thuaThienHue, hue);

    this.legacyByCode = Map.copyOf(legacy);
    this.all = List.copyOf(units);
    this.successors = Map.copyOf(succ);
    this.predecessorOfRenamed = Map.of(hue, thuaThienHue);
  }

  /**
   * The name keys, built on the first lookup by name: the key function's tables cost milliseconds
   * to build in a fresh JVM, and the commune tables ({@link #communes()}) do not need them.
   */
  private static final class ByKey {
    static final Map<String, AdministrativeUnit> MAP = BUILT_IN.keys();
  }

  private Map<String, AdministrativeUnit> keys() {
    Map<String, AdministrativeUnit> keys = new HashMap<>();
    for (AdministrativeUnit u : all) {
      keys.put(VietnameseText.placeKey(u.name()), u);
    }
    for (String[] a : ALIASES) {
      keys.put(a[0], legacyByCode.get(a[1]));
    }
    return Map.copyOf(keys);
  }

  /**
   * Returns the built-in table.
   *
   * @return the shared immutable table
   */
  public static AdministrativeUnits builtIn() {
    return BUILT_IN;
  }

  /**
   * The day the 34-unit organisation took effect: 2025-07-01.
   *
   * @return the reform date
   */
  public LocalDate reformDate() {
    return REFORM;
  }

  /**
   * Looks up a province code (PPP) in the 63-unit table, the table that 12-digit ID prefixes are
   * decoded against whatever the date.
   *
   * @param ppp three ASCII digits, e.g. "052"
   * @return the pre-reform unit with that code, or empty
   */
  public Optional<AdministrativeUnit> byLegacyProvinceCode(String ppp) {
    return Optional.ofNullable(legacyByCode.get(Objects.requireNonNull(ppp, "ppp")));
  }

  /**
   * The units in force on a day, ordered by code: 63 before 2025-07-01, 34 from then.
   *
   * @param date the day; dates before 2008-08-01 are answered as of 2008-08-01
   * @return an immutable list
   */
  public List<AdministrativeUnit> provincesOn(LocalDate date) {
    LocalDate d = clamp(date);
    List<AdministrativeUnit> result = new ArrayList<>();
    for (AdministrativeUnit u : all) {
      if (u.isValidOn(d)) {
        result.add(u);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The unit that stands for {@code unit} on {@code date}: the unit itself while it exists (or
   * before it existed), otherwise the unit that absorbed it, following the chain (Thừa Thiên Huế ->
   * Huế).
   *
   * @param unit a unit of this table
   * @param date the day
   * @return the unit in force on that day
   * @throws IllegalArgumentException if the unit is not in this table
   */
  public AdministrativeUnit successorOn(AdministrativeUnit unit, LocalDate date) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(date, "date");
    if (!all.contains(unit)) {
      throw new IllegalArgumentException("unit is not in this table");
    }
    AdministrativeUnit current = unit;
    while (current.validUntil() != null && date.isAfter(current.validUntil())) {
      current = successors.get(current);
    }
    return current;
  }

  /**
   * Finds a province or city by name, ignoring case, diacritics, punctuation and the prefixes
   * "Tỉnh", "Thành phố", "TP." ("TP.HCM", "Thành phố Hà Nội", "Tỉnh Bình Định", "Bà Rịa - Vũng
   * Tàu", "Thua Thien Hue"), and answers with the unit in force on {@code on}: a unit absorbed by
   * then is replaced by its successor ("Bình Định" on 2025-07-01 gives Gia Lai), and "Huế" before
   * 2025 gives Thừa Thiên Huế.
   *
   * @param name a province or city name, old or new
   * @param on the day the answer is for
   * @return the unit, or empty if the name is not known
   */
  public Optional<AdministrativeUnit> findProvince(String name, LocalDate on) {
    Objects.requireNonNull(on, "on");
    Optional<AdministrativeUnit> found = lookup(name);
    return found.isPresent() ? Optional.of(resolveOn(found.get(), on)) : found;
  }

  /**
   * Finds a unit by name as written, without moving it to another date ("Bình Định" stays Bình
   * Định).
   *
   * @param name a province or city name, old or new; null gives empty
   * @return the unit, or empty
   */
  Optional<AdministrativeUnit> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = VietnameseText.placeKey(name);
    Map<String, AdministrativeUnit> byKey = ByKey.MAP;
    AdministrativeUnit direct = byKey.get(key);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (String prefix : PREFIXES) {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        AdministrativeUnit u = byKey.get(key.substring(prefix.length()));
        if (u != null) {
          return Optional.of(u);
        }
      }
    }
    return Optional.empty();
  }

  /** The unit standing for {@code unit} on {@code on}, backwards through renames too. */
  AdministrativeUnit resolveOn(AdministrativeUnit unit, LocalDate on) {
    LocalDate d = clamp(on);
    AdministrativeUnit u = unit;
    while (d.isBefore(u.validFrom()) && predecessorOfRenamed.containsKey(u)) {
      u = predecessorOfRenamed.get(u);
    }
    return successorOn(u, d);
  }

  /**
   * Today's commune-level units: the newest state the built-in tables describe (reform-day units
   * with the 2026 amendments applied; see docs/ADDRESSES.md for the date). Loaded once, on first
   * use.
   *
   * @return the view
   */
  public UnitView communes() {
    return UnitTable.builtIn().current();
  }

  /**
   * The commune-level units as they stood on a day: the pre-reform units before 2025-07-01, the
   * reform-day units from then, with each 2026 amendment from its effective date.
   *
   * @param date the day
   * @return the view
   */
  public UnitView communesOn(LocalDate date) {
    return UnitTable.builtIn().on(Objects.requireNonNull(date, "date"));
  }

  /**
   * The pre-reform view (units as on 2025-06-30).
   *
   * @return the view
   */
  public UnitView preReform() {
    return UnitTable.builtIn().preReform();
  }

  /**
   * The reform-day view (units as on 2025-07-01, before the 2026 amendments).
   *
   * @return the view
   */
  public UnitView reformDay() {
    return UnitTable.builtIn().reformDay();
  }

  /**
   * Today's units that took a pre-reform commune (each whole or part), a pre-reform province, or an
   * island district that became a special zone.
   *
   * @param old a unit of the pre-reform view
   * @return the successions in today's view; empty when the mapping is not known
   */
  public List<Succession> successorsOf(Division old) {
    return communes().successorsOf(old);
  }

  /**
   * The pre-reform units that went into one of today's communes.
   *
   * @param current a commune of today's view
   * @return the successions
   */
  public List<Succession> predecessorsOf(Division current) {
    return communes().predecessorsOf(current);
  }

  private static LocalDate clamp(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return date.isBefore(TABLE_START) ? TABLE_START : date;
  }

  @Override
  public String toString() {
    return "AdministrativeUnits[builtIn, units=" + all.size() + "]";
  }
}
