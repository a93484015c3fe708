package vn.id06.core.address;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.id06.core.address.Division.Level;

/**
 * Turns the generator's text form of the tables (format 2, one '|'-separated line per unit or
 * mapping row) into the binary resource {@code units.bin} that {@link UnitTable} reads (format 3,
 * described there), checking on the way everything the loader trusts: codes of the right length and
 * unique, known parents, known types, mapping rows sorted and between known units, every pre-reform
 * province taken by one post-reform province, amendments of known units.
 *
 * <p>Text lines: {@code V|2|date} header; {@code p|code|type|key|name} pre-reform province; {@code
 * d|code|province|type|key|name} pre-reform district; {@code c|code|district|type|key|name}
 * pre-reform commune; {@code P|code|type|key|name} and {@code C|code|province|type|key|name}
 * post-reform province and commune as on 1 July 2025; {@code A|effective|code|type|key|name} a
 * later change of name or type (same code); {@code M|old|new|w-or-p} a mapping row, sorted by old
 * then new code; {@code X|district|new} an island district that became a special zone. The key is
 * {@link PlaceNames#key} of the name without its type word; the name is given without its type word
 * (the type letter gives it) unless it starts with "=", when it is the full name as written.
 */
final class UnitTableEncoder {
  static final String TEXT = "units.txt";

  private UnitTableEncoder() {}

  /** A unit as read: its full name and the key of its name without the type word. */
  private static final class Unit {
    final int code;
    final int parent;
    char letter;
    String key;
    String name;

    Unit(int code, int parent, char letter, String key, String name) {
      this.code = code;
      this.parent = parent;
      this.letter = letter;
      this.key = key;
      this.name = name;
    }
  }

  private static final class Amendment {
    final int date;
    final boolean province;
    final int code;
    final char letter;
    final String key;
    final String name;

    Amendment(int date, boolean province, int code, char letter, String key, String name) {
      this.date = date;
      this.province = province;
      this.code = code;
      this.letter = letter;
      this.key = key;
      this.name = name;
    }
  }

  static byte[] encode(byte[] text) {
    Map<Integer, Unit> preP = new LinkedHashMap<>();
    Map<Integer, Unit> preD = new LinkedHashMap<>();
    Map<Integer, Unit> preC = new LinkedHashMap<>();
    Map<Integer, Unit> postP = new LinkedHashMap<>();
    Map<Integer, Unit> postC = new LinkedHashMap<>();
    List<Amendment> amendments = new ArrayList<>();
    List<int[]> mapping = new ArrayList<>();
    List<int[]> islands = new ArrayList<>();
    int date = -1;
    Cursor f = new Cursor(text);
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
          Division.Type type = type(Level.PROVINCE, f);
          put(preP, new Unit(code, -1, type.letter(), f.key(), f.fullName(type)), f);
        }
        case 'd' -> {
          int code = f.code(3);
          int province = f.code(2);
          Division.Type type = type(Level.DISTRICT, f);
          need(preP, province, f);
          put(preD, new Unit(code, province, type.letter(), f.key(), f.fullName(type)), f);
        }
        case 'c' -> {
          int code = f.code(5);
          int district = f.code(3);
          Division.Type type = type(Level.COMMUNE, f);
          need(preD, district, f);
          put(preC, new Unit(code, district, type.letter(), f.key(), f.fullName(type)), f);
        }
        case 'P' -> {
          int code = f.code(2);
          Division.Type type = type(Level.PROVINCE, f);
          put(postP, new Unit(code, -1, type.letter(), f.key(), f.fullName(type)), f);
        }
        case 'C' -> {
          int code = f.code(5);
          int province = f.code(2);
          Division.Type type = type(Level.COMMUNE, f);
          put(postC, new Unit(code, province, type.letter(), f.key(), f.fullName(type)), f);
        }
        case 'A' -> {
          int effective = f.date();
          boolean province = f.fieldEnd() - f.pos == 2;
          int code = f.code(province ? 2 : 5);
          Division.Type type = type(province ? Level.PROVINCE : Level.COMMUNE, f);
          amendments.add(
              new Amendment(effective, province, code, type.letter(), f.key(), f.fullName(type)));
        }
        case 'M' -> {
          int old = f.code(5);
          int neu = f.code(5);
          char share = f.letter();
          if (share != 'w' && share != 'p') {
            throw f.bad("share w or p expected");
          }
          if (!mapping.isEmpty()) {
            int[] last = mapping.get(mapping.size() - 1);
            if (last[0] > old || (last[0] == old && last[1] >= neu)) {
              throw f.bad("mapping not sorted");
            }
          }
          mapping.add(new int[] {old, neu, share == 'p' ? 1 : 0});
        }
        case 'X' -> islands.add(new int[] {f.code(3), f.code(5)});
        default -> throw f.bad("unknown record");
      }
      f.done();
    }
    if (date < 0) {
      throw new IllegalStateException(TEXT + ": no header");
    }
    for (Map<Integer, Unit> units : List.of(preP, preD, preC, postP, postC)) {
      inOrder(units);
    }
    for (Unit c : postC.values()) {
      if (!postP.containsKey(c.parent)) {
        throw new IllegalStateException(TEXT + ": commune " + c.code + " in no province");
      }
    }
    // The amendments in date order (stable: the file's order within a day).
    amendments.sort((a, b) -> Integer.compare(a.date, b.date));
    Map<Integer, Unit> curP = copy(postP);
    Map<Integer, Unit> curC = copy(postC);
    for (Amendment a : amendments) {
      Unit u = (a.province ? curP : curC).get(a.code);
      if (u == null) {
        throw new IllegalStateException(TEXT + ": amendment of an unknown unit " + a.code);
      }
      u.letter = a.letter;
      u.key = a.key;
      u.name = a.name;
    }
    int[] provinceSuccessor = new int[UnitTable.PROVINCE_CODES];
    Arrays.fill(provinceSuccessor, -1);
    for (int[] m : mapping) {
      Unit old = preC.get(m[0]);
      if (old == null) {
        throw new IllegalStateException(TEXT + ": mapping from an unknown commune " + m[0]);
      }
      Unit neu = postC.get(m[1]);
      if (neu == null) {
        throw new IllegalStateException(TEXT + ": mapping to an unknown commune " + m[1]);
      }
      int from = preD.get(old.parent).parent;
      if (provinceSuccessor[from] >= 0 && provinceSuccessor[from] != neu.parent) {
        throw new IllegalStateException(TEXT + ": a province maps to two provinces");
      }
      provinceSuccessor[from] = neu.parent;
    }
    for (int[] i : islands) {
      if (!preD.containsKey(i[0]) || !postC.containsKey(i[1])) {
        throw new IllegalStateException(TEXT + ": island district of unknown units");
      }
    }

    for (Map<Integer, Unit> units : List.of(preP, preD, preC, postP, postC)) {
      for (Unit u : units.values()) {
        if (u.code > Character.MAX_VALUE) {
          throw new IllegalStateException(TEXT + ": code " + u.code + " too high");
        }
      }
    }
    Out out = new Out();
    out.units(preP);
    out.units(preD);
    out.units(preC);
    out.units(postP);
    out.units(postC);
    int[] a = new int[amendments.size() * UnitTable.AMENDMENT];
    for (int i = 0; i < amendments.size(); i++) {
      Amendment m = amendments.get(i);
      int[] name = out.text(m.name, StandardCharsets.UTF_8);
      System.arraycopy(
          new int[] {m.date, m.province ? 0 : 1, m.code, m.letter, name[0], name[1]},
          0,
          a,
          i * UnitTable.AMENDMENT,
          UnitTable.AMENDMENT);
    }
    out.ints(a);
    int rows = mapping.size();
    char[] old = new char[rows];
    char[] neu = new char[rows];
    byte[] part = new byte[rows];
    long[] order = new long[rows];
    for (int i = 0; i < rows; i++) {
      old[i] = (char) mapping.get(i)[0];
      neu[i] = (char) mapping.get(i)[1];
      part[i] = (byte) mapping.get(i)[2];
      // new (17 bits), old (17 bits), row (at most 2^29 rows): sorts by (new, old).
      order[i] = ((long) neu[i] << 46) | ((long) old[i] << 29) | i;
    }
    Arrays.sort(order);
    char[] byNew = new char[rows];
    for (int i = 0; i < rows; i++) {
      byNew[i] = (char) (order[i] & ((1 << 29) - 1));
    }
    out.chars(old);
    out.chars(neu);
    out.bytes(part);
    out.chars(byNew);
    int[] isleOld = new int[islands.size()];
    int[] isleNew = new int[islands.size()];
    for (int i = 0; i < islands.size(); i++) {
      isleOld[i] = islands.get(i)[0];
      isleNew[i] = islands.get(i)[1];
    }
    out.ints(isleOld);
    out.ints(isleNew);
    out.ints(provinceSuccessor);
    out.index(preP, true);
    out.index(preD, false);
    out.index(preC, false);
    out.index(curP, true);
    out.index(curC, false);
    return out.finish(date);
  }

  private static Map<Integer, Unit> copy(Map<Integer, Unit> units) {
    Map<Integer, Unit> out = new LinkedHashMap<>();
    for (Unit u : units.values()) {
      out.put(u.code, new Unit(u.code, u.parent, u.letter, u.key, u.name));
    }
    return out;
  }

  private static void put(Map<Integer, Unit> units, Unit u, Cursor f) {
    if (units.containsKey(u.code)) {
      throw f.bad("code " + u.code + " twice");
    }
    units.put(u.code, u);
  }

  /** The loader finds units by binary search: each level's codes must come in order. */
  private static void inOrder(Map<Integer, Unit> units) {
    int last = -1;
    for (int code : units.keySet()) {
      if (code < last) {
        throw new IllegalStateException(TEXT + ": codes not in order at " + code);
      }
      last = code;
    }
  }

  private static void need(Map<Integer, Unit> units, int code, Cursor f) {
    if (!units.containsKey(code)) {
      throw f.bad("unknown parent " + code);
    }
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

  /** The binary form being written: the pool, then the arrays. */
  private static final class Out {
    private final ByteArrayOutputStream arrays = new ByteArrayOutputStream(1 << 20);
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream(1 << 19);

    private static byte[] le(int... values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (int v : values) {
        b.putInt(v);
      }
      return b.array();
    }

    private void pad() {
      while (arrays.size() % 4 != 0) {
        arrays.write(0);
      }
    }

    void ints(int[] values) {
      arrays.writeBytes(le(values.length));
      arrays.writeBytes(le(values));
    }

    void chars(char[] values) {
      arrays.writeBytes(le(values.length));
      ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (char v : values) {
        b.putChar(v);
      }
      arrays.writeBytes(b.array());
      pad();
    }

    void bytes(byte[] values) {
      arrays.writeBytes(le(values.length));
      arrays.writeBytes(values);
      pad();
    }

    /** Adds text to the pool: its offset and length in bytes. */
    int[] text(String s, Charset charset) {
      byte[] b = s.getBytes(charset);
      int[] at = {UnitTable.POOL + pool.size(), b.length};
      pool.writeBytes(b);
      return at;
    }

    /** A level's units: codes, parents, type letters, name bounds (names one after the other). */
    void units(Map<Integer, Unit> units) {
      int n = units.size();
      char[] codes = new char[n];
      char[] parents = new char[n];
      byte[] types = new byte[n];
      int[] bounds = new int[n + 1];
      int i = 0;
      bounds[0] = UnitTable.POOL + pool.size();
      for (Unit u : units.values()) {
        codes[i] = (char) u.code;
        parents[i] = (char) Math.max(u.parent, 0);
        types[i] = (byte) u.letter;
        text(u.name, StandardCharsets.UTF_8);
        bounds[++i] = UnitTable.POOL + pool.size();
      }
      chars(codes);
      chars(parents);
      bytes(types);
      ints(bounds);
    }

    /** A name index: keys in code order of their first unit, then the province aliases. */
    void index(Map<Integer, Unit> units, boolean aliases) {
      Map<String, List<Integer>> byKey = new LinkedHashMap<>();
      for (Unit u : units.values()) {
        byKey.computeIfAbsent(u.key, k -> new ArrayList<>()).add(u.code);
      }
      if (aliases) {
        for (String[] a : UnitTable.PROVINCE_ALIASES) {
          List<Integer> target = byKey.get(a[1]);
          if (target != null) {
            byKey.putIfAbsent(a[0], target);
          }
        }
      }
      int slots = 2;
      while (slots < 2 * byKey.size()) {
        slots *= 2;
      }
      char[] table = new char[slots];
      int[] keyBounds = new int[byKey.size() + 1];
      char[] codeBounds = new char[byKey.size() + 1];
      List<Integer> codes = new ArrayList<>();
      keyBounds[0] = UnitTable.POOL + pool.size();
      int e = 0;
      for (Map.Entry<String, List<Integer>> k : byKey.entrySet()) {
        String key = k.getKey();
        for (int i = 0; i < key.length(); i++) {
          if (key.charAt(i) >= 0x80) {
            throw new IllegalStateException(TEXT + ": a key not in ASCII");
          }
        }
        text(key, StandardCharsets.ISO_8859_1);
        codes.addAll(k.getValue());
        if (codes.size() > Character.MAX_VALUE) {
          throw new IllegalStateException(TEXT + ": too many units in an index");
        }
        int s = NameIndex.spread(key.hashCode()) & (slots - 1);
        while (table[s] != 0) {
          s = (s + 1) & (slots - 1);
        }
        table[s] = (char) (e + 1);
        e++;
        keyBounds[e] = UnitTable.POOL + pool.size();
        codeBounds[e] = (char) codes.size();
      }
      char[] c = new char[codes.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = (char) codes.get(i).intValue();
      }
      chars(table);
      ints(keyBounds);
      chars(codeBounds);
      chars(c);
    }

    byte[] finish(int date) {
      byte[] p = pool.toByteArray();
      int padded = (p.length + 3) / 4 * 4;
      int length = UnitTable.POOL + padded + arrays.size();
      ByteArrayOutputStream all = new ByteArrayOutputStream(length);
      all.writeBytes(le(UnitTable.MAGIC, UnitTable.FORMAT, length, date, p.length));
      all.writeBytes(p);
      all.writeBytes(new byte[padded - p.length]);
      all.writeBytes(arrays.toByteArray());
      return all.toByteArray();
    }
  }

  /** A cursor over the text's lines and their '|'-separated fields. */
  private static final class Cursor {
    private final byte[] b;
    private int pos;
    private int end;
    private int next;
    private int lineNo;
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

    int fieldEnd() {
      if (pos > end) {
        throw bad("missing field");
      }
      int e = pos;
      while (e < end && b[e] != '|') {
        e++;
      }
      return e;
    }

    /** A code of exactly {@code digits} ASCII digits. */
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
      pos = e + 1;
      return v;
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

    /**
     * The last field as a full name: the type word, a space and the name; a name starting with "="
     * is the full name as written.
     */
    String fullName(Division.Type type) {
      int e = fieldEnd();
      if (e != end || e == pos || (b[pos] == '=' && e == pos + 1)) {
        throw bad("a name expected as the last field");
      }
      String s;
      if (b[pos] == '=') {
        s = new String(b, pos + 1, e - pos - 1, StandardCharsets.UTF_8);
      } else {
        s =
            new String(prefixes.get(type), StandardCharsets.UTF_8)
                + " "
                + new String(b, pos, e - pos, StandardCharsets.UTF_8);
      }
      pos = e + 1;
      return s;
    }

    /** A yyyy-mm-dd field, as yyyymmdd. */
    int date() {
      int e = fieldEnd();
      if (e - pos != 10 || b[pos + 4] != '-' || b[pos + 7] != '-') {
        throw bad("a date expected");
      }
      try {
        LocalDate d = LocalDate.of(digits(pos, 4), digits(pos + 5, 2), digits(pos + 8, 2));
        pos = e + 1;
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
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
      return new IllegalStateException(TEXT + " line " + lineNo + ": " + what);
    }
  }
}
