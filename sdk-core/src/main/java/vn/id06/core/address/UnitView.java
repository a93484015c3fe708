package vn.id06.core.address;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import vn.id06.core.address.Division.Level;

/**
 * The administrative units down to commune level as they stood from one day on: before the 2025
 * reform (63 provinces, their districts and communes), on reform day (1 July 2025), or after the
 * 2026 amendments (provinces and communes reclassified, codes unchanged). Obtain one from {@link
 * AdministrativeUnits#communes()} (today's view) or {@link AdministrativeUnits#communesOn}.
 *
 * <p>Look-ups by code answer in this view's {@link #era()} namespace only. Look-ups by name ignore
 * case, spacing, punctuation, tone-mark placement ("Hòa"/"Hoà") and the type word or its
 * abbreviation ("Xã", "P.", "TT.", "Q.", "H.", "TP.", "Đặc khu"); a name typed without diacritics
 * matches too.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnitView {
  private final UnitTable table;
  private final Era era;
  private final LocalDate from;
  private final Map<String, Division> provinces;
  private final Map<String, Division> districts;
  private final Map<String, Division> communes;
  private final Map<String, List<Division>> provinceNames;
  private final Map<String, List<Division>> districtNames;
  private final Map<String, List<Division>> communeNames;

  UnitView(
      UnitTable table,
      Era era,
      LocalDate from,
      Map<String, Division> provinces,
      Map<String, Division> districts,
      Map<String, Division> communes,
      Map<String, List<Division>> provinceNames) {
    this.table = table;
    this.era = era;
    this.from = from;
    this.provinces = provinces;
    this.districts = districts;
    this.communes = communes;
    this.provinceNames = provinceNames;
    this.districtNames = index(districts.values());
    this.communeNames = index(communes.values());
  }

  static Map<String, List<Division>> index(Collection<Division> units) {
    Map<String, List<Division>> byKey = new HashMap<>(units.size() * 2);
    for (Division d : units) {
      byKey
          .computeIfAbsent(
              PlaceNames.key(PlaceNames.bare(d.name(), d.type())), k -> new ArrayList<>(1))
          .add(d);
    }
    byKey.replaceAll((k, v) -> List.copyOf(v));
    return byKey;
  }

  /**
   * The code namespace of this view.
   *
   * @return the era
   */
  public Era era() {
    return era;
  }

  /**
   * The first day this view describes (it holds until the next change in the table).
   *
   * @return the day
   */
  public LocalDate validFrom() {
    return from;
  }

  /**
   * A province by its statistics-office code in this view's era.
   *
   * @param code two digits, e.g. "52"
   * @return the province, or empty
   */
  public Optional<Division> province(String code) {
    return Optional.ofNullable(provinces.get(Objects.requireNonNull(code, "code")));
  }

  /**
   * A district by code (pre-reform view only: later views have none).
   *
   * @param code three digits
   * @return the district, or empty
   */
  public Optional<Division> district(String code) {
    return Optional.ofNullable(districts.get(Objects.requireNonNull(code, "code")));
  }

  /**
   * A commune-level unit by code in this view's era.
   *
   * @param code five digits
   * @return the unit, or empty
   */
  public Optional<Division> commune(String code) {
    return Optional.ofNullable(communes.get(Objects.requireNonNull(code, "code")));
  }

  /**
   * All provinces, ordered by code.
   *
   * @return an immutable list
   */
  public List<Division> provinces() {
    return sorted(provinces.values());
  }

  /**
   * All districts, ordered by code (empty after the reform).
   *
   * @return an immutable list
   */
  public List<Division> districts() {
    return sorted(districts.values());
  }

  /**
   * All commune-level units, ordered by code.
   *
   * @return an immutable list
   */
  public List<Division> communes() {
    return sorted(communes.values());
  }

  private static List<Division> sorted(Collection<Division> units) {
    List<Division> list = new ArrayList<>(units);
    list.sort((a, b) -> a.code().compareTo(b.code()));
    return List.copyOf(list);
  }

  /**
   * Provinces with this name (with or without its type word).
   *
   * @param name e.g. "Tỉnh Bình Định", "Binh Dinh", "TP.HCM"
   * @return the matching provinces, possibly empty
   */
  public List<Division> provincesNamed(String name) {
    return List.copyOf(match(NamePart.of(name), Level.PROVINCE, d -> true));
  }

  /**
   * Districts with this name, within a province or district (or anywhere when {@code within} is
   * null).
   *
   * @param name e.g. "Huyện Tuy Phước", "H. Tuy Phước"
   * @param within a unit of this view, or null
   * @return the matching districts, possibly empty
   */
  public List<Division> districtsNamed(String name, Division within) {
    return List.copyOf(match(NamePart.of(name), Level.DISTRICT, inside(within)));
  }

  /**
   * Commune-level units with this name, within a province or district (or anywhere when {@code
   * within} is null). Several answers mean the name is ambiguous there.
   *
   * @param name e.g. "Xã Phước Lộc", "X. Phuoc Loc", "P.5"
   * @param within a unit of this view, or null
   * @return the matching units, possibly empty
   */
  public List<Division> communesNamed(String name, Division within) {
    return List.copyOf(match(NamePart.of(name), Level.COMMUNE, inside(within)));
  }

  private static Predicate<Division> inside(Division within) {
    if (within == null) {
      return d -> true;
    }
    return d -> {
      for (Division p = d; p != null; p = p.parent().orElse(null)) {
        if (p.equals(within)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * The post-reform units (in this view) that took the old unit, whole or in part. Answers only for
   * commune-level units and the island districts that became special zones; empty when the unit's
   * mapping is not known.
   *
   * @param old a unit of the pre-reform view
   * @return the successions, ordered by new code
   * @throws IllegalStateException if this is the pre-reform view
   * @throws IllegalArgumentException if {@code old} is not a pre-reform unit
   */
  public List<Succession> successorsOf(Division old) {
    requirePost();
    Objects.requireNonNull(old, "old");
    if (old.era() != Era.PRE_REFORM) {
      throw new IllegalArgumentException("not a pre-reform unit");
    }
    List<Succession> out = new ArrayList<>();
    for (UnitTable.Link link : table.successorLinks(old)) {
      Division to =
          old.level() == Level.PROVINCE ? provinces.get(link.code()) : communes.get(link.code());
      out.add(new Succession(old, to, link.share()));
    }
    return List.copyOf(out);
  }

  /**
   * The pre-reform units that went, whole or in part, into a post-reform commune.
   *
   * @param current a commune of this view
   * @return the successions, ordered by old code
   * @throws IllegalStateException if this is the pre-reform view
   * @throws IllegalArgumentException if {@code current} is not a post-reform unit
   */
  public List<Succession> predecessorsOf(Division current) {
    requirePost();
    Objects.requireNonNull(current, "current");
    if (current.era() != Era.POST_REFORM) {
      throw new IllegalArgumentException("not a post-reform unit");
    }
    List<Succession> out = new ArrayList<>();
    for (UnitTable.Link link : table.predecessorLinks(current.code())) {
      out.add(new Succession(table.preUnit(link.code()), current, link.share()));
    }
    return List.copyOf(out);
  }

  private void requirePost() {
    if (era != Era.POST_REFORM) {
      throw new IllegalStateException("successions are answered by a post-reform view");
    }
  }

  /** The units of a level whose name matches the part, within a scope (see the class comment). */
  List<Division> match(NamePart part, Level level, Predicate<Division> scope) {
    Map<String, List<Division>> index =
        level == Level.PROVINCE
            ? provinceNames
            : level == Level.DISTRICT ? districtNames : communeNames;
    List<Division> found = filter(index.get(part.key()), scope);
    String typeWord = null;
    if (found.isEmpty() && part.strippedKey() != null && allows(part.typeWord(), level)) {
      found = filter(index.get(part.strippedKey()), scope);
      typeWord = part.typeWord();
    }
    if (found.size() < 2) {
      return found;
    }
    if (typeWord != null) {
      List<Division> typed = new ArrayList<>();
      for (Division d : found) {
        if (d.type().prefix().equals(typeWord)) {
          typed.add(d);
        }
      }
      if (!typed.isEmpty()) {
        found = typed;
      }
    }
    if (found.size() > 1) {
      String tone = part.toneKey(typeWord != null);
      List<Division> toned = new ArrayList<>();
      for (Division d : found) {
        if (PlaceNames.toneKey(PlaceNames.bare(d.name(), d.type())).equals(tone)) {
          toned.add(d);
        }
      }
      if (!toned.isEmpty()) {
        found = toned;
      }
    }
    return found;
  }

  /** Whether a type word can start the name of a unit of this level ("Thành phố": two levels). */
  private static boolean allows(String typeWord, Level level) {
    for (Division.Type t : Division.Type.values()) {
      if (t.level() == level && t.prefix().equals(typeWord)) {
        return true;
      }
    }
    return false;
  }

  private static List<Division> filter(List<Division> units, Predicate<Division> scope) {
    if (units == null) {
      return List.of();
    }
    List<Division> out = new ArrayList<>(units.size());
    for (Division d : units) {
      if (scope.test(d)) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "UnitView[" + era + " from " + from + ", " + communes.size() + " communes]";
  }
}
