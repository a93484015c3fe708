package vn.id06.core.address;

import java.util.Objects;
import java.util.Optional;

/**
 * One unit of the national statistics office's register of administrative units (danh mục đơn vị
 * hành chính): a province, a district (before the 2025 reform only) or a commune-level unit (xã,
 * phường, thị trấn, đặc khu), with its code in its {@link Era}'s namespace.
 *
 * <p>{@link #name()} is the official name with its type word, as the register writes it ("Xã Phước
 * Lộc", "Thành phố Hà Nội"). Unit names are public geography, so {@link #toString()} shows code and
 * name. Immutable and thread-safe; equal when era, type, code, name and parent are equal.
 */
public final class Division {

  /** The level of a unit. */
  public enum Level {
    /** Tỉnh or thành phố trực thuộc trung ương. */
    PROVINCE,
    /** Quận, huyện, thị xã, thành phố thuộc tỉnh (abolished on 1 July 2025). */
    DISTRICT,
    /** Xã, phường, thị trấn, đặc khu. */
    COMMUNE
  }

  /** The type of a unit, given by the type word that starts its official name. */
  public enum Type {
    /** Tỉnh. */
    PROVINCE("Tỉnh", Level.PROVINCE, 'T'),
    /** Thành phố trực thuộc trung ương (a centrally governed city). */
    CITY("Thành phố", Level.PROVINCE, 'C'),
    /** Quận (urban district). */
    URBAN_DISTRICT("Quận", Level.DISTRICT, 'Q'),
    /** Huyện (rural district). */
    RURAL_DISTRICT("Huyện", Level.DISTRICT, 'H'),
    /** Thị xã (district-level town). */
    TOWN("Thị xã", Level.DISTRICT, 'X'),
    /** Thành phố thuộc tỉnh (provincial city). */
    PROVINCIAL_CITY("Thành phố", Level.DISTRICT, 'T'),
    /** Phường (ward). */
    WARD("Phường", Level.COMMUNE, 'P'),
    /** Xã (rural commune). */
    COMMUNE("Xã", Level.COMMUNE, 'X'),
    /** Thị trấn (township, before the reform only). */
    TOWNSHIP("Thị trấn", Level.COMMUNE, 'T'),
    /** Đặc khu (special zone, since the reform). */
    SPECIAL_ZONE("Đặc khu", Level.COMMUNE, 'D');

    private final String prefix;
    private final Level level;
    private final char letter;

    Type(String prefix, Level level, char letter) {
      this.prefix = prefix;
      this.level = level;
      this.letter = letter;
    }

    /**
     * The type word that starts the official name, e.g. "Xã".
     *
     * @return the type word
     */
    public String prefix() {
      return prefix;
    }

    /**
     * The level of units of this type.
     *
     * @return the level
     */
    public Level level() {
      return level;
    }

    /** One letter per type within a level: the compact table's encoding. */
    char letter() {
      return letter;
    }

    static Type of(Level level, char letter) {
      for (Type t : values()) {
        if (t.level == level && t.letter == letter) {
          return t;
        }
      }
      throw new IllegalStateException("no unit type " + letter + " at level " + level);
    }
  }

  /** A code of {@code digits} digits, zero-padded. */
  static String code(int code, int digits) {
    char[] c = new char[digits];
    int v = code;
    for (int i = digits - 1; i >= 0; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(c);
  }

  private final Era era;
  private final Type type;
  private final String code;
  private final String name;
  private final Division parent;

  Division(Era era, Type type, String code, String name, Division parent) {
    this.era = Objects.requireNonNull(era, "era");
    this.type = Objects.requireNonNull(type, "type");
    this.code = Objects.requireNonNull(code, "code");
    this.name = Objects.requireNonNull(name, "name");
    this.parent = parent;
  }

  /**
   * The code namespace.
   *
   * @return the era
   */
  public Era era() {
    return era;
  }

  /**
   * The unit type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The level.
   *
   * @return the type's level
   */
  public Level level() {
    return type.level();
  }

  /**
   * The statistics office's code: 2 digits for a province, 3 for a district, 5 for a commune.
   *
   * @return the code, to be read with {@link #era()}
   */
  public String code() {
    return code;
  }

  /**
   * The official name with its type word, e.g. "Xã Phước Lộc".
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The containing unit: a commune's district before the reform, its province after; a district's
   * province; empty for a province.
   *
   * @return the parent
   */
  public Optional<Division> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * The district containing this unit (itself for a district); empty after the reform and for
   * provinces.
   *
   * @return the district
   */
  public Optional<Division> district() {
    Division d = this;
    while (d != null && d.level() != Level.DISTRICT) {
      d = d.parent;
    }
    return Optional.ofNullable(d);
  }

  /**
   * The province containing this unit (itself for a province).
   *
   * @return the province
   */
  public Division province() {
    Division d = this;
    while (d.parent != null) {
      d = d.parent;
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Division d
        && d.era == era
        && d.type == type
        && d.code.equals(code)
        && d.name.equals(name)
        && Objects.equals(d.parent, parent);
  }

  @Override
  public int hashCode() {
    // Era, type and code tell apart the units of one view; equal units agree on them. (Hashing the
    // name and the parent chain as well made every hash a walk up to the province.)
    return (era.hashCode() * 31 + type.hashCode()) * 31 + code.hashCode();
  }

  @Override
  public String toString() {
    return "Division[" + era + " " + code + " " + name + "]";
  }
}
