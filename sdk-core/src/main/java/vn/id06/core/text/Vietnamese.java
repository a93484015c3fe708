package vn.id06.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence about Vietnamese text: is a word a possible Vietnamese syllable (onset + vowel nucleus +
 * coda, at most one tone mark), and how much visible damage does a text carry. Stateless; the
 * tables are built once and never change.
 */
final class Vietnamese {
  private Vietnamese() {}

  /** Tone numbers: 0 none (ngang), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
  private static final String TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323";

  private static final int TABLE_LO = 0x00C0;
  private static final int TABLE_HI = 0x1EF9;

  /** For each Vietnamese letter: its lower-case toneless form (a ă â e ê i o ô ơ u ư y đ), or 0. */
  private static final char[] BASE = new char[TABLE_HI - TABLE_LO + 1];

  /** For each Vietnamese letter: its tone number. */
  private static final byte[] TONE = new byte[TABLE_HI - TABLE_LO + 1];

  static {
    // Derive the 134 precomposed letters (and their upper case) from the Unicode decompositions,
    // keeping only the shapes Vietnamese uses: â ê ô (circumflex), ă (breve), ơ ư (horn).
    for (int c = TABLE_LO; c <= TABLE_HI; c++) {
      String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
      char base = Character.toLowerCase(d.charAt(0));
      if ("aeiouy".indexOf(base) < 0) {
        continue;
      }
      String shape = "";
      int tone = 0;
      boolean ok = true;
      for (int i = 1; i < d.length(); i++) {
        char m = d.charAt(i);
        int t = TONE_MARKS.indexOf(m);
        if (t >= 0 && tone == 0) {
          tone = t + 1;
        } else if ((m == '\u0302' || m == '\u0306' || m == '\u031B') && shape.isEmpty()) {
          shape = String.valueOf(m);
        } else {
          ok = false;
        }
      }
      String shaped = Normalizer.normalize(base + shape, Normalizer.Form.NFC);
      if (!ok || d.length() == 1 || shaped.length() != 1 || "aăâeêioôơuưy".indexOf(shaped) < 0) {
        continue;
      }
      BASE[c - TABLE_LO] = shaped.charAt(0);
      TONE[c - TABLE_LO] = (byte) tone;
    }
    BASE['đ' - TABLE_LO] = 'đ';
    BASE['Đ' - TABLE_LO] = 'đ';
  }

  private static final String VOWELS = "aăâeêioôơuưy";

  private static final String[] ONSETS = {
    "ngh", "ng", "gh", "gi", "kh", "ch", "nh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
  };

  /** Nuclei that end in a glide or are open diphthongs: they take no final consonant. */
  private static final Set<String> OPEN_NUCLEI =
      Set.of(
          "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
          "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uyu", "ia", "ua",
          "ưa", "uya");

  /** Nuclei that need a final consonant. */
  private static final Set<String> CLOSED_NUCLEI =
      Set.of("ă", "â", "iê", "yê", "uyê", "uô", "ươ", "oă", "uâ");

  /** Nuclei that may or may not be followed by a final consonant. */
  private static final Set<String> FREE_NUCLEI =
      Set.of("a", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư", "oa", "oe", "oo", "uê", "uơ", "uy");

  private static final Set<String> CODAS = Set.of("c", "ch", "m", "n", "ng", "nh", "p", "t");

  private static final int MAX_SYLLABLE = 7;

  /** Bits per letter in a syllable key: 33 letters (a-z and ă â ê ô ơ ư đ), codes 1..33. */
  private static final int KEY_BITS = 6;

  private static final String EXTRA_LETTERS = "ăâêôơưđ";

  // Declared after the sets it is built from: static initialisers run in textual order.
  private static final SyllableTable SYLLABLES = SyllableTable.build();

  /**
   * For each Vietnamese letter: its key code ({@link #code} of its {@link #BASE}), with {@link
   * #UPPER_BIT} set for a capital, so the syllable and case checks of {@link #damage} make one
   * table read per letter instead of a string search and a Unicode case lookup.
   */
  private static final byte[] LETTER = new byte[TABLE_HI - TABLE_LO + 1];

  private static final int UPPER_BIT = 0x40;

  static {
    for (int k = 0; k < LETTER.length; k++) {
      if (BASE[k] != 0) {
        char c = (char) (k + TABLE_LO);
        LETTER[k] = (byte) (code(BASE[k]) | (Character.isUpperCase(c) ? UPPER_BIT : 0));
      }
    }
  }

  /** The key code {@link #isSyllable} uses for a Vietnamese letter (for the tests). */
  static int letterCode(char c) {
    return LETTER[c - TABLE_LO] & (UPPER_BIT - 1);
  }

  /** Whether {@link #caseOk} counts a Vietnamese letter as a capital (for the tests). */
  static boolean isUpperLetter(char c) {
    return (LETTER[c - TABLE_LO] & UPPER_BIT) != 0;
  }

  /** The 6-bit code of a toneless lower-case letter (see {@link #KEY_BITS}). */
  private static int code(char base) {
    return base <= 'z' ? base - 'a' + 1 : 27 + EXTRA_LETTERS.indexOf(base);
  }

  /**
   * Every toneless syllable {@link #acceptsBase} accepts, keyed by its letters packed into a long,
   * with the tones it may carry as a bit mask. Built once by running the rule over every onset,
   * nucleus and coda (a word the rule accepts is always such a concatenation), so the lookup
   * answers exactly as the rule does. Immutable after construction.
   */
  private static final class SyllableTable {
    private final long[] keys;
    private final byte[] tones;
    private final int mask;

    private SyllableTable(long[] keys, byte[] tones) {
      this.keys = keys;
      this.tones = tones;
      this.mask = keys.length - 1;
    }

    static SyllableTable build() {
      Map<Long, Byte> found = new HashMap<>();
      List<String> nuclei = new ArrayList<>();
      nuclei.add("");
      nuclei.addAll(OPEN_NUCLEI);
      nuclei.addAll(CLOSED_NUCLEI);
      nuclei.addAll(FREE_NUCLEI);
      List<String> codas = new ArrayList<>(CODAS);
      codas.add("");
      for (String onset : ONSETS) {
        for (String nucleus : nuclei) {
          for (String coda : codas) {
            String w = onset + nucleus + coda;
            byte toneMask = 0;
            for (int tone = 0; tone <= 5; tone++) {
              if (acceptsBase(w, tone)) {
                toneMask |= (byte) (1 << tone);
              }
            }
            if (toneMask != 0) {
              found.put(keyOf(w), toneMask);
            }
          }
        }
      }
      int size = Integer.highestOneBit(found.size() * 4 - 1);
      long[] keys = new long[size];
      byte[] tones = new byte[size];
      for (Map.Entry<Long, Byte> e : found.entrySet()) {
        int i = slot(e.getKey(), size - 1);
        while (keys[i] != 0) {
          i = (i + 1) & (size - 1);
        }
        keys[i] = e.getKey();
        tones[i] = e.getValue();
      }
      return new SyllableTable(keys, tones);
    }

    private static long keyOf(String w) {
      long key = 0;
      for (int i = 0; i < w.length(); i++) {
        key = (key << KEY_BITS) | code(w.charAt(i));
      }
      return key;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & mask;
    }

    /** The tone mask of a syllable key, 0 when no tone makes it a syllable. */
    int tones(long key) {
      int i = slot(key, mask);
      while (true) {
        long k = keys[i];
        if (k == key) {
          return tones[i];
        }
        if (k == 0) {
          return 0;
        }
        i = (i + 1) & mask;
      }
    }
  }

  /** Tells whether {@code c} is one of the precomposed Vietnamese letters or đ/Đ. */
  static boolean isVietnameseLetter(char c) {
    return c >= TABLE_LO && c <= TABLE_HI && BASE[c - TABLE_LO] != 0;
  }

  /**
   * Tells whether the letters {@code s[from, to)} form one possible Vietnamese syllable. Case is
   * ignored. The check is phonotactic (it accepts syllables no dictionary lists) and fast: the
   * letters are folded into a number and looked up in {@link #SYLLABLES}, with no allocation.
   */
  static boolean isSyllable(CharSequence s, int from, int to) {
    if (to - from > MAX_SYLLABLE || to <= from) {
      return false;
    }
    long key = 0;
    int tone = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      char lower = c < 0x80 ? Character.toLowerCase(c) : 0;
      int letterCode;
      if (lower >= 'a' && lower <= 'z') {
        if (lower == 'f' || lower == 'j' || lower == 'w' || lower == 'z') {
          return false;
        }
        letterCode = code(lower);
      } else if (isVietnameseLetter(c)) {
        int tn = TONE[c - TABLE_LO];
        if (tn != 0) {
          if (tone != 0) {
            return false;
          }
          tone = tn;
        }
        letterCode = letterCode(c);
      } else {
        return false;
      }
      key = (key << KEY_BITS) | letterCode;
    }
    return (SYLLABLES.tones(key) & (1 << tone)) != 0;
  }

  /** The table lookup {@link #isSyllable} makes, on toneless lower-case letters (for the tests). */
  static boolean isBaseSyllable(String w, int tone) {
    if (w.length() > MAX_SYLLABLE || w.isEmpty()) {
      return false;
    }
    return (SYLLABLES.tones(SyllableTable.keyOf(w)) & (1 << tone)) != 0;
  }

  /**
   * The rule behind {@link #isSyllable} on toneless lower-case letters ({@code w} holds only a-z
   * and ă â ê ô ơ ư đ): some onset, then a nucleus and a coda that fit together and the tone. Used
   * to build {@link #SYLLABLES} and, by the tests, to check it.
   */
  static boolean acceptsBase(String w, int tone) {
    if (w.length() > MAX_SYLLABLE || w.isEmpty()) {
      return false;
    }
    for (String onset : ONSETS) {
      if (w.startsWith(onset) && rhymeOk(w, onset, tone)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rhymeOk(String w, String onset, int tone) {
    int v = onset.length();
    int end = v;
    while (end < w.length() && VOWELS.indexOf(w.charAt(end)) >= 0) {
      end++;
    }
    String nucleus = w.substring(v, end);
    String coda = w.substring(end);
    if (nucleus.isEmpty()) {
      if (!"gi".equals(onset)) {
        return false;
      }
      nucleus = "i"; // gì, gìn: the i of "gi" is the vowel
    }
    if ("qu".equals(onset) && nucleus.startsWith("u")) {
      return false;
    }
    if ("gi".equals(onset) && nucleus.startsWith("i")) {
      return false;
    }
    boolean hasCoda = !coda.isEmpty();
    if (hasCoda && !CODAS.contains(coda)) {
      return false;
    }
    boolean nucleusOk =
        hasCoda
            ? CLOSED_NUCLEI.contains(nucleus) || FREE_NUCLEI.contains(nucleus)
            : OPEN_NUCLEI.contains(nucleus) || FREE_NUCLEI.contains(nucleus);
    if (!nucleusOk) {
      return false;
    }
    // Syllables closed by a stop (-c -ch -p -t) carry only the sắc or nặng tone.
    boolean stop = "c".equals(coda) || "ch".equals(coda) || "p".equals(coda) || "t".equals(coda);
    return !stop || tone == 1 || tone == 5;
  }

  /**
   * Counts the visible damage in a text: words with a non-ASCII letter that are no Vietnamese
   * syllable, control characters (other than tab and line breaks), U+FFFD, symbols from the Latin-1
   * and Windows-1252 ranges that mojibake and legacy fonts leave behind, and combining marks.
   * ASCII-only words are neutral: they may be abbreviations or foreign words. Zero means the text
   * reads as clean Vietnamese.
   */
  static int damage(CharSequence s) {
    return damage(s, Integer.MAX_VALUE, false);
  }

  /**
   * How badly a text reads: its damage as Kinh syllables plus its damage with Highlands words
   * allowed. Lower is better; a peel to "Hră" (a Highlands word) and one to "Hà" both improve.
   */
  static int readingDamage(CharSequence s) {
    return damage(s) + looseDamage(s);
  }

  /** {@link #damage}, where a {@link #isHighlandsWord Highlands word} counts as no damage. */
  static int looseDamage(CharSequence s) {
    return damage(s, Integer.MAX_VALUE, true);
  }

  /**
   * Whether a text reads as Vietnamese when the words of the Central Highlands languages count too:
   * {@link #isUndamaged}, except that a word may also be a {@link #isHighlandsWord Highlands word}.
   */
  static boolean isLooseUndamaged(CharSequence s) {
    return damage(s, 1, true) == 0;
  }

  /** Whether some word holds a non-ASCII letter and is a Kinh syllable ("Huyện", "Pắc"). */
  static boolean hasAccentedSyllable(CharSequence s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean nonAscii = false;
      while (i < n && isLetter(s.charAt(i))) {
        nonAscii |= s.charAt(i) >= 0x80;
        i++;
      }
      if (nonAscii && isSyllable(s, start, i) && caseOk(s, start, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #damage} is zero; stops at the first damage found. */
  static boolean isUndamaged(CharSequence s) {
    return damage(s, 1, false) == 0;
  }

  /**
   * {@link #damage(CharSequence)}, counting no further than {@code limit}; with {@code loose}, a
   * Highlands word is no damage.
   */
  private static int damage(CharSequence s, int limit, boolean loose) {
    int damage = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isLetter(c)) {
        int start = i;
        boolean nonAscii = false;
        while (i < n && isLetter(s.charAt(i))) {
          nonAscii |= s.charAt(i) >= 0x80;
          i++;
        }
        if (nonAscii
            && (!caseOk(s, start, i)
                || !(isSyllable(s, start, i) || (loose && isHighlandsWord(s, start, i))))) {
          if (++damage >= limit) {
            return damage;
          }
        }
        continue;
      }
      if ((isDamageMark(c) || (c == NO_BREAK_SPACE && isGluedNoBreakSpace(s, i)))
          && ++damage >= limit) {
        return damage;
      }
      i++;
    }
    return damage;
  }

  private static final char NO_BREAK_SPACE = '\u00a0';

  /**
   * Whether the no-break space at {@code i} may be a letter's byte rather than a space. VISCII puts
   * "Õ" at 0xA0, which Latin-1 and Windows-1252 read as the no-break space ("Lê Õn" reads "Lê
   * \u00a0n"), and UTF-8's "à" (C3 A0) leaves one after "Ã". It is, when it has a letter on one
   * side only and neither a letter nor a digit on the other (it separates nothing), or when it sits
   * between two capitals ("HÕN" reads "H\u00a0N"): then it counts as damage, and a decoding that
   * reads proves itself; where none does, the text is kept as it was. A separator between two words
   * in mixed case ("Lê\u00a0Văn", "Số\u00a012") or one standing alone is no damage.
   */
  private static boolean isGluedNoBreakSpace(CharSequence s, int i) {
    char before = i > 0 ? s.charAt(i - 1) : ' ';
    char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    boolean letterBefore = isLetter(before);
    boolean letterAfter = isLetter(after);
    if (letterBefore && letterAfter) {
      return isCapital(before) && isCapital(after);
    }
    if (letterBefore == letterAfter) {
      return false;
    }
    return !Character.isLetterOrDigit(letterBefore ? after : before);
  }

  private static boolean isCapital(char c) {
    return c < 0x80
        ? c >= 'A' && c <= 'Z'
        : isVietnameseLetter(c) ? isUpperLetter(c) : Character.isUpperCase(c);
  }

  /** Codas of the loose rule: the Kinh codas and the k, h, l, r, s the Highlands languages add. */
  private static final Set<String> LOOSE_CODAS =
      Set.of("c", "ch", "m", "n", "ng", "nh", "p", "t", "k", "h", "l", "r", "s");

  /** The Kinh nuclei, whether or not they take a final consonant. */
  private static final Set<String> ALL_NUCLEI = allNuclei();

  private static Set<String> allNuclei() {
    Set<String> all = new java.util.HashSet<>(OPEN_NUCLEI);
    all.addAll(CLOSED_NUCLEI);
    all.addAll(FREE_NUCLEI);
    return Set.copyOf(all);
  }

  private static final int MAX_HIGHLANDS_WORD = 14;
  private static final int MAX_ONSET = 3;
  private static final int MAX_HIGHLANDS_SYLLABLES = 3;

  /**
   * Whether the letters {@code s[from, to)} form a word of the Central Highlands languages (Ê Đê,
   * Jrai, Bahnar, M'nông) as Vietnamese letters write them, outside the Kinh syllable rules: "Đắk",
   * "Krông", "Kdăm", "Niê", "Êban", "Adrơng", "Byă". The rule is a shape, not a dictionary: up to
   * three syllables, each an onset of up to three consonants (f, j, w and z included), a Kinh
   * nucleus with at most one tone mark (a "y" before a vowel may be a consonant), and a Kinh coda
   * or k, h, l, r, s. Letters outside the Vietnamese alphabet (ü, å, ø...) never fit.
   */
  static boolean isHighlandsWord(CharSequence s, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > MAX_HIGHLANDS_WORD) {
      return false;
    }
    // Toneless lower-case letters and the tone of each.
    char[] base = new char[n];
    byte[] tone = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(from + i);
      if (c < 0x80) {
        char lower = Character.toLowerCase(c);
        if (lower < 'a' || lower > 'z') {
          return false;
        }
        base[i] = lower;
      } else if (isVietnameseLetter(c)) {
        base[i] = BASE[c - TABLE_LO];
        tone[i] = TONE[c - TABLE_LO];
      } else {
        return false;
      }
    }
    return highlandsFrom(base, tone, 0, 0);
  }

  private static boolean isVowel(char base) {
    return VOWELS.indexOf(base) >= 0;
  }

  /**
   * Whether {@code base[at..]} reads as Highlands syllables, {@code syllables} already read. At
   * {@code at} an onset starts (or the word ends).
   */
  private static boolean highlandsFrom(char[] base, byte[] tone, int at, int syllables) {
    int n = base.length;
    if (syllables >= MAX_HIGHLANDS_SYLLABLES) {
      return false;
    }
    int v = at;
    while (v < n && !isVowel(base[v])) {
      v++;
    }
    // A "y" before another vowel may open the syllable as a consonant ("Byă", "Êya").
    for (int onsetEnd = v; onsetEnd <= Math.min(v + 1, n); onsetEnd++) {
      if (onsetEnd > v && !(base[v] == 'y' && tone[v] == 0)) {
        break;
      }
      if (onsetEnd - at > MAX_ONSET) {
        break;
      }
      int e = onsetEnd;
      while (e < n && isVowel(base[e])) {
        e++;
      }
      // The nucleus is a prefix of the vowel run: the rest of the run may start the next syllable
      // after a consonant "y" ("Ayun": a + yun).
      for (int end = e; end > onsetEnd; end--) {
        if (!nucleusOk(base, tone, onsetEnd, end)) {
          continue;
        }
        if (end < e) {
          if (base[end] == 'y' && tone[end] == 0 && highlandsFrom(base, tone, end, syllables + 1)) {
            return true;
          }
          continue;
        }
        if (codaAndRest(base, tone, end, syllables)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean nucleusOk(char[] base, byte[] tone, int from, int to) {
    int tones = 0;
    for (int i = from; i < to; i++) {
      tones += tone[i] != 0 ? 1 : 0;
    }
    return tones <= 1 && ALL_NUCLEI.contains(new String(base, from, to - from));
  }

  /**
   * After a nucleus ending at {@code at}: a coda, then the end of the word or the next syllable.
   */
  private static boolean codaAndRest(char[] base, byte[] tone, int at, int syllables) {
    int n = base.length;
    int c = at;
    while (c < n && !isVowel(base[c])) {
      c++;
    }
    if (c == n) {
      return at == n || LOOSE_CODAS.contains(new String(base, at, n - at));
    }
    // Consonants between two vowels: some coda (maybe none), then the next onset.
    for (int split = at; split <= c; split++) {
      boolean codaOk = split == at || LOOSE_CODAS.contains(new String(base, at, split - at));
      if (codaOk && highlandsFrom(base, tone, split, syllables + 1)) {
        return true;
      }
    }
    return false;
  }

  /** {@link Character#isLetter(char)}, without the table lookup for ASCII. */
  private static boolean isLetter(char c) {
    if (c < 0x80) {
      return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    // Vietnamese letters are letters: the table answers before the Unicode lookup.
    return isVietnameseLetter(c) || Character.isLetter(c);
  }

  /** lower, Capitalised or UPPER: a capital inside a lower-case word ("TrƠn") is damage. */
  private static boolean caseOk(CharSequence s, int from, int to) {
    boolean upperSeen = false;
    boolean lowerSeen = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean upper =
          c < 0x80
              ? c >= 'A' && c <= 'Z'
              : isVietnameseLetter(c) ? isUpperLetter(c) : Character.isUpperCase(c);
      if (upper) {
        if (lowerSeen) {
          return false;
        }
        upperSeen |= i > from;
      } else if (upperSeen) {
        return false;
      } else {
        lowerSeen = true;
      }
    }
    return true;
  }

  /** A character that clean Vietnamese names and addresses do not contain. */
  static boolean isDamageMark(char c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    if (c < 0x7F) {
      return false;
    }
    if (c <= 0xBF) {
      return c != 0xA0;
    }
    if (c == 0xD7 || c == 0xF7 || c == 0xFFFD) {
      return true;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK) {
      return true;
    }
    // Windows-1252 extras that only mojibake produces; quotes, dashes and … stay neutral.
    return "ƒˆ‚„†‡‰‹›•˜™€".indexOf(c) >= 0;
  }
}
