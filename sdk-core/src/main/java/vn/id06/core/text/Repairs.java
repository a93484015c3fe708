package vn.id06.core.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;
import vn.id06.core.internal.text.Utf8;

/**
 * Entry points behind {@link vn.id06.core.text.TextRepairer}. Stateless and thread-safe.
 *
 * <p>Rule: a repair is made only when the evidence proves it (a strict UTF-8 round trip, or a
 * decoding that turns damaged text into valid Vietnamese syllables where no other decoding does).
 * Exceptions name the field and the reason, never the text.
 */
final class Repairs {
  private Repairs() {}

  private static final int MAX_MOJIBAKE_LAYERS = 3;

  /** The legacy decodings tried on damaged text, in the order reported on ambiguity. */
  private static final RepairKind[] LEGACY = {
    RepairKind.TCVN3, RepairKind.VNI, RepairKind.VISCII, RepairKind.CP1258
  };

  /**
   * How badly a text reads: its damage as Kinh syllables plus its damage with Highlands words
   * allowed. Lower is better; a peel to "Hră" (a Highlands word) and one to "Hà" both improve.
   */
  private static int readingDamage(String s) {
    return Vietnamese.damage(s) + Vietnamese.looseDamage(s);
  }

  /** See {@link vn.id06.core.text.TextRepairer#text}. */
  public static RepairedText text(String field, String input) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(input, "input");
    if (isClean(input)) {
      return new RepairedText(input, List.of());
    }
    List<RepairKind> kinds = new ArrayList<>(3);
    // Compared on both counts, so that a peel that leaves Highlands words ("Hră") reads better.
    int inputDamage = readingDamage(input);
    // Peel every layer that round-trips as strict UTF-8, then keep the depth that reads best: an
    // inner layer of double mojibake may look no better until the outer one is gone too.
    String cur = input;
    String best = input;
    int bestDamage = inputDamage;
    int bestDepth = 0;
    List<RepairKind> peeledKinds = new ArrayList<>(MAX_MOJIBAKE_LAYERS);
    for (int layer = 0; layer < MAX_MOJIBAKE_LAYERS; layer++) {
      String peeled = peelMojibake(cur, peeledKinds);
      if (peeled == null) {
        break;
      }
      cur = peeled;
      int d = readingDamage(compose(cur));
      // Once one layer is proven, a deeper strict round trip that reads as well wins the tie: clean
      // Vietnamese letters never form UTF-8 sequences in these code pages, so an inner layer that
      // still
      // decodes is more mojibake ("Ã’n" is a first peel of "Òn" that happens to pass as clean).
      if (d < bestDamage || (bestDepth > 0 && d == bestDamage)) {
        best = cur;
        bestDamage = d;
        bestDepth = peeledKinds.size();
      }
    }
    kinds.addAll(peeledKinds.subList(0, bestDepth));
    cur = best;
    boolean mojibake = !kinds.isEmpty();
    if (!VietnameseText.isPrecomposedOnly(cur)
        && !Normalizer.isNormalized(cur, Normalizer.Form.NFC)) {
      cur = compose(cur);
      kinds.add(RepairKind.NFD_TO_NFC);
    }
    int damage = Vietnamese.damage(cur);
    if (damage == 0) {
      return new RepairedText(cur, kinds);
    }
    Choice choice = new Choice();
    String eth = replaceEth(cur);
    if (eth != null) {
      choice.offer(eth, RepairKind.ETH_AS_D_STROKE);
    }
    // After a strict UTF-8 round trip the bytes are known: reading them again as a legacy encoding
    // would stack a guess on a proof (seen: "Lê â Lan" read as TCVN3 became "Lờ Õ Lan").
    byte[] view = mojibake ? null : Legacy.byteView(cur);
    if (view != null) {
      for (RepairKind kind : LEGACY) {
        String candidate = decodeLegacy(kind, view);
        if (candidate != null && !candidate.equals(cur)) {
          choice.offer(candidate, kind);
        }
      }
    }
    if (choice.decide(field, Vietnamese.isLooseUndamaged(cur))) {
      kinds.add(choice.kind);
      return new RepairedText(choice.text, kinds);
    }
    if (!hasDamageMark(cur) && (!mojibake || readingDamage(cur) < inputDamage)) {
      // Only words that are no Vietnamese syllable remain (a minority-language name, or text that
      // reads as Vietnamese both as it is and decoded): nothing proves damage, so it is kept.
      return new RepairedText(cur, kinds);
    }
    throw unrepairable(field, "damaged text with no provable repair");
  }

  /**
   * Whether the kind names a legacy Vietnamese encoding (as opposed to mojibake or input damage).
   */
  public static boolean isLegacyEncoding(RepairKind kind) {
    for (RepairKind k : LEGACY) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads text as the given legacy encoding: the decoding when it reads as Vietnamese (Highlands
   * words included) and differs from the input, else null. For a caller that knows the encoding
   * from other evidence (another field of the same QR line) where the text alone cannot tell it.
   *
   * @param input the text, its legacy bytes shown as characters
   * @param legacy one of the kinds for which {@link #isLegacyEncoding} holds
   * @return the repaired text with {@code legacy} as its one repair, or null
   */
  public static RepairedText textAs(String input, RepairKind legacy) {
    if (!isLegacyEncoding(legacy)) {
      throw new IllegalArgumentException("not a legacy encoding: " + legacy);
    }
    byte[] view = Legacy.byteView(input);
    if (view == null) {
      return null;
    }
    String candidate = decodeLegacy(legacy, view);
    if (candidate == null || candidate.equals(input) || !Vietnamese.isLooseUndamaged(candidate)) {
      return null;
    }
    return new RepairedText(candidate, List.of(legacy));
  }

  /** See {@link vn.id06.core.text.TextRepairer#digits}. */
  public static RepairedText digits(String field, String input) {
    return InputDamage.digits(field, input);
  }

  /** See {@link vn.id06.core.text.TextRepairer#hexUtf8}. */
  public static RepairedText hexUtf8(String field, String hex) {
    return InputDamage.hexUtf8(field, hex);
  }

  /** See {@link vn.id06.core.text.TextRepairer#decode}. */
  public static RepairedText decode(String field, byte[] raw) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(raw, "raw");
    boolean controls = false;
    for (byte b : raw) {
      if (b == 0) {
        throw new InvalidInputException(field, InputReason.BINARY_DATA, "NUL byte");
      }
      controls |= (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
    }
    String utf8 = strictUtf8(raw);
    if (utf8 != null && !controls) {
      return text(field, utf8);
    }
    Choice choice = new Choice();
    for (RepairKind kind : LEGACY) {
      String candidate = decodeLegacy(kind, raw);
      if (candidate != null) {
        choice.offer(candidate, kind);
      }
    }
    if (!choice.decide(field, false)) {
      if (controls || binaryLooking(raw)) {
        throw new InvalidInputException(field, InputReason.BINARY_DATA, "not text");
      }
      throw unrepairable(field, "neither UTF-8 nor a provable legacy encoding");
    }
    String found = choice.text;
    RepairKind foundKind = choice.kind;
    RepairedText rest = text(field, found);
    List<RepairKind> kinds = new ArrayList<>(rest.repairs().size() + 1);
    kinds.add(foundKind);
    kinds.addAll(rest.repairs());
    return new RepairedText(rest.value(), kinds);
  }

  /**
   * Picks the one decoding of damaged text that the words prove. A strict fit reads as Kinh
   * syllables throughout; a loose fit needs Highlands words ({@link Vietnamese#isLooseUndamaged}).
   * Not thread-safe; one per call.
   */
  private static final class Choice {
    private String strict;
    private RepairKind strictKind;
    private String loose;
    private RepairKind looseKind;
    private boolean severalLoose;
    private boolean severalStrict;
    String text;
    RepairKind kind;

    void offer(String candidate, RepairKind candidateKind) {
      if (Vietnamese.isUndamaged(candidate)) {
        severalStrict |= strict != null && !strict.equals(candidate);
        if (strict == null) {
          strict = candidate;
          strictKind = candidateKind;
        }
      } else if (Vietnamese.isLooseUndamaged(candidate)) {
        severalLoose |= loose != null && !loose.equals(candidate);
        if (loose == null) {
          loose = candidate;
          looseKind = candidateKind;
        }
      }
    }

    /**
     * Decides: true with {@link #text} and {@link #kind} set when one decoding is proved; false
     * when none fits; throws when the fits are ambiguous or too weak to prove.
     *
     * @param inputReads whether the damaged text itself reads as Vietnamese (Highlands words
     *     included): then a loose fit alone is no evidence of damage
     */
    boolean decide(String field, boolean inputReads) {
      if (severalStrict) {
        throw unrepairable(field, "ambiguous: more than one decoding fits");
      }
      if (strict != null) {
        text = strict;
        kind = strictKind;
        return true;
      }
      if (loose == null || inputReads) {
        return false;
      }
      // Ð/ð are no Vietnamese letters; a legacy decoding needs at least one Kinh syllable that
      // it made, or the shape rule alone would be the only evidence ("Mỹller" from "Müller").
      if (!severalLoose
          && (looseKind == RepairKind.ETH_AS_D_STROKE || Vietnamese.hasAccentedSyllable(loose))) {
        text = loose;
        kind = looseKind;
        return true;
      }
      throw unrepairable(field, "damaged text that no one decoding proves");
    }
  }

  /** Most bytes outside printable ASCII and no letters to speak of: binary, not text. */
  private static boolean binaryLooking(byte[] raw) {
    int ascii = 0;
    for (byte b : raw) {
      if (b >= 0x20 && b < 0x7F) {
        ascii++;
      }
    }
    return ascii * 2 < raw.length;
  }

  static InvalidInputException unrepairable(String field, String detail) {
    return new InvalidInputException(field, InputReason.UNREPAIRABLE_TEXT, detail);
  }

  /** The fast path: printable ASCII, or Vietnamese letters in NFC that all form syllables. */
  static boolean isClean(String s) {
    boolean ascii = true;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return false;
        }
      } else if (c >= 0x7F) {
        if (!Vietnamese.isVietnameseLetter(c) && "\u00a0‘’“”–—…".indexOf(c) < 0) {
          return false;
        }
        ascii = false;
      }
    }
    return ascii || Vietnamese.isUndamaged(s);
  }

  private static boolean hasDamageMark(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (Vietnamese.isDamageMark(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final Legacy.Table[] MOJIBAKE_TABLES = {
    Legacy.Table.CP1252, Legacy.Table.LATIN1, Legacy.Table.CP1258
  };

  private static final RepairKind[] MOJIBAKE_KINDS = {
    RepairKind.UTF8_READ_AS_CP1252, RepairKind.UTF8_READ_AS_LATIN1, RepairKind.UTF8_READ_AS_CP1258
  };

  /**
   * Undoes one layer of "UTF-8 bytes decoded as a single-byte code page": re-encodes with that code
   * page and decodes strict UTF-8. Windows-1252 is tried first; where a text reads the same under
   * Windows-1252 and Latin-1 or Windows-1258, the damage is reported as Windows-1252.
   */
  private static String peelMojibake(String s, List<RepairKind> kinds) {
    if (s.indexOf('\ufffd') >= 0) {
      String recovered = recoverUndefined(s);
      if (recovered != null) {
        kinds.add(RepairKind.UTF8_READ_AS_CP1252);
        return recovered;
      }
    }
    for (int t = 0; t < MOJIBAKE_TABLES.length; t++) {
      byte[] bytes = encode(MOJIBAKE_TABLES[t], s);
      if (bytes == null) {
        continue;
      }
      String decoded = strictUtf8(bytes);
      if (decoded != null && !hasForeignScript(decoded)) {
        kinds.add(MOJIBAKE_KINDS[t]);
        return decoded;
      }
    }
    return null;
  }

  /**
   * Whether a character lies outside what Vietnamese text and its mojibake hold (Latin, the
   * combining marks, Latin Extended Additional, punctuation and currency signs): a strict UTF-8
   * round trip that yields N'Ko or Cyrillic ("Cß¶ng", VISCII for "Cường", re-encodes to U+07F6) is
   * no repair.
   */
  static boolean hasForeignScript(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x250
          && !(c >= 0x300 && c <= 0x36F)
          && !(c >= 0x1E00 && c <= 0x1EFF)
          && !(c >= 0x2000 && c <= 0x20CF)
          && c != 0x2C6 // ˆ and ˜, which Windows-1252 holds
          && c != 0x2DC
          && c != 0x2122) {
        return true;
      }
    }
    return false;
  }

  /** The five bytes Windows-1252 leaves undefined; Java's decoder turns them into U+FFFD. */
  private static final String UNDEFINED_1252 = "\u0081\u008d\u008f\u0090\u009d";

  private static final int MAX_UNDEFINED = 4;

  /**
   * Undoes Windows-1252 mojibake made by a decoder that turned the undefined bytes into U+FFFD:
   * every choice of undefined byte is tried, and the repair stands only when exactly one choice
   * gives strict UTF-8 that reads as clean Vietnamese, Highlands words included ("Ä\ufffd" can only
   * be Đ; "Ã\ufffd" may be Á, Í or Ý and is refused unless the word settles it).
   *
   * <p>The choices are tried space-separated piece by piece, not over the whole text: a space is
   * byte 0x20 whatever the choices, so strict UTF-8 decoding, NFC composition and {@link
   * Vietnamese#damage} all add up piece by piece. Hence exactly one choice for the whole text reads
   * clean exactly when every piece has exactly one clean reading, and the search costs the sum of
   * the pieces' choices (at most 5 per U+FFFD in a word) instead of their product over the text.
   */
  static String recoverUndefined(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\ufffd') {
        count++;
      }
    }
    if (count > MAX_UNDEFINED) {
      return null;
    }
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = s.charAt(i);
      int b = c == '\ufffd' ? UNDEFINED_1252.charAt(0) : Legacy.Table.CP1252.encode(c);
      if (b < 0) {
        return null;
      }
      bytes[i] = (byte) b;
    }
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    while (from <= s.length()) {
      int to = s.indexOf(' ', from);
      if (to < 0) {
        to = s.length();
      }
      String piece = recoverPiece(s, bytes, from, to);
      if (piece == null) {
        return null;
      }
      if (from > 0) {
        out.append(' ');
      }
      out.append(piece);
      from = to + 1;
    }
    return out.toString();
  }

  /**
   * The one clean strict-UTF-8 reading of {@code bytes[from, to)} over the choices for the U+FFFD
   * of {@code s} there, or null when there is none or more than one. Changes those bytes.
   */
  private static String recoverPiece(String s, byte[] bytes, int from, int to) {
    int holes = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\ufffd') {
        holes++;
      }
    }
    int combos = 1;
    for (int i = 0; i < holes; i++) {
      combos *= UNDEFINED_1252.length();
    }
    String found = null;
    for (int combo = 0; combo < combos; combo++) {
      int rest = combo;
      for (int i = from; i < to; i++) {
        if (s.charAt(i) == '\ufffd') {
          bytes[i] = (byte) UNDEFINED_1252.charAt(rest % UNDEFINED_1252.length());
          rest /= UNDEFINED_1252.length();
        }
      }
      if (!isWellFormedUtf8(bytes, from, to)) {
        continue;
      }
      String decoded = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      if (!Vietnamese.isLooseUndamaged(compose(decoded))) {
        continue;
      }
      if (found != null) {
        // Two choices give different bytes, so different text: ambiguous.
        return null;
      }
      found = decoded;
    }
    return found;
  }

  /** Bytes of {@code s} in the table, or null when a character has no byte or all are ASCII. */
  private static byte[] encode(Legacy.Table table, String s) {
    byte[] out = new byte[s.length()];
    boolean high = false;
    for (int i = 0; i < out.length; i++) {
      int b = table.encode(s.charAt(i));
      if (b < 0) {
        return null;
      }
      high |= b >= 0x80;
      out[i] = (byte) b;
    }
    return high ? out : null;
  }

  /** {@link Utf8#strict}. */
  static String strictUtf8(byte[] bytes) {
    return Utf8.strict(bytes);
  }

  /** {@link Utf8#isWellFormed}. */
  static boolean isWellFormedUtf8(byte[] b, int from, int to) {
    return Utf8.isWellFormed(b, from, to);
  }

  private static String decodeLegacy(RepairKind kind, byte[] bytes) {
    return switch (kind) {
      case TCVN3 -> Legacy.fixCapitalWords(Legacy.Table.TCVN3.decode(bytes));
      case VISCII -> Legacy.Table.VISCII.decode(bytes);
      case CP1258 -> Legacy.Table.CP1258.decode(bytes);
      case VNI -> Legacy.decodeVni(bytes);
      default -> throw new AssertionError(kind);
    };
  }

  /**
   * Composes to NFC. A tone mark typed before the circumflex or breve (e + ◌̃ + ◌̂) blocks
   * composition; the marks are put in Vietnamese order first.
   */
  static String compose(String s) {
    // Precomposed-only text also has no combining mark to put in order: compose() leaves it as is.
    return VietnameseText.isPrecomposedOnly(s) ? s : composeSlow(s);
  }

  /** {@link #compose} without the fast path, through the JDK normaliser. */
  static String composeSlow(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder sb = null;
    for (int i = 0; i + 1 < d.length(); i++) {
      char a = d.charAt(i);
      char b = d.charAt(i + 1);
      if ("\u0300\u0301\u0303\u0309\u0323".indexOf(a) >= 0 && (b == '\u0302' || b == '\u0306')) {
        if (sb == null) {
          sb = new StringBuilder(d);
        }
        sb.setCharAt(i, b);
        sb.setCharAt(i + 1, a);
        i++;
      }
    }
    return Normalizer.normalize(sb == null ? d : sb, Normalizer.Form.NFC);
  }

  /** Replaces Ð/ð (U+00D0/U+00F0) with Đ/đ, or returns null when there is none. */
  private static String replaceEth(String s) {
    if (s.indexOf('\u00d0') < 0 && s.indexOf('\u00f0') < 0) {
      return null;
    }
    return s.replace('\u00d0', 'Đ').replace('\u00f0', 'đ');
  }
}
