package vn.id06.core.address;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
  private final UnitTable.Rows provinceRows;
  private final UnitTable.Rows districtRows;
  private final UnitTable.Rows communeRows;
  // Units indexed by their code as a number (codes have a fixed number of digits per level), made
  // from the rows on first use. Two threads may both make a unit: they make equal units, and a
  // Division's fields are final, so either one is seen whole.
  private final Division[] provinces;
  private final Division[] districts;
  private final Division[] communes;
  private final NameIndex provinceNames;
  private final NameIndex districtNames;
  private final NameIndex communeNames;

  UnitView(
      UnitTable table,
      Era era,
      LocalDate from,
      UnitTable.Rows provinceRows,
      UnitTable.Rows districtRows,
      UnitTable.Rows communeRows,
      NameIndex provinceNames,
      NameIndex districtNames,
      NameIndex communeNames) {
    this.table = table;
    this.era = era;
    this.from = from;
    this.provinceRows = provinceRows;
    this.districtRows = districtRows;
    this.communeRows = communeRows;
    this.provinces = new Division[provinceRows.codes()];
    this.districts = new Division[districtRows.codes()];
    this.communes = new Division[communeRows.codes()];
    this.provinceNames = provinceNames;
    this.districtNames = districtNames;
    this.communeNames = communeNames;
  }

  /** Stands in the caches for a code without a unit, so that a miss is looked for once. */
  private static final Division NONE =
      new Division(Era.PRE_REFORM, Division.Type.COMMUNE, "-", "-", null);

  /** The unit of a level with this numeric code, made on first use; null when there is none. */
  // The sentinel is compared by identity: an equal unit cannot exist (no code is "-").
  @SuppressWarnings("ReferenceEquality")
  Division unit(Level level, int code) {
    return unit(
        level == Level.PROVINCE ? provinces : level == Level.DISTRICT ? districts : communes,
        level,
        code);
  }

  @SuppressWarnings("ReferenceEquality") // as above
  private Division unit(Division[] units, Level level, int code) {
    if (code < 0 || code >= units.length) {
      return null;
    }
    Division d = units[code];
    if (d == null) {
      d = make(level, code);
      units[code] = d == null ? NONE : d;
    }
    return d == NONE ? null : d;
  }

  private Division make(Level level, int code) {
    UnitTable.Rows rows = rows(level);
    int row = rows.find(code);
    if (row < 0) {
      return null;
    }
    Division parent = null;
    int digits = 2;
    if (level == Level.DISTRICT) {
      parent = unit(Level.PROVINCE, rows.parent(row));
      digits = 3;
    } else if (level == Level.COMMUNE) {
      parent = unit(era == Era.PRE_REFORM ? Level.DISTRICT : Level.PROVINCE, rows.parent(row));
      digits = 5;
    }
    return new Division(era, rows.type(row), Division.code(code, digits), rows.name(row), parent);
  }

  private UnitTable.Rows rows(Level level) {
    return level == Level.PROVINCE
        ? provinceRows
        : level == Level.DISTRICT ? districtRows : communeRows;
  }

  /** The unit of a level whose code, {@code digits} ASCII digits, is given; else null. */
  private Division at(Division[] units, Level level, String code, int digits) {
    if (code.length() != digits) {
      return null;
    }
    int v = 0;
    for (int i = 0; i < digits; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return unit(units, level, v);
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
    return Optional.ofNullable(
        at(provinces, Level.PROVINCE, Objects.requireNonNull(code, "code"), 2));
  }

  /**
   * A district by code (pre-reform view only: later views have none).
   *
   * @param code three digits
   * @return the district, or empty
   */
  public Optional<Division> district(String code) {
    return Optional.ofNullable(
        at(districts, Level.DISTRICT, Objects.requireNonNull(code, "code"), 3));
  }

  /**
   * A commune-level unit by code in this view's era.
   *
   * @param code five digits
   * @return the unit, or empty
   */
  public Optional<Division> commune(String code) {
    return Optional.ofNullable(
        at(communes, Level.COMMUNE, Objects.requireNonNull(code, "code"), 5));
  }

  /**
   * All provinces, ordered by code.
   *
   * @return an immutable list
   */
  public List<Division> provinces() {
    return units(Level.PROVINCE);
  }

  /**
   * All districts, ordered by code (empty after the reform).
   *
   * @return an immutable list
   */
  public List<Division> districts() {
    return units(Level.DISTRICT);
  }

  /**
   * All commune-level units, ordered by code.
   *
   * @return an immutable list
   */
  public List<Division> communes() {
    return units(Level.COMMUNE);
  }

  /** A level's units in code order. */
  List<Division> units(Level level) {
    UnitTable.Rows rows = rows(level);
    Division[] list = new Division[rows.count()];
    for (int i = 0; i < list.length; i++) {
      list[i] = unit(level, rows.code(i));
    }
    return List.of(list);
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
          unit(old.level() == Level.PROVINCE ? Level.PROVINCE : Level.COMMUNE, link.code());
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
    if (current.level() != Level.COMMUNE) {
      return List.of();
    }
    List<Succession> out = new ArrayList<>();
    for (UnitTable.Link link : table.predecessorLinks(Integer.parseInt(current.code()))) {
      out.add(new Succession(table.preUnit(link), current, link.share()));
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
    NameIndex index = names(level);
    List<Division> found = filter(index.get(part.key(), this, level), scope);
    String typeWord = null;
    if (found.isEmpty() && part.strippedKey() != null && allows(part.typeWord(), level)) {
      found = filter(index.get(part.strippedKey(), this, level), scope);
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

  private NameIndex names(Level level) {
    return level == Level.PROVINCE
        ? provinceNames
        : level == Level.DISTRICT ? districtNames : communeNames;
  }

  /** The name keys of a level's index (for the tests that hold it to the loader it replaced). */
  Set<String> nameKeys(Level level) {
    return Collections.unmodifiableSet(names(level).keys(this, level));
  }

  /** The units of a level filed under a name key, in code order; empty when none. */
  List<Division> withKey(Level level, String key) {
    Division[] units = names(level).get(key, this, level);
    return units == null ? List.of() : List.of(units);
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

  private static List<Division> filter(Division[] units, Predicate<Division> scope) {
    if (units == null) {
      return List.of();
    }
    List<Division> out = new ArrayList<>(units.length);
    for (Division d : units) {
      if (scope.test(d)) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "UnitView[" + era + " from " + from + ", " + communeRows.count() + " communes]";
  }
}
