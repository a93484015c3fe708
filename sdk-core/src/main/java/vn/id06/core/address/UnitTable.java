package vn.id06.core.address;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.id06.core.address.Division.Level;
import vn.id06.core.address.Succession.Share;

/**
 * The commune-level tables, loaded once from the compact resource {@code units.txt} beside this
 * class (generated from the statistics office's code lists and the reform's mapping; see
 * docs/ADDRESSES.md). Immutable after construction and thread-safe.
 *
 * <p>Resource lines, '|'-separated. A unit is given by a type letter, the lookup key of its name
 * without the type word ({@link PlaceNames#key} of it, computed when the resource is generated),
 * and its name without the type word (the type letter gives it; a name starting with "=" is kept
 * verbatim): {@code V|format|date} header; {@code p|code|type|key|name} pre-reform province; {@code
 * d|code|province|type|key|name} pre-reform district; {@code c|code|district|type|key|name}
 * pre-reform commune; {@code P|code|type|key|name} and {@code C|code|province|type|key|name}
 * post-reform province and commune as on 1 July 2025; {@code A|effective|code|type|key|name} a
 * later change of name or type (same code); {@code M|old|new|w-or-p} a mapping row, sorted by old
 * then new code; {@code X|district|new} an island district that became a special zone. Codes have 2
 * (province), 3 (district) or 5 (commune) digits.
 *
 * <p>The loader reads the resource's bytes in one pass without splitting lines into strings: codes
 * are parsed to {@code int}s in place and units are held in arrays indexed by code, so a lookup by
 * code is an array access and the mapping is a pair of sorted {@code int} arrays.
 */
final class UnitTable {
  static final String RESOURCE = "units.txt";
  static final LocalDate PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

  /** Codes of 2, 3 and 5 digits index arrays of these sizes. */
  private static final int PROVINCE_CODES = 100;

  private static final int DISTRICT_CODES = 1000;

  /** One end of a mapping row: a commune's code, or an island district's when {@code district}. */
  record Link(int code, boolean district, Share share) {}

  /** A 2026 change: from {@code date} on, unit {@code code} was no longer {@code type name}. */
  private record Amendment(LocalDate date, int code, Division.Type type, String name) {}

  /** An amendment line as read, applied once the whole resource is read. */
  private record AmendmentRow(
      LocalDate date, int code, boolean province, char type, String key, String name) {}

  private final LocalDate newest;
  private final UnitView pre;
  private final LocalDate[] postDates;
  private final Amendment[] amendments;
  private final int communeCodes;
  private final UnitView[] post;
  // The mapping as parallel arrays sorted by (old, new); byNew indexes them sorted by (new, old).
  private final int[] mapOld;
  private final int[] mapNew;
  private final boolean[] mapPart;
  private final int[] byNew;
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
      return load(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses the compact form (UTF-8); a malformed resource is a build defect
   * (IllegalStateException).
   */
  static UnitTable load(byte[] resource) {
    return new UnitTable(resource);
  }

  /** A cursor over the resource's lines and their '|'-separated fields. */
  private static final class Cursor {
    private final byte[] b;
    private int pos;
    private int end;
    private int next;
    private int lineNo;
    private int start;
    private byte[] scratch = new byte[256];
    // Each type's word in UTF-8.
    private final Map<Division.Type, byte[]> prefixes = new EnumMap<>(Division.Type.class);

    Cursor(byte[] b) {
      this.b = b;
      for (Division.Type t : Division.Type.values()) {
        prefixes.put(t, t.prefix().getBytes(StandardCharsets.UTF_8));
      }
    }

    /** Moves to the next line; false at the end. */
    boolean line() {
      if (next >= b.length) {
        return false;
      }
      pos = next;
      int e = pos;
      while (e < b.length && b[e] != '\n') {
        e++;
      }
      next = e + 1;
      end = e > pos && b[e - 1] == '\r' ? e - 1 : e;
      lineNo++;
      return true;
    }

    boolean skip() {
      return pos == end || b[pos] == '#';
    }

    /** The record letter; the cursor moves to the first field. */
    char kind() {
      char k = (char) b[pos];
      if (end - pos < 2 || b[pos + 1] != '|') {
        throw bad("no fields");
      }
      pos += 2;
      return k;
    }

    private int fieldEnd() {
      if (pos > end) {
        throw bad("missing field");
      }
      int e = pos;
      while (e < end && b[e] != '|') {
        e++;
      }
      return e;
    }

    /** A code of exactly {@code digits} ASCII digits; {@link #text()} gives it as written. */
    int code(int digits) {
      int e = fieldEnd();
      if (e - pos != digits) {
        throw bad("a code of " + digits + " digits expected");
      }
      int v = 0;
      for (int i = pos; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw bad("a code of " + digits + " digits expected");
        }
        v = v * 10 + d;
      }
      start = pos;
      pos = e + 1;
      return v;
    }

    /** The field last read by {@link #code}, as written. */
    String text() {
      return new String(b, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
    }

    char letter() {
      int e = fieldEnd();
      if (e - pos != 1) {
        throw bad("a one-letter field expected");
      }
      char c = (char) b[pos];
      pos = e + 1;
      return c;
    }

    /** An ASCII field (a name key). */
    String key() {
      int e = fieldEnd();
      String s = new String(b, pos, e - pos, StandardCharsets.ISO_8859_1);
      pos = e + 1;
      return s;
    }

    /** The last field: a name without its type word, UTF-8. */
    String name() {
      int e = nameEnd();
      String s = new String(b, pos, e - pos, StandardCharsets.UTF_8);
      pos = e + 1;
      return s;
    }

    /**
     * The last field as a full name: the type word, a space and the name, decoded once; a name
     * starting with "=" is the full name as written.
     */
    String fullName(Division.Type type) {
      int e = nameEnd();
      String s;
      if (b[pos] == '=') {
        s = new String(b, pos + 1, e - pos - 1, StandardCharsets.UTF_8);
      } else {
        byte[] prefix = prefixes.get(type);
        int n = prefix.length + 1 + e - pos;
        if (scratch.length < n) {
          scratch = new byte[n * 2];
        }
        System.arraycopy(prefix, 0, scratch, 0, prefix.length);
        scratch[prefix.length] = ' ';
        System.arraycopy(b, pos, scratch, prefix.length + 1, e - pos);
        s = new String(scratch, 0, n, StandardCharsets.UTF_8);
      }
      pos = e + 1;
      return s;
    }

    private int nameEnd() {
      int e = fieldEnd();
      if (e != end || e == pos || (b[pos] == '=' && e == pos + 1)) {
        throw bad("a name expected as the last field");
      }
      return e;
    }

    /** A yyyy-mm-dd field. */
    LocalDate date() {
      int e = fieldEnd();
      if (e - pos != 10 || b[pos + 4] != '-' || b[pos + 7] != '-') {
        throw bad("a date expected");
      }
      try {
        LocalDate d = LocalDate.of(digits(pos, 4), digits(pos + 5, 2), digits(pos + 8, 2));
        pos = e + 1;
        return d;
      } catch (DateTimeException ex) {
        throw bad("a date expected");
      }
    }

    private int digits(int from, int n) {
      int v = 0;
      for (int i = from; i < from + n; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw bad("a date expected");
        }
        v = v * 10 + d;
      }
      return v;
    }

    /** Requires the line to be fully read. */
    void done() {
      if (pos != end + 1) {
        throw bad("too many fields");
      }
    }

    IllegalStateException bad(String what) {
      return new IllegalStateException(RESOURCE + " line " + lineNo + ": " + what);
    }
  }

  private UnitTable(byte[] resource) {
    Division[] preProvinces = new Division[PROVINCE_CODES];
    Division[] preDistricts = new Division[DISTRICT_CODES];
    int[] districtProvince = new int[DISTRICT_CODES];
    Division[] preCommunes = new Division[16384];
    int[] communeDistrict = new int[16384];
    Map<String, Division[]> preProvinceNames = new HashMap<>();
    Map<String, Division[]> preDistrictNames = new HashMap<>(1024);
    Map<String, Division[]> preCommuneNames = new HashMap<>(16384);
    char[] postProvinceType = new char[PROVINCE_CODES];
    String[] postProvinceKey = new String[PROVINCE_CODES];
    String[] postProvinceName = new String[PROVINCE_CODES];
    String[] postProvinceCode = new String[PROVINCE_CODES];
    int[] postCommuneProvince = new int[16384];
    char[] postCommuneType = new char[16384];
    String[] postCommuneKey = new String[16384];
    String[] postCommuneName = new String[16384];
    String[] postCommuneCode = new String[16384];
    List<AmendmentRow> amendmentRows = new ArrayList<>();
    int[] old = new int[16384];
    int[] neu = new int[16384];
    boolean[] part = new boolean[16384];
    int rows = 0;
    int[] isleOld = new int[8];
    int[] isleNew = new int[8];
    int isles = 0;
    LocalDate date = null;
    Cursor f = new Cursor(resource);
    while (f.line()) {
      if (f.skip()) {
        continue;
      }
      switch (f.kind()) {
        case 'V' -> {
          if (f.code(1) != 2) {
            throw f.bad("format 2 expected");
          }
          date = f.date();
        }
        case 'p' -> {
          int code = f.code(2);
          String text = f.text();
          Division.Type type = type(Level.PROVINCE, f);
          String key = f.key();
          Division d = new Division(Era.PRE_REFORM, type, text, f.fullName(type), null);
          preProvinces[fresh(preProvinces, code, f)] = d;
          file(preProvinceNames, key, d);
        }
        case 'd' -> {
          int code = f.code(3);
          String text = f.text();
          int province = f.code(2);
          Division.Type type = type(Level.DISTRICT, f);
          String key = f.key();
          Division d =
              new Division(
                  Era.PRE_REFORM, type, text, f.fullName(type), need(preProvinces, province, f));
          preDistricts[fresh(preDistricts, code, f)] = d;
          districtProvince[code] = province;
          file(preDistrictNames, key, d);
        }
        case 'c' -> {
          int code = f.code(5);
          String text = f.text();
          int district = f.code(3);
          Division.Type type = type(Level.COMMUNE, f);
          String key = f.key();
          if (code >= preCommunes.length) {
            int n = grown(preCommunes.length, code);
            preCommunes = Arrays.copyOf(preCommunes, n);
            communeDistrict = Arrays.copyOf(communeDistrict, n);
          }
          Division d =
              new Division(
                  Era.PRE_REFORM, type, text, f.fullName(type), need(preDistricts, district, f));
          preCommunes[fresh(preCommunes, code, f)] = d;
          communeDistrict[code] = district;
          file(preCommuneNames, key, d);
        }
        case 'P' -> {
          int code = f.code(2);
          postProvinceCode[fresh(postProvinceCode, code, f)] = f.text();
          postProvinceType[code] = f.letter();
          postProvinceKey[code] = f.key();
          postProvinceName[code] = f.name();
        }
        case 'C' -> {
          int code = f.code(5);
          String text = f.text();
          if (code >= postCommuneCode.length) {
            int n = grown(postCommuneCode.length, code);
            postCommuneProvince = Arrays.copyOf(postCommuneProvince, n);
            postCommuneType = Arrays.copyOf(postCommuneType, n);
            postCommuneKey = Arrays.copyOf(postCommuneKey, n);
            postCommuneName = Arrays.copyOf(postCommuneName, n);
            postCommuneCode = Arrays.copyOf(postCommuneCode, n);
          }
          postCommuneCode[fresh(postCommuneCode, code, f)] = text;
          postCommuneProvince[code] = f.code(2);
          postCommuneType[code] = f.letter();
          postCommuneKey[code] = f.key();
          postCommuneName[code] = f.name();
        }
        case 'A' -> {
          LocalDate effective = f.date();
          boolean province = f.fieldEnd() - f.pos == 2;
          int code = f.code(province ? 2 : 5);
          amendmentRows.add(
              new AmendmentRow(effective, code, province, f.letter(), f.key(), f.name()));
        }
        case 'M' -> {
          if (rows == old.length) {
            old = Arrays.copyOf(old, rows * 2);
            neu = Arrays.copyOf(neu, rows * 2);
            part = Arrays.copyOf(part, rows * 2);
          }
          old[rows] = f.code(5);
          neu[rows] = f.code(5);
          char share = f.letter();
          if (share != 'w' && share != 'p') {
            throw f.bad("share w or p expected");
          }
          part[rows] = share == 'p';
          if (rows > 0
              && Long.compare(key(old[rows - 1], neu[rows - 1]), key(old[rows], neu[rows])) >= 0) {
            throw f.bad("mapping not sorted");
          }
          rows++;
        }
        case 'X' -> {
          if (isles == isleOld.length) {
            isleOld = Arrays.copyOf(isleOld, isles * 2);
            isleNew = Arrays.copyOf(isleNew, isles * 2);
          }
          isleOld[isles] = f.code(3);
          isleNew[isles] = f.code(5);
          isles++;
        }
        default -> throw f.bad("unknown record");
      }
      f.done();
    }
    if (date == null) {
      throw new IllegalStateException(RESOURCE + ": no header");
    }
    this.newest = date;

    // The 2026 amendments, in date order (stable: a file's order within a day), applied to the
    // reform-day rows; each remembers what it replaced so that earlier views can be rebuilt.
    amendmentRows.sort(Comparator.comparing(AmendmentRow::date));
    List<LocalDate> dates = new ArrayList<>();
    dates.add(REFORM_DAY);
    List<Amendment> changes = new ArrayList<>();
    for (AmendmentRow a : amendmentRows) {
      char[] types = a.province() ? postProvinceType : postCommuneType;
      String[] keys = a.province() ? postProvinceKey : postCommuneKey;
      String[] names = a.province() ? postProvinceName : postCommuneName;
      if (a.code() >= names.length || names[a.code()] == null) {
        throw new IllegalStateException(RESOURCE + ": amendment of an unknown unit " + a.code());
      }
      Level level = a.province() ? Level.PROVINCE : Level.COMMUNE;
      Division.Type type = Division.Type.of(level, types[a.code()]);
      changes.add(new Amendment(a.date(), a.code(), type, fullName(type, names[a.code()])));
      types[a.code()] = a.type();
      keys[a.code()] = a.key();
      names[a.code()] = a.name();
      if (!dates.get(dates.size() - 1).equals(a.date())) {
        dates.add(a.date());
      }
    }
    this.postDates = dates.toArray(new LocalDate[0]);
    this.amendments = changes.toArray(new Amendment[0]);

    // Today's units, filed by name key in code order.
    Division[] provinces = new Division[PROVINCE_CODES];
    Map<String, Division[]> provinceNames = new HashMap<>();
    for (int p = 0; p < PROVINCE_CODES; p++) {
      if (postProvinceCode[p] != null) {
        provinces[p] =
            unit(
                Era.POST_REFORM,
                Level.PROVINCE,
                postProvinceType[p],
                postProvinceCode[p],
                postProvinceName[p],
                null);
        file(provinceNames, postProvinceKey[p], provinces[p]);
      }
    }
    int communeCodes = 0;
    for (int c = 0; c < postCommuneCode.length; c++) {
      if (postCommuneCode[c] != null) {
        communeCodes = c + 1;
      }
    }
    this.communeCodes = communeCodes;
    Division[] communes = new Division[communeCodes];
    Map<String, Division[]> communeNames = new HashMap<>(8192);
    for (int c = 0; c < communeCodes; c++) {
      if (postCommuneCode[c] != null) {
        Division p = provinces[postCommuneProvince[c]];
        if (p == null) {
          throw new IllegalStateException(RESOURCE + ": commune " + c + " in no province");
        }
        communes[c] =
            unit(
                Era.POST_REFORM,
                Level.COMMUNE,
                postCommuneType[c],
                postCommuneCode[c],
                postCommuneName[c],
                p);
        file(communeNames, postCommuneKey[c], communes[c]);
      }
    }

    // The mapping, and the province successions it implies.
    this.mapOld = Arrays.copyOf(old, rows);
    this.mapNew = Arrays.copyOf(neu, rows);
    this.mapPart = Arrays.copyOf(part, rows);
    long[] order = new long[rows];
    for (int i = 0; i < rows; i++) {
      // new (17 bits), old (17 bits), row (at most 2^29 rows): sorts by (new, old).
      order[i] = ((long) mapNew[i] << 46) | ((long) mapOld[i] << 29) | i;
    }
    Arrays.sort(order);
    this.byNew = new int[rows];
    for (int i = 0; i < rows; i++) {
      byNew[i] = (int) (order[i] & ((1 << 29) - 1));
    }
    int[] provinceSucc = new int[PROVINCE_CODES];
    Arrays.fill(provinceSucc, -1);
    for (int i = 0; i < rows; i++) {
      if (mapOld[i] >= preCommunes.length || preCommunes[mapOld[i]] == null) {
        throw new IllegalStateException(
            RESOURCE + ": mapping from an unknown commune " + mapOld[i]);
      }
      if (mapNew[i] >= communes.length || communes[mapNew[i]] == null) {
        throw new IllegalStateException(RESOURCE + ": mapping to an unknown commune " + mapNew[i]);
      }
      int from = districtProvince[communeDistrict[mapOld[i]]];
      int to = postCommuneProvince[mapNew[i]];
      if (provinceSucc[from] >= 0 && provinceSucc[from] != to) {
        throw new IllegalStateException(RESOURCE + ": a province maps to two provinces");
      }
      provinceSucc[from] = to;
    }
    this.provinceSuccessor = provinceSucc;
    for (int i = 0; i < isles; i++) {
      if (preDistricts[isleOld[i]] == null
          || isleNew[i] >= communes.length
          || communes[isleNew[i]] == null) {
        throw new IllegalStateException(RESOURCE + ": island district of unknown units");
      }
    }
    this.islandOld = Arrays.copyOf(isleOld, isles);
    this.islandNew = Arrays.copyOf(isleNew, isles);

    this.pre =
        new UnitView(
            this,
            Era.PRE_REFORM,
            PRE_REFORM_DAY,
            preProvinces,
            preDistricts,
            trimmed(preCommunes),
            withAliases(preProvinceNames),
            preDistrictNames,
            preCommuneNames);
    this.post = new UnitView[postDates.length];
    // Today's view is built now (addresses resolve against it); earlier ones on first use.
    post[post.length - 1] =
        new UnitView(
            this,
            Era.POST_REFORM,
            postDates[post.length - 1],
            provinces,
            new Division[0],
            communes,
            withAliases(provinceNames),
            Map.of(),
            communeNames);
  }

  private static Division.Type type(Level level, Cursor f) {
    char letter = f.letter();
    for (Division.Type t : Division.Type.values()) {
      if (t.level() == level && t.letter() == letter) {
        return t;
      }
    }
    throw f.bad("no unit type " + letter + " at level " + level);
  }

  /** Files a unit under its name key (units come in code order, so each entry is in code order). */
  private static void file(Map<String, Division[]> names, String key, Division d) {
    names.merge(key, new Division[] {d}, UnitView::concat);
  }

  private static int grown(int length, int code) {
    return Math.max(length * 2, code + 1);
  }

  private static Division[] trimmed(Division[] units) {
    int n = units.length;
    while (n > 0 && units[n - 1] == null) {
      n--;
    }
    return Arrays.copyOf(units, n);
  }

  private UnitView postView(int i) {
    synchronized (post) {
      if (post[i] == null) {
        post[i] = revertedView(i);
      }
      return post[i];
    }
  }

  /** View {@code i}: today's units with the changes made after its date undone. */
  private UnitView revertedView(int i) {
    LocalDate from = postDates[i];
    Amendment[] undoProvince = new Amendment[PROVINCE_CODES];
    Amendment[] undoCommune = new Amendment[communeCodes];
    for (Amendment a : amendments) {
      if (a.date().isAfter(from)) {
        Amendment[] undo = a.type().level() == Level.PROVINCE ? undoProvince : undoCommune;
        if (undo[a.code()] == null) {
          undo[a.code()] = a;
        }
      }
    }
    UnitView today = current();
    Division[] provinces = new Division[PROVINCE_CODES];
    for (Division p : today.provinces()) {
      int code = Integer.parseInt(p.code());
      provinces[code] = reverted(p, undoProvince[code], null);
    }
    Division[] communes = new Division[communeCodes];
    for (Division c : today.communes()) {
      int code = Integer.parseInt(c.code());
      communes[code] =
          reverted(c, undoCommune[code], provinces[Integer.parseInt(c.province().code())]);
    }
    return new UnitView(
        this,
        Era.POST_REFORM,
        from,
        provinces,
        new Division[0],
        communes,
        provinceIndex(provinces),
        Map.of(),
        UnitView.index(communes));
  }

  private static Division reverted(Division d, Amendment a, Division parent) {
    return a == null
        ? new Division(d.era(), d.type(), d.code(), d.name(), parent)
        : new Division(d.era(), a.type(), d.code(), a.name(), parent);
  }

  /** Province names, plus the short forms seen in addresses, as {@link PlaceNames#key} keys. */
  private static Map<String, Division[]> provinceIndex(Division[] provinces) {
    return withAliases(UnitView.index(provinces));
  }

  private static Map<String, Division[]> withAliases(Map<String, Division[]> index) {
    // Short form -> the key of the name it stands for (in whichever era has that name).
    String[][] aliases = {
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
    for (String[] a : aliases) {
      Division[] target = index.get(a[1]);
      if (target != null) {
        index.putIfAbsent(a[0], target);
      }
    }
    return index;
  }

  private static Division unit(
      Era era, Level level, char typeLetter, String code, String bareName, Division parent) {
    Division.Type type = Division.Type.of(level, typeLetter);
    return new Division(era, type, code, fullName(type, bareName), parent);
  }

  private static String fullName(Division.Type type, String bareName) {
    // "=" marks a name kept verbatim because its type word is written otherwise ("Thị Xã").
    return bareName.startsWith("=") ? bareName.substring(1) : type.prefix() + " " + bareName;
  }

  private static long key(int first, int second) {
    return ((long) first << 32) | second;
  }

  private static int fresh(Object[] units, int code, Cursor f) {
    if (units[code] != null) {
      throw f.bad("code " + code + " twice");
    }
    return code;
  }

  private static Division need(Division[] units, int code, Cursor f) {
    if (units[code] == null) {
      throw f.bad("unknown parent " + code);
    }
    return units[code];
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
    int i = Arrays.binarySearch(mapOld, code);
    if (i < 0) {
      return List.of();
    }
    while (i > 0 && mapOld[i - 1] == code) {
      i--;
    }
    List<Link> out = new ArrayList<>(2);
    for (; i < mapOld.length && mapOld[i] == code; i++) {
      out.add(new Link(mapNew[i], false, mapPart[i] ? Share.PART : Share.WHOLE));
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
      out.add(new Link(mapOld[row], false, mapPart[row] ? Share.PART : Share.WHOLE));
    }
    return out;
  }

  /** The pre-reform unit of a predecessor link: a commune or an island district. */
  Division preUnit(Link link) {
    return link.district() ? pre.districtAt(link.code()) : pre.communeAt(link.code());
  }

  /** The post-reform province that took a pre-reform province, or null. */
  String provinceSuccessor(String preCode) {
    int to = provinceSuccessor[Integer.parseInt(preCode)];
    return to < 0 ? null : code2(to);
  }

  private static String code2(int code) {
    return code < 10 ? "0" + code : Integer.toString(code);
  }
}
