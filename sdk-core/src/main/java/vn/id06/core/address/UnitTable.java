package vn.id06.core.address;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.id06.core.address.Division.Level;
import vn.id06.core.address.Succession.Share;

/**
 * The commune-level tables, loaded once from the binary resource {@code units.bin} beside this
 * class (generated from the statistics office's code lists and the reform's mapping by a test-scope
 * generator that also checks them; see docs/ADDRESSES.md). Immutable after construction and
 * thread-safe.
 *
 * <p>The resource (format 3, little-endian) starts with four ints: the magic number {@code
 * 0x42553649}, the format, the resource's length in bytes and the newest day as yyyymmdd. Then the
 * pool's length and the pool (UTF-8 names and ASCII keys; every offset into it is counted from the
 * start of the resource), padded to a multiple of 4 bytes. Arrays follow, each an int length, the
 * elements (int, char or byte) and padding to a multiple of 4 bytes: for the pre-reform provinces,
 * districts and communes and the reform-day provinces and communes, each sorted by code, the codes
 * (char), the parent codes (char; 0 for a province), the type letters (byte) and the bounds of
 * their full names in the pool (int, one more than the units); the 2026 amendments in date order,
 * {@value #AMENDMENT} ints each (yyyymmdd, 0 for a province or 1 for a commune, code, type letter,
 * name offset, name length); the mapping sorted by old then new code (old codes, new codes as
 * chars, part flags as bytes) and its row numbers sorted by new code (char); the island districts
 * that became special zones (old district codes, new codes; int); each pre-reform province's
 * successor by code (int, -1 for none); five name indexes (pre-reform provinces, districts,
 * communes; today's provinces, communes), each an open-addressing table (char: entry number plus
 * one, 0 empty; slot: {@link NameIndex#spread} of the key's {@code String.hashCode}, masked; linear
 * probing), the bounds of the entries' keys in the pool (int, ASCII), the bounds of their units in
 * the next array (char) and the units' codes in code order (char).
 *
 * <p>Loading reads the resource into one array of its exact length (kept: it is the pool), copies
 * the arrays in bulk and decodes no name: a unit ({@link Division}) is made on first use and kept,
 * so a fresh JVM does not pay for the 14,000 units it does not ask about.
 */
final class UnitTable {
  static final String RESOURCE = "units.bin";
  static final int MAGIC = 0x42553649;
  static final int FORMAT = 3;
  static final int AMENDMENT = 6;
  private static final int MAX_LENGTH = 16 << 20;

  /** Where the pool starts: after the header and its length. */
  static final int POOL = 20;

  static final LocalDate PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

  /** Codes of 2 and 3 digits index arrays of these sizes. */
  static final int PROVINCE_CODES = 100;

  static final int DISTRICT_CODES = 1000;

  /**
   * Short forms of province names seen in addresses: the short form's key, then the key of the name
   * it stands for (in whichever era has that name). The generator files them in the resource's
   * indexes; the views built at run time add them to theirs.
   */
  static final String[][] PROVINCE_ALIASES = {
    {"hcm", "hochiminh"},
    {"saigon", "hochiminh"},
    {"hn", "hanoi"},
    {"daclac", "daklak"},
    {"baccan", "backan"},
    {"daknong", "daknong"},
    {"dacnong", "daknong"},
    {"brvt", "bariavungtau"},
    {"thuathienhue", "hue"},
    {"tthue", "hue"}
  };

  /** One end of a mapping row: a commune's code, or an island district's when {@code district}. */
  record Link(int code, boolean district, Share share) {}

  /**
   * One level's units in one view, sorted by code: codes, parent codes (0 for a province), type
   * letters, and the bounds of their full names in the pool (UTF-8, one after the other); a view
   * with amendments has some names elsewhere in the pool.
   */
  static final class Rows {
    private final char[] codes;
    private final char[] parents;
    private final byte[] types;
    private final int[] nameBounds;
    private final byte[] pool;
    private final Level level;
    // Amended names (offset, length) by row, or null; length 0: not amended.
    private final int[] amendedOff;
    private final int[] amendedLen;

    Rows(char[] codes, char[] parents, byte[] types, int[] nameBounds, byte[] pool, Level level) {
      this(codes, parents, types, nameBounds, pool, level, null, null);
      if (parents.length != codes.length
          || types.length != codes.length
          || nameBounds.length != codes.length + 1) {
        throw new IllegalStateException(RESOURCE + ": unit columns of different lengths");
      }
    }

    private Rows(
        char[] codes,
        char[] parents,
        byte[] types,
        int[] nameBounds,
        byte[] pool,
        Level level,
        int[] amendedOff,
        int[] amendedLen) {
      this.codes = codes;
      this.parents = parents;
      this.types = types;
      this.nameBounds = nameBounds;
      this.pool = pool;
      this.level = level;
      this.amendedOff = amendedOff;
      this.amendedLen = amendedLen;
    }

    static Rows none(byte[] pool, Level level) {
      return new Rows(new char[0], new char[0], new byte[0], new int[1], pool, level);
    }

    /** One more than the highest code. */
    int codes() {
      return codes.length == 0 ? 0 : codes[codes.length - 1] + 1;
    }

    int count() {
      return codes.length;
    }

    int code(int row) {
      return codes[row];
    }

    int parent(int row) {
      return parents[row];
    }

    Division.Type type(int row) {
      return Division.Type.of(level, (char) types[row]);
    }

    String name(int row) {
      if (amendedLen != null && amendedLen[row] > 0) {
        return new String(pool, amendedOff[row], amendedLen[row], StandardCharsets.UTF_8);
      }
      int from = nameBounds[row];
      return new String(pool, from, nameBounds[row + 1] - from, StandardCharsets.UTF_8);
    }

    /** The row of a code, or -1. */
    int find(int code) {
      int lo = 0;
      int hi = codes.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = codes[mid];
        if (c < code) {
          lo = mid + 1;
        } else if (c > code) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }

    /** These rows with the amendments of this level up to {@code until} applied, in order. */
    Rows amended(int[] amendments, int until) {
      byte[] t = types.clone();
      int[] off = new int[codes.length];
      int[] len = new int[codes.length];
      int lv = level == Level.PROVINCE ? 0 : 1;
      for (int a = 0; a < amendments.length; a += AMENDMENT) {
        if (amendments[a] <= until && amendments[a + 1] == lv) {
          int row = find(amendments[a + 2]);
          if (row < 0) {
            throw new IllegalStateException(RESOURCE + ": amendment of an unknown unit");
          }
          t[row] = (byte) amendments[a + 3];
          off[row] = amendments[a + 4];
          len[row] = amendments[a + 5];
        }
      }
      return new Rows(codes, parents, t, nameBounds, pool, level, off, len);
    }
  }

  private final LocalDate newest;
  private final UnitView pre;
  private final LocalDate[] postDates;
  private final int[] amendments;
  private final Rows reformProvinces;
  private final Rows reformCommunes;
  private final UnitView[] post;
  // The mapping as parallel arrays sorted by (old, new); byNew indexes them sorted by (new, old).
  private final char[] mapOld;
  private final char[] mapNew;
  private final byte[] mapPart;
  private final char[] byNew;
  private final int[] islandOld;
  private final int[] islandNew;
  // Pre-reform province code -> the post-reform province that took it, or -1.
  private final int[] provinceSuccessor;

  private static final class Holder {
    static final UnitTable TABLE = loadBuiltIn();
  }

  static UnitTable builtIn() {
    return Holder.TABLE;
  }

  private static UnitTable loadBuiltIn() {
    try (InputStream in = UnitTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from sdk-core");
      }
      // The header gives the length: one array of that size, filled once (readAllBytes would
      // gather chunks and copy them, touching twice the memory).
      byte[] head = in.readNBytes(16);
      int length =
          head.length < 16
              ? head.length
              : ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
      if (length < head.length || length > MAX_LENGTH) {
        return load(head);
      }
      byte[] all = new byte[length];
      System.arraycopy(head, 0, all, 0, head.length);
      int n = head.length;
      while (n < length) {
        int r = in.read(all, n, length - n);
        if (r < 0) {
          return load(Arrays.copyOf(all, n));
        }
        n += r;
      }
      return load(all);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads the binary form; a malformed resource is a build defect (IllegalStateException). */
  static UnitTable load(byte[] resource) {
    try {
      return new UnitTable(resource);
    } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
      throw new IllegalStateException(RESOURCE + ": truncated or malformed", e);
    }
  }

  /** A reader of the resource's arrays: a length, the elements, padding to a multiple of 4. */
  private static final class In {
    private final ByteBuffer buf;

    In(byte[] resource) {
      this.buf = ByteBuffer.wrap(resource).order(ByteOrder.LITTLE_ENDIAN);
    }

    int i32() {
      return buf.getInt();
    }

    private int length(int multiple, int width) {
      int n = buf.getInt();
      if (n < 0 || n % multiple != 0 || n > buf.remaining() / width) {
        throw new IllegalStateException(RESOURCE + ": bad array length " + n);
      }
      return n;
    }

    int[] ints(int multiple) {
      int[] a = new int[length(multiple, 4)];
      buf.asIntBuffer().get(a);
      buf.position(buf.position() + a.length * 4);
      return a;
    }

    char[] chars() {
      char[] a = new char[length(1, 2)];
      buf.asCharBuffer().get(a);
      buf.position(buf.position() + (a.length * 2 + 3) / 4 * 4);
      return a;
    }

    byte[] bytes() {
      byte[] a = new byte[length(1, 1)];
      buf.get(a);
      buf.position(buf.position() + (4 - a.length % 4) % 4);
      return a;
    }

    Rows rows(byte[] pool, Level level) {
      return new Rows(chars(), chars(), bytes(), ints(1), pool, level);
    }

    NameIndex index(byte[] pool) {
      return NameIndex.of(pool, chars(), ints(1), chars(), chars());
    }
  }

  private static LocalDate day(int yyyymmdd) {
    return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  }

  private UnitTable(byte[] resource) {
    In in = new In(resource);
    if (in.i32() != MAGIC) {
      throw new IllegalStateException(RESOURCE + ": not a unit table");
    }
    if (in.i32() != FORMAT) {
      throw new IllegalStateException(RESOURCE + ": format " + FORMAT + " expected");
    }
    if (in.i32() != resource.length) {
      throw new IllegalStateException(RESOURCE + ": truncated");
    }
    this.newest = day(in.i32());
    // The pool: names and keys, at offsets counted from the start of the resource, which serves as
    // the pool as it is (no copy).
    int poolLength = in.i32();
    if (poolLength < 0 || poolLength > resource.length - POOL) {
      throw new IllegalStateException(RESOURCE + ": bad pool length");
    }
    in.buf.position(POOL + (poolLength + 3) / 4 * 4);
    byte[] pool = resource;
    Rows preProvinces = in.rows(pool, Level.PROVINCE);
    Rows preDistricts = in.rows(pool, Level.DISTRICT);
    Rows preCommunes = in.rows(pool, Level.COMMUNE);
    this.reformProvinces = in.rows(pool, Level.PROVINCE);
    this.reformCommunes = in.rows(pool, Level.COMMUNE);
    this.amendments = in.ints(AMENDMENT);
    this.mapOld = in.chars();
    this.mapNew = in.chars();
    this.mapPart = in.bytes();
    this.byNew = in.chars();
    this.islandOld = in.ints(1);
    this.islandNew = in.ints(1);
    this.provinceSuccessor = in.ints(1);
    if (mapNew.length != mapOld.length
        || mapPart.length != mapOld.length
        || byNew.length != mapOld.length
        || islandNew.length != islandOld.length
        || provinceSuccessor.length != PROVINCE_CODES) {
      throw new IllegalStateException(RESOURCE + ": mapping arrays of different lengths");
    }
    NameIndex[] indexes = new NameIndex[5];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = in.index(pool);
    }
    if (in.buf.position() != resource.length) {
      throw new IllegalStateException(RESOURCE + ": bytes after the last array");
    }

    List<LocalDate> dates = new ArrayList<>();
    dates.add(REFORM_DAY);
    int last = 0;
    for (int a = 0; a < amendments.length; a += AMENDMENT) {
      if (amendments[a] < last) {
        throw new IllegalStateException(RESOURCE + ": amendments not in date order");
      }
      if (amendments[a] != last) {
        dates.add(day(amendments[a]));
        last = amendments[a];
      }
    }
    this.postDates = dates.toArray(new LocalDate[0]);
    this.pre =
        new UnitView(
            this,
            Era.PRE_REFORM,
            PRE_REFORM_DAY,
            preProvinces,
            preDistricts,
            preCommunes,
            indexes[0],
            indexes[1],
            indexes[2]);
    this.post = new UnitView[postDates.length];
    // Today's view is made now (addresses resolve against it), with the name indexes of the
    // resource; earlier ones on first use, with indexes built from their units.
    post[post.length - 1] =
        new UnitView(
            this,
            Era.POST_REFORM,
            postDates[post.length - 1],
            reformProvinces.amended(amendments, Integer.MAX_VALUE),
            Rows.none(pool, Level.DISTRICT),
            reformCommunes.amended(amendments, Integer.MAX_VALUE),
            indexes[3],
            NameIndex.built(null),
            indexes[4]);
  }

  private UnitView postView(int i) {
    synchronized (post) {
      if (post[i] == null) {
        LocalDate from = postDates[i];
        int until = from.getYear() * 10000 + from.getMonthValue() * 100 + from.getDayOfMonth();
        Rows provinces = reformProvinces.amended(amendments, until);
        Rows communes = reformCommunes.amended(amendments, until);
        post[i] =
            new UnitView(
                this,
                Era.POST_REFORM,
                from,
                provinces,
                Rows.none(provinces.pool, Level.DISTRICT),
                communes,
                NameIndex.built(PROVINCE_ALIASES),
                NameIndex.built(null),
                NameIndex.built(null));
      }
      return post[i];
    }
  }

  /** The newest day the table covers. */
  LocalDate newest() {
    return newest;
  }

  UnitView preReform() {
    return pre;
  }

  UnitView reformDay() {
    return postView(0);
  }

  UnitView current() {
    return post[post.length - 1];
  }

  UnitView on(LocalDate date) {
    if (date.isBefore(REFORM_DAY)) {
      return pre;
    }
    int v = 0;
    for (int i = 0; i < postDates.length; i++) {
      if (!postDates[i].isAfter(date)) {
        v = i;
      }
    }
    return postView(v);
  }

  List<Link> successorLinks(Division old) {
    int code = Integer.parseInt(old.code());
    if (old.level() == Level.PROVINCE) {
      int to = provinceSuccessor[code];
      return to < 0 ? List.of() : List.of(new Link(to, false, Share.WHOLE));
    }
    if (old.level() == Level.DISTRICT) {
      for (int i = 0; i < islandOld.length; i++) {
        if (islandOld[i] == code) {
          return List.of(new Link(islandNew[i], false, Share.WHOLE));
        }
      }
      return List.of();
    }
    if (code > Character.MAX_VALUE) {
      return List.of();
    }
    int i = Arrays.binarySearch(mapOld, (char) code);
    if (i < 0) {
      return List.of();
    }
    while (i > 0 && mapOld[i - 1] == code) {
      i--;
    }
    List<Link> out = new ArrayList<>(2);
    for (; i < mapOld.length && mapOld[i] == code; i++) {
      out.add(new Link(mapNew[i], false, mapPart[i] != 0 ? Share.PART : Share.WHOLE));
    }
    return out;
  }

  List<Link> predecessorLinks(int code) {
    int lo = 0;
    int hi = byNew.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mapNew[byNew[mid]] < code) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Link> out = new ArrayList<>();
    for (int i = 0; i < islandOld.length; i++) {
      if (islandNew[i] == code) {
        out.add(new Link(islandOld[i], true, Share.WHOLE));
      }
    }
    for (int k = lo; k < byNew.length && mapNew[byNew[k]] == code; k++) {
      int row = byNew[k];
      out.add(new Link(mapOld[row], false, mapPart[row] != 0 ? Share.PART : Share.WHOLE));
    }
    return out;
  }

  /** The pre-reform unit of a predecessor link: a commune or an island district. */
  Division preUnit(Link link) {
    return pre.unit(link.district() ? Level.DISTRICT : Level.COMMUNE, link.code());
  }

  /** The post-reform province that took a pre-reform province, or null. */
  String provinceSuccessor(String preCode) {
    int to = provinceSuccessor[Integer.parseInt(preCode)];
    return to < 0 ? null : Division.code(to, 2);
  }
}
