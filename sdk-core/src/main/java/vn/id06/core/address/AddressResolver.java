package vn.id06.core.address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import vn.id06.core.address.Division.Level;

/**
 * Finds the units a free-text address names, reading its comma-separated components from the right:
 * province, then district (pre-reform only), then commune; and maps them to today's units.
 * Stateless and thread-safe.
 */
final class AddressResolver {
  private AddressResolver() {}

  /** A component of the text and where it starts. */
  private record Part(String text, int start) {}

  static ResolvedAddress resolve(String text) {
    UnitTable table = UnitTable.builtIn();
    UnitView pre = table.preReform();
    UnitView cur = table.current();
    List<Part> parts = split(text, pre, cur);
    int i = parts.size() - 1;
    int firstUnit = -1;

    List<Division> preP = List.of();
    List<Division> postP = List.of();
    if (i >= 0) {
      NamePart np = NamePart.of(parts.get(i).text());
      preP = pre.match(np, Level.PROVINCE, d -> true);
      postP = cur.match(np, Level.PROVINCE, d -> true);
      if (!preP.isEmpty() || !postP.isEmpty()) {
        firstUnit = i;
        i--;
      }
    }
    boolean noProvince = preP.isEmpty() && postP.isEmpty();
    List<Division> districts = List.of();
    if (i >= 0 && (noProvince || !preP.isEmpty())) {
      NamePart np = NamePart.of(parts.get(i).text());
      districts = pre.match(np, Level.DISTRICT, noProvince ? d -> true : within(preP));
      if (!districts.isEmpty()) {
        firstUnit = i;
        i--;
      }
    }
    List<Division> preC = List.of();
    List<Division> postC = List.of();
    if (i >= 0) {
      NamePart np = NamePart.of(parts.get(i).text());
      if (!districts.isEmpty()) {
        preC = pre.match(np, Level.COMMUNE, within(districts));
      } else {
        if (noProvince || !preP.isEmpty()) {
          preC = pre.match(np, Level.COMMUNE, noProvince ? d -> true : within(preP));
        }
        if (noProvince || !postP.isEmpty()) {
          postC = cur.match(np, Level.COMMUNE, noProvince ? d -> true : within(postP));
        }
      }
      if (!preC.isEmpty() || !postC.isEmpty()) {
        firstUnit = i;
      }
    }
    // Era: a district means a pre-reform address; otherwise the commune settles it (a commune of
    // today's units named as today's units wins over an old commune of the same name); a province
    // name of both eras ("Tỉnh Gia Lai") with no commune found in either is read as today's, as
    // today's names are.
    Era era;
    List<Division> communes;
    if (!districts.isEmpty() || (postC.isEmpty() && !preC.isEmpty())) {
      era = Era.PRE_REFORM;
      communes = preC;
    } else if (!postC.isEmpty()) {
      era = Era.POST_REFORM;
      communes = postC;
    } else if (!postP.isEmpty()) {
      era = Era.POST_REFORM;
      communes = List.of();
    } else if (!preP.isEmpty()) {
      era = Era.PRE_REFORM;
      communes = List.of();
    } else {
      era = null;
      communes = List.of();
    }
    Division district = null;
    Set<Division> districtSet = new LinkedHashSet<>();
    for (Division c : communes) {
      c.district().ifPresent(districtSet::add);
    }
    if (communes.isEmpty()) {
      districtSet.addAll(districts);
    }
    if (districtSet.size() == 1) {
      district = districtSet.iterator().next();
    }
    Division province = province(communes, era == Era.POST_REFORM ? postP : preP, districtSet);
    String detail = firstUnit < 0 ? text : detailBefore(text, parts.get(firstUnit).start());
    CurrentUnits current = current(table, cur, communes, province, era);
    return new ResolvedAddress(text, detail, era, communes, district, province, current);
  }

  /** The resolution of an address whose commune a structured source gave by code. */
  static ResolvedAddress ofCommune(String text, String detail, Division commune) {
    UnitTable table = UnitTable.builtIn();
    Division province = commune.province();
    CurrentUnits current =
        current(table, table.current(), List.of(commune), province, commune.era());
    return new ResolvedAddress(
        text,
        detail,
        commune.era(),
        List.of(commune),
        commune.district().orElse(null),
        province,
        current);
  }

  /** The one province of the communes found, else of the district, else the one named. */
  private static Division province(
      List<Division> communes, List<Division> named, Set<Division> districts) {
    Set<Division> set = new LinkedHashSet<>();
    for (Division c : communes) {
      set.add(c.province());
    }
    if (set.isEmpty()) {
      for (Division d : districts) {
        set.add(d.province());
      }
    }
    if (set.isEmpty()) {
      set.addAll(named);
    }
    return set.size() == 1 ? set.iterator().next() : null;
  }

  private static CurrentUnits current(
      UnitTable table, UnitView cur, List<Division> communes, Division province, Era era) {
    TreeMap<String, Division> candidates = new TreeMap<>();
    List<Succession> successions = new ArrayList<>();
    boolean unknown = communes.isEmpty();
    for (Division c : communes) {
      if (c.era() == Era.POST_REFORM) {
        candidates.put(c.code(), c);
      } else {
        List<Succession> next = cur.successorsOf(c);
        if (next.isEmpty()) {
          unknown = true;
        }
        for (Succession s : next) {
          successions.add(s);
          candidates.put(s.to().code(), s.to());
        }
      }
    }
    Division currentProvince = null;
    Set<Division> provinces = new LinkedHashSet<>();
    for (Division c : candidates.values()) {
      provinces.add(c.province());
    }
    if (provinces.size() == 1) {
      currentProvince = provinces.iterator().next();
    } else if (provinces.isEmpty() && province != null) {
      currentProvince =
          era == Era.POST_REFORM
              ? cur.province(province.code()).orElse(null)
              : currentProvinceOf(table, cur, province);
    }
    if (unknown) {
      return new CurrentUnits(Certainty.UNKNOWN, null, currentProvince, List.of(), List.of());
    }
    List<Division> list = new ArrayList<>(candidates.values());
    Certainty certainty = list.size() == 1 ? Certainty.EXACT : Certainty.SPLIT;
    return new CurrentUnits(
        certainty, list.size() == 1 ? list.get(0) : null, currentProvince, list, successions);
  }

  private static Division currentProvinceOf(UnitTable table, UnitView cur, Division preProvince) {
    if (preProvince.era() != Era.PRE_REFORM) {
      return null;
    }
    String code = table.provinceSuccessor(preProvince.code());
    return code == null ? null : cur.province(code).orElse(null);
  }

  private static Predicate<Division> within(Collection<Division> parents) {
    return d -> {
      // Within one era, level and code identify a unit (cheaper than deep equality).
      for (Division p = d.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
        for (Division q : parents) {
          if (q.era() == p.era() && q.level() == p.level() && q.code().equals(p.code())) {
            return true;
          }
        }
      }
      return false;
    };
  }

  /** The text before a component, without the separators that end it. */
  private static String detailBefore(String text, int start) {
    int end = start;
    while (end > 0) {
      char c = text.charAt(end - 1);
      if (c == ','
          || c == ';'
          || c == ' '
          || c == '-'
          || c == '\u2013'
          || c == '\n'
          || c == '\r'
          || c == '\t') {
        end--;
      } else {
        break;
      }
    }
    return text.substring(0, end);
  }

  /**
   * Splits on commas, semicolons and line breaks, and on a spaced dash ("Xã A - Huyện B") unless
   * the dashed component is a province name ("Bà Rịa - Vũng Tàu"); drops a trailing "Việt Nam".
   */
  private static List<Part> split(String text, UnitView pre, UnitView cur) {
    List<Part> parts = new ArrayList<>();
    int from = 0;
    int n = text.length();
    while (from <= n) {
      int to = from;
      while (to < n && !isSeparator(text.charAt(to))) {
        to++;
      }
      addPiece(parts, text, from, to, pre, cur);
      from = to + 1;
    }
    while (!parts.isEmpty() && isCountry(parts.get(parts.size() - 1).text())) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ';' || c == '\n' || c == '\r';
  }

  private static void addPiece(
      List<Part> parts, String text, int from, int to, UnitView pre, UnitView cur) {
    String piece = text.substring(from, to);
    int dash = dashAt(piece, 0);
    if (dash >= 0) {
      NamePart np = NamePart.of(piece.strip());
      // A dash inside a name ("Bà Rịa - Vũng Tàu", "Phường Văn Miếu - Quốc Tử Giám") is not a
      // separator.
      boolean named = false;
      for (Level level : Level.values()) {
        named |=
            !pre.match(np, level, d -> true).isEmpty()
                || !cur.match(np, level, d -> true).isEmpty();
      }
      if (!named) {
        int start = 0;
        while (dash >= 0) {
          addTrimmed(parts, piece.substring(start, dash), from + start);
          start = dash + 3;
          dash = dashAt(piece, start);
        }
        addTrimmed(parts, piece.substring(start), from + start);
        return;
      }
    }
    addTrimmed(parts, piece, from);
  }

  /** The index of the next " - " or " – " at or after {@code from}, or -1. */
  private static int dashAt(String s, int from) {
    if (s.indexOf('-', from) < 0 && s.indexOf('\u2013', from) < 0) {
      return -1; // the common case, found by the JDK's vectorised search
    }
    for (int i = Math.max(from, 0); i + 2 < s.length(); i++) {
      char c = s.charAt(i + 1);
      if (Character.isWhitespace(s.charAt(i))
          && (c == '-' || c == '\u2013')
          && Character.isWhitespace(s.charAt(i + 2))) {
        return i;
      }
    }
    return -1;
  }

  private static void addTrimmed(List<Part> parts, String piece, int offset) {
    int a = 0;
    int b = piece.length();
    while (a < b && Character.isWhitespace(piece.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(piece.charAt(b - 1))) {
      b--;
    }
    if (a < b) {
      parts.add(new Part(piece.substring(a, b), offset + a));
    }
  }

  private static boolean isCountry(String part) {
    String k = PlaceNames.key(part);
    return k.equals("vietnam") || k.equals("vn");
  }
}
