package vn.id06.core.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.id06.core.address.Division.Level;
import vn.id06.core.address.Succession.Share;

/**
 * Test oracle: the loader the compact tables had before they were indexed by code (kept as it was
 * written, with maps keyed by code strings, {@code String.split}-like fields per line and name
 * indexes as lists; views reduced to their maps). {@link UnitTableEquivalenceTest} holds the
 * current loader to it.
 *
 * <p>The commune-level tables, read from the text form that {@link UnitTableGenerator} makes from
 * the statistics office's code lists and the reform's mapping (the SDK's resource {@code units.bin}
 * is encoded from the same text; see docs/ADDRESSES.md). Immutable after construction and
 * thread-safe.
 *
 * <p>Resource lines, '|'-separated, names without their type word (the type letter gives it):
 * {@code V|format|date} header; {@code p|code|type|name} pre-reform province; {@code
 * d|code|province|type|name} pre-reform district; {@code c|code|district|type|name} pre-reform
 * commune; {@code P|code|type|name} and {@code C|code|province|type|name} post-reform province and
 * commune as on 1 July 2025; {@code A|effective|code|type|name} a later change of name or type
 * (same code); {@code M|old|new|w-or-p} a mapping row; {@code X|district|new} an island district
 * that became a special zone.
 */
final class LegacyUnitTable {
  static final String RESOURCE = "units.txt";
  static final LocalDate PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

  /** One end of a mapping row. */
  record Link(String code, Share share) {}

  /** A view as maps: units by code and by name key, as the old UnitView held them. */
  record LegacyView(
      Era era,
      LocalDate from,
      Map<String, Division> provinces,
      Map<String, Division> districts,
      Map<String, Division> communes,
      Map<String, List<Division>> provinceNames) {

    Map<String, List<Division>> districtNames() {
      return index(districts.values());
    }

    Map<String, List<Division>> communeNames() {
      return index(communes.values());
    }

    static Map<String, List<Division>> index(java.util.Collection<Division> units) {
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
  }

  /** A 2026 change: from {@code date} on, unit {@code code} was no longer {@code before}. */
  private record Amendment(LocalDate date, String code, Division.Type type, String name) {}

  private final LocalDate newest;
  private final LegacyView pre;
  private final List<LocalDate> postDates;
  private final List<Amendment> amendments;
  private final LegacyView[] post;
  // The mapping as parallel arrays sorted by (old, new); byNew indexes them sorted by (new, old).
  private final int[] mapOld;
  private final int[] mapNew;
  private final boolean[] mapPart;
  private final int[] byNew;
  private final Map<String, String> islands;
  private final Map<String, String> provinceSuccessor;

  /** Parses the compact form; a malformed resource is a build defect (IllegalStateException). */
  static LegacyUnitTable load(Reader source) throws IOException {
    return new LegacyUnitTable(source);
  }

  private LegacyUnitTable(Reader source) throws IOException {
    Map<String, Division> preProvinces = new LinkedHashMap<>();
    Map<String, Division> preDistricts = new LinkedHashMap<>();
    Map<String, Division> preCommunes = new LinkedHashMap<>();
    Map<String, String[]> postProvinceRows = new LinkedHashMap<>();
    Map<String, String[]> postCommuneRows = new LinkedHashMap<>();
    TreeMap<LocalDate, List<String[]>> amendments = new TreeMap<>();
    int[] old = new int[16384];
    int[] neu = new int[16384];
    boolean[] part = new boolean[16384];
    int rows = 0;
    Map<String, String> island = new HashMap<>();
    LocalDate date = null;
    BufferedReader r = new BufferedReader(source, 1 << 16);
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      String[] f = split(line);
      switch (line.charAt(0)) {
        case 'V' -> date = LocalDate.parse(f[2]);
        case 'p' ->
            put(preProvinces, f[1], unit(Era.PRE_REFORM, Level.PROVINCE, f[2], f[1], f[3], null));
        case 'd' ->
            put(
                preDistricts,
                f[1],
                unit(
                    Era.PRE_REFORM,
                    Level.DISTRICT,
                    f[3],
                    f[1],
                    f[4],
                    need(preProvinces, f[2], lineNo)));
        case 'c' ->
            put(
                preCommunes,
                f[1],
                unit(
                    Era.PRE_REFORM,
                    Level.COMMUNE,
                    f[3],
                    f[1],
                    f[4],
                    need(preDistricts, f[2], lineNo)));
        case 'P' -> postProvinceRows.put(f[1], f);
        case 'C' -> postCommuneRows.put(f[1], f);
        case 'A' ->
            amendments.computeIfAbsent(LocalDate.parse(f[1]), k -> new ArrayList<>()).add(f);
        case 'M' -> {
          if (rows == old.length) {
            old = Arrays.copyOf(old, rows * 2);
            neu = Arrays.copyOf(neu, rows * 2);
            part = Arrays.copyOf(part, rows * 2);
          }
          old[rows] = Integer.parseInt(f[1]);
          neu[rows] = Integer.parseInt(f[2]);
          part[rows] = f[3].equals("p");
          if (rows > 0
              && Long.compare(key(old[rows - 1], neu[rows - 1]), key(old[rows], neu[rows])) >= 0) {
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": mapping not sorted");
          }
          rows++;
        }
        case 'X' -> island.put(f[1], f[2]);
        default ->
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": unknown record");
      }
    }
    if (date == null) {
      throw new IllegalStateException(RESOURCE + ": no header");
    }
    this.newest = date;
    this.mapOld = Arrays.copyOf(old, rows);
    this.mapNew = Arrays.copyOf(neu, rows);
    this.mapPart = Arrays.copyOf(part, rows);
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (a, b) -> Long.compare(key(mapNew[a], mapOld[a]), key(mapNew[b], mapOld[b])));
    this.byNew = new int[rows];
    for (int i = 0; i < rows; i++) {
      byNew[i] = order[i];
    }
    this.islands = Map.copyOf(island);
    this.pre =
        new LegacyView(
            Era.PRE_REFORM,
            PRE_REFORM_DAY,
            Map.copyOf(preProvinces),
            Map.copyOf(preDistricts),
            Map.copyOf(preCommunes),
            provinceIndex(preProvinces.values()));
    List<LocalDate> dates = new ArrayList<>();
    List<Amendment> changes = new ArrayList<>();
    dates.add(REFORM_DAY);
    for (Map.Entry<LocalDate, List<String[]>> e : amendments.entrySet()) {
      for (String[] a : e.getValue()) {
        boolean province = a[2].length() == 2;
        Map<String, String[]> unitRows = province ? postProvinceRows : postCommuneRows;
        String[] before = unitRows.get(a[2]);
        if (before == null) {
          throw new IllegalStateException(RESOURCE + ": amendment of an unknown unit " + a[2]);
        }
        Level level = province ? Level.PROVINCE : Level.COMMUNE;
        Division.Type type = Division.Type.of(level, before[before.length - 2].charAt(0));
        changes.add(
            new Amendment(e.getKey(), a[2], type, fullName(type, before[before.length - 1])));
        String[] changed = before.clone();
        changed[changed.length - 2] = a[3];
        changed[changed.length - 1] = a[4];
        unitRows.put(a[2], changed);
      }
      dates.add(e.getKey());
    }
    this.postDates = List.copyOf(dates);
    this.amendments = List.copyOf(changes);
    this.post = new LegacyView[dates.size()];
    // Today's view is built now (addresses resolve against it); earlier ones on first use.
    post[post.length - 1] = postView(dates.get(post.length - 1), postProvinceRows, postCommuneRows);
    Map<String, String> provinceSucc = new HashMap<>();
    for (Division c : preCommunes.values()) {
      for (Link l : successorLinks(c)) {
        String[] row = postCommuneRows.get(l.code());
        if (row == null) {
          throw new IllegalStateException(RESOURCE + ": mapping to an unknown commune " + l.code());
        }
        String before = provinceSucc.putIfAbsent(c.province().code(), row[2]);
        if (before != null && !before.equals(row[2])) {
          throw new IllegalStateException(RESOURCE + ": a province maps to two provinces");
        }
      }
    }
    this.provinceSuccessor = Map.copyOf(provinceSucc);
  }

  private LegacyView postView(int i) {
    synchronized (post) {
      if (post[i] == null) {
        post[i] = revertedView(i);
      }
      return post[i];
    }
  }

  /** View {@code i}: today's units with the changes made after its date undone. */
  private LegacyView revertedView(int i) {
    LocalDate from = postDates.get(i);
    Map<String, Amendment> undo = new HashMap<>();
    for (Amendment a : amendments) {
      if (a.date().isAfter(from)) {
        undo.putIfAbsent(a.code(), a);
      }
    }
    LegacyView today = current();
    Map<String, Division> provinces = new HashMap<>();
    for (Division p : today.provinces().values()) {
      provinces.put(p.code(), reverted(p, undo, null));
    }
    Map<String, Division> communes = new HashMap<>(today.communes().size() * 2);
    for (Division c : today.communes().values()) {
      communes.put(c.code(), reverted(c, undo, provinces.get(c.province().code())));
    }
    return new LegacyView(
        Era.POST_REFORM,
        from,
        Map.copyOf(provinces),
        Map.of(),
        Map.copyOf(communes),
        provinceIndex(provinces.values()));
  }

  private static Division reverted(Division d, Map<String, Amendment> undo, Division parent) {
    Amendment a = undo.get(d.code());
    return a == null || a.type().level() != d.level()
        ? new Division(d.era(), d.type(), d.code(), d.name(), parent)
        : new Division(d.era(), a.type(), d.code(), a.name(), parent);
  }

  private LegacyView postView(
      LocalDate from, Map<String, String[]> provinceRows, Map<String, String[]> communeRows) {
    Map<String, Division> provinces = new HashMap<>();
    for (String[] f : provinceRows.values()) {
      provinces.put(f[1], unit(Era.POST_REFORM, Level.PROVINCE, f[2], f[1], f[3], null));
    }
    Map<String, Division> communes = new HashMap<>(communeRows.size() * 2);
    for (String[] f : communeRows.values()) {
      Division p = provinces.get(f[2]);
      if (p == null) {
        throw new IllegalStateException(RESOURCE + ": commune " + f[1] + " in no province");
      }
      communes.put(f[1], unit(Era.POST_REFORM, Level.COMMUNE, f[3], f[1], f[4], p));
    }
    return new LegacyView(
        Era.POST_REFORM,
        from,
        Map.copyOf(provinces),
        Map.of(),
        Map.copyOf(communes),
        provinceIndex(provinces.values()));
  }

  /** Province names, plus the short forms seen in addresses, as {@link PlaceNames#key} keys. */
  private static Map<String, List<Division>> provinceIndex(
      java.util.Collection<Division> provinces) {
    Map<String, List<Division>> index = LegacyView.index(provinces);
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
      List<Division> target = index.get(a[1]);
      if (target != null) {
        index.putIfAbsent(a[0], target);
      }
    }
    return index;
  }

  private static Division unit(
      Era era, Level level, String typeLetter, String code, String bareName, Division parent) {
    Division.Type type = Division.Type.of(level, typeLetter.charAt(0));
    return new Division(era, type, code, fullName(type, bareName), parent);
  }

  private static String fullName(Division.Type type, String bareName) {
    // "=" marks a name kept verbatim because its type word is written otherwise ("Thị Xã").
    return bareName.startsWith("=") ? bareName.substring(1) : type.prefix() + " " + bareName;
  }

  private static long key(int first, int second) {
    return ((long) first << 32) | second;
  }

  private static String code5(int code) {
    String s = Integer.toString(code);
    return "00000".substring(s.length()) + s;
  }

  private static void put(Map<String, Division> map, String code, Division d) {
    if (map.put(code, d) != null) {
      throw new IllegalStateException(RESOURCE + ": code " + code + " twice");
    }
  }

  private static Division need(Map<String, Division> map, String code, int lineNo) {
    Division d = map.get(code);
    if (d == null) {
      throw new IllegalStateException(RESOURCE + " line " + lineNo + ": unknown parent " + code);
    }
    return d;
  }

  private static String[] split(String line) {
    int n = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '|') {
        n++;
      }
    }
    String[] out = new String[n];
    int from = 0;
    for (int k = 0; k < n; k++) {
      int to = line.indexOf('|', from);
      if (to < 0) {
        to = line.length();
      }
      out[k] = line.substring(from, to);
      from = to + 1;
    }
    return out;
  }

  /** The newest day the table covers. */
  LocalDate newest() {
    return newest;
  }

  LegacyView preReform() {
    return pre;
  }

  LegacyView reformDay() {
    return postView(0);
  }

  LegacyView current() {
    return post[post.length - 1];
  }

  LegacyView on(LocalDate date) {
    if (date.isBefore(REFORM_DAY)) {
      return pre;
    }
    int v = 0;
    for (int i = 0; i < postDates.size(); i++) {
      if (!postDates.get(i).isAfter(date)) {
        v = i;
      }
    }
    return postView(v);
  }

  List<Link> successorLinks(Division old) {
    if (old.level() == Level.PROVINCE) {
      String to = provinceSuccessor.get(old.code());
      return to == null ? List.of() : List.of(new Link(to, Share.WHOLE));
    }
    if (old.level() == Level.DISTRICT) {
      String to = islands.get(old.code());
      return to == null ? List.of() : List.of(new Link(to, Share.WHOLE));
    }
    int code = Integer.parseInt(old.code());
    int i = Arrays.binarySearch(mapOld, code);
    if (i < 0) {
      return List.of();
    }
    while (i > 0 && mapOld[i - 1] == code) {
      i--;
    }
    List<Link> out = new ArrayList<>(2);
    for (; i < mapOld.length && mapOld[i] == code; i++) {
      out.add(new Link(code5(mapNew[i]), mapPart[i] ? Share.PART : Share.WHOLE));
    }
    return out;
  }

  List<Link> predecessorLinks(String newCode) {
    int code = Integer.parseInt(newCode);
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
    for (Map.Entry<String, String> e : islands.entrySet()) {
      if (e.getValue().equals(newCode)) {
        out.add(new Link(e.getKey(), Share.WHOLE));
      }
    }
    for (int k = lo; k < byNew.length && mapNew[byNew[k]] == code; k++) {
      int row = byNew[k];
      out.add(new Link(code5(mapOld[row]), mapPart[row] ? Share.PART : Share.WHOLE));
    }
    return out;
  }

  /** The pre-reform unit of a predecessor link: a commune (5 digits) or an island district. */
  Division preUnit(String code) {
    return code.length() == 3 ? pre.districts().get(code) : pre.communes().get(code);
  }

  /** The post-reform province that took a pre-reform province, or null. */
  String provinceSuccessor(String preCode) {
    return provinceSuccessor.get(preCode);
  }
}
