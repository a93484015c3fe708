package vn.id06.core.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.id06.core.address.Division.Level;
import vn.id06.core.address.Succession.Share;

/**
 * The commune-level tables, loaded once from the compact resource {@code units.txt} beside this
 * class (generated from the statistics office's code lists and the reform's mapping; see
 * docs/ADDRESSES.md). Immutable after construction and thread-safe.
 *
 * <p>Resource lines, '|'-separated, names without their type word (the type letter gives it):
 * {@code V|format|date} header; {@code p|code|type|name} pre-reform province; {@code
 * d|code|province|type|name} pre-reform district; {@code c|code|district|type|name} pre-reform
 * commune; {@code P|code|type|name} and {@code C|code|province|type|name} post-reform province and
 * commune as on 1 July 2025; {@code A|effective|code|type|name} a later change of name or type
 * (same code); {@code M|old|new|w-or-p} a mapping row; {@code X|district|new} an island district
 * that became a special zone.
 */
final class UnitTable {
  static final String RESOURCE = "units.txt";
  static final LocalDate PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

  /** One end of a mapping row. */
  record Link(String code, Share share) {}

  private final LocalDate newest;
  private final UnitView pre;
  private final List<LocalDate> postDates;
  private final List<Rows> postRows;
  private final UnitView[] post;
  private final Map<String, List<Link>> successors;
  private final Map<String, List<Link>> predecessors;
  private final Map<String, String> provinceSuccessor;

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
      return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses the compact form; a malformed resource is a build defect (IllegalStateException). */
  static UnitTable load(Reader source) throws IOException {
    return new UnitTable(source);
  }

  private UnitTable(Reader source) throws IOException {
    Map<String, Division> preProvinces = new LinkedHashMap<>();
    Map<String, Division> preDistricts = new LinkedHashMap<>();
    Map<String, Division> preCommunes = new LinkedHashMap<>();
    Map<String, String[]> postProvinceRows = new LinkedHashMap<>();
    Map<String, String[]> postCommuneRows = new LinkedHashMap<>();
    TreeMap<LocalDate, List<String[]>> amendments = new TreeMap<>();
    Map<String, List<Link>> succ = new HashMap<>(16384);
    Map<String, List<Link>> pred = new HashMap<>(4096);
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
          Share share = f[3].equals("w") ? Share.WHOLE : Share.PART;
          succ.computeIfAbsent(f[1], k -> new ArrayList<>(1)).add(new Link(f[2], share));
          pred.computeIfAbsent(f[2], k -> new ArrayList<>(4)).add(new Link(f[1], share));
        }
        case 'X' -> {
          succ.computeIfAbsent(f[1], k -> new ArrayList<>(1)).add(new Link(f[2], Share.WHOLE));
          pred.computeIfAbsent(f[2], k -> new ArrayList<>(1)).add(new Link(f[1], Share.WHOLE));
        }
        default ->
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": unknown record");
      }
    }
    if (date == null) {
      throw new IllegalStateException(RESOURCE + ": no header");
    }
    this.newest = date;
    this.successors = succ;
    this.predecessors = pred;
    this.pre =
        new UnitView(
            this,
            Era.PRE_REFORM,
            PRE_REFORM_DAY,
            Map.copyOf(preProvinces),
            Map.copyOf(preDistricts),
            Map.copyOf(preCommunes),
            provinceIndex(preProvinces.values()));
    List<LocalDate> dates = new ArrayList<>();
    List<Rows> rowsByDate = new ArrayList<>();
    dates.add(REFORM_DAY);
    rowsByDate.add(snapshot(postProvinceRows, postCommuneRows));
    for (Map.Entry<LocalDate, List<String[]>> e : amendments.entrySet()) {
      for (String[] a : e.getValue()) {
        Map<String, String[]> rows = a[2].length() == 2 ? postProvinceRows : postCommuneRows;
        String[] old = rows.get(a[2]);
        if (old == null) {
          throw new IllegalStateException(RESOURCE + ": amendment of an unknown unit " + a[2]);
        }
        String[] changed = old.clone();
        changed[changed.length - 2] = a[3];
        changed[changed.length - 1] = a[4];
        rows.put(a[2], changed);
      }
      dates.add(e.getKey());
      rowsByDate.add(snapshot(postProvinceRows, postCommuneRows));
    }
    this.postDates = List.copyOf(dates);
    this.postRows = rowsByDate;
    this.post = new UnitView[dates.size()];
    // Today's view is built now (addresses resolve against it); earlier ones on first use.
    post[post.length - 1] = postView(dates.get(post.length - 1), postProvinceRows, postCommuneRows);
    Map<String, String> provinceSucc = new HashMap<>();
    for (Division c : preCommunes.values()) {
      for (Link l : succ.getOrDefault(c.code(), List.of())) {
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

  /** The post-reform rows as they stood from one date. */
  private record Rows(Map<String, String[]> provinces, Map<String, String[]> communes) {}

  private static Rows snapshot(Map<String, String[]> provinces, Map<String, String[]> communes) {
    return new Rows(new LinkedHashMap<>(provinces), new LinkedHashMap<>(communes));
  }

  private UnitView postView(int i) {
    synchronized (post) {
      if (post[i] == null) {
        post[i] =
            postView(postDates.get(i), postRows.get(i).provinces(), postRows.get(i).communes());
      }
      return post[i];
    }
  }

  private UnitView postView(
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
    return new UnitView(
        this,
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
    Map<String, List<Division>> index = UnitView.index(provinces);
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
    // "=" marks a name kept verbatim because its type word is written otherwise ("Thị Xã").
    String name = bareName.startsWith("=") ? bareName.substring(1) : type.prefix() + " " + bareName;
    return new Division(era, type, code, name, parent);
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
    return successors.getOrDefault(old.code(), List.of());
  }

  List<Link> predecessorLinks(String newCode) {
    return predecessors.getOrDefault(newCode, List.of());
  }

  /** The pre-reform unit of a predecessor link: a commune (5 digits) or an island district. */
  Division preUnit(String code) {
    return code.length() == 3 ? pre.district(code).orElseThrow() : pre.commune(code).orElseThrow();
  }

  /** The post-reform province that took a pre-reform province, or null. */
  String provinceSuccessor(String preCode) {
    return provinceSuccessor.get(preCode);
  }
}
