package vn.id06.core.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import vn.id06.core.address.Division.Level;

/**
 * One level's units of one view by the {@link PlaceNames#key} of their name without its type word,
 * each key's units in code order. Either read from the resource (an open-addressing table over the
 * pool's ASCII keys, see {@link UnitTable}: nothing to build) or built from the view's units on the
 * first lookup (the views of past days). Thread-safe: immutable, or built once under a lock.
 */
final class NameIndex {
  private final byte[] pool;
  private final char[] slots;
  private final int[] keyBounds;
  private final char[] codeBounds;
  private final char[] codes;
  private final String[][] aliases;
  private final Object lock = new Object();
  // Built on the first lookup when slots is null; published through the volatile write.
  private volatile Map<String, Division[]> built;

  private NameIndex(
      byte[] pool,
      char[] slots,
      int[] keyBounds,
      char[] codeBounds,
      char[] codes,
      String[][] aliases) {
    this.pool = pool;
    this.slots = slots;
    this.keyBounds = keyBounds;
    this.codeBounds = codeBounds;
    this.codes = codes;
    this.aliases = aliases;
  }

  /** An index read from the resource; {@code slots.length} is a power of two. */
  static NameIndex of(byte[] pool, char[] slots, int[] keyBounds, char[] codeBounds, char[] codes) {
    if (slots.length == 0
        || Integer.bitCount(slots.length) != 1
        || keyBounds.length != codeBounds.length
        || keyBounds.length > slots.length) {
      throw new IllegalStateException(UnitTable.RESOURCE + ": bad name index");
    }
    return new NameIndex(pool, slots, keyBounds, codeBounds, codes, null);
  }

  /** An index built from a view's units on first use, with these aliases (or null). */
  static NameIndex built(String[][] aliases) {
    return new NameIndex(null, null, null, null, null, aliases);
  }

  /** The slot of a key's hash: the generator files keys with the same function. */
  static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The units filed under a key, in code order (a new array), or null. */
  Division[] get(String key, UnitView view, Level level) {
    if (slots == null) {
      return map(view, level).get(key);
    }
    int e = entry(key);
    if (e < 0) {
      return null;
    }
    int from = codeBounds[e];
    Division[] out = new Division[codeBounds[e + 1] - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = view.unit(level, codes[from + i]);
    }
    return out;
  }

  private int entry(String key) {
    int mask = slots.length - 1;
    for (int s = spread(key.hashCode()) & mask; ; s = (s + 1) & mask) {
      int e = slots[s] - 1;
      if (e < 0) {
        return -1;
      }
      if (matches(e, key)) {
        return e;
      }
    }
  }

  private boolean matches(int e, String key) {
    int off = keyBounds[e];
    int n = keyBounds[e + 1] - off;
    if (n != key.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (pool[off + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Every key (for the tests that hold the index to the loader it replaced). */
  Set<String> keys(UnitView view, Level level) {
    if (slots == null) {
      return map(view, level).keySet();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (int e = 0; e + 1 < keyBounds.length; e++) {
      keys.add(
          new String(
              pool, keyBounds[e], keyBounds[e + 1] - keyBounds[e], StandardCharsets.ISO_8859_1));
    }
    return keys;
  }

  private Map<String, Division[]> map(UnitView view, Level level) {
    Map<String, Division[]> m = built;
    if (m == null) {
      synchronized (lock) {
        m = built;
        if (m == null) {
          m = build(view, level);
          built = m;
        }
      }
    }
    return m;
  }

  private Map<String, Division[]> build(UnitView view, Level level) {
    Map<String, Division[]> byKey = new HashMap<>();
    for (Division d : view.units(level)) {
      String key = PlaceNames.key(PlaceNames.bare(d.name(), d.type()));
      Division[] old = byKey.get(key);
      if (old == null) {
        byKey.put(key, new Division[] {d});
      } else {
        Division[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = d;
        byKey.put(key, grown);
      }
    }
    if (aliases != null) {
      for (String[] a : aliases) {
        Division[] target = byKey.get(a[1]);
        if (target != null) {
          byKey.putIfAbsent(a[0], target);
        }
      }
    }
    return byKey;
  }
}
