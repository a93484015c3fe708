package vn.id06.core.text;

import java.util.ArrayList;
import java.util.List;
import vn.id06.core.internal.text.Utf8;

/**
 * UTF-8 read as a single-byte code page ("Nguyễn" shown as "Nguyá»…n"), up to three layers deep:
 * each layer re-encodes with the code page and decodes as strict UTF-8. Stateless and thread-safe.
 */
final class Mojibake {
  private Mojibake() {}

  private static final int MAX_LAYERS = 3;

  private static final Legacy.Table[] TABLES = {
    Legacy.Table.CP1252, Legacy.Table.LATIN1, Legacy.Table.CP1258
  };

  private static final RepairKind[] KINDS = {
    RepairKind.UTF8_READ_AS_CP1252, RepairKind.UTF8_READ_AS_LATIN1, RepairKind.UTF8_READ_AS_CP1258
  };

  /**
   * Peels every layer that round-trips as strict UTF-8, then keeps the depth that reads best: an
   * inner layer of double mojibake may look no better until the outer one is gone too.
   *
   * @param input the text
   * @param inputDamage {@link Vietnamese#readingDamage} of the input
   * @param kinds receives one kind per layer kept, outermost first
   * @return the text at the depth kept (the input when no layer reads better)
   */
  static String peel(String input, int inputDamage, List<RepairKind> kinds) {
    String cur = input;
    String best = input;
    int bestDamage = inputDamage;
    int bestDepth = 0;
    List<RepairKind> peeledKinds = new ArrayList<>(MAX_LAYERS);
    for (int layer = 0; layer < MAX_LAYERS; layer++) {
      String peeled = peelOne(cur, peeledKinds);
      if (peeled == null) {
        break;
      }
      cur = peeled;
      int d = Vietnamese.readingDamage(Nfc.compose(cur));
      // Once one layer is proven, a deeper strict round trip that reads as well wins the tie: clean
      // Vietnamese letters never form UTF-8 sequences in these code pages, so an inner layer that
      // still decodes is more mojibake ("Ã’n" is a first peel of "Òn" that happens to pass as
      // clean).
      if (d < bestDamage || (bestDepth > 0 && d == bestDamage)) {
        best = cur;
        bestDamage = d;
        bestDepth = peeledKinds.size();
      }
    }
    kinds.addAll(peeledKinds.subList(0, bestDepth));
    return best;
  }

  /**
   * Undoes one layer of "UTF-8 bytes decoded as a single-byte code page": re-encodes with that code
   * page and decodes strict UTF-8. Windows-1252 is tried first; where a text reads the same under
   * Windows-1252 and Latin-1 or Windows-1258, the damage is reported as Windows-1252.
   */
  private static String peelOne(String s, List<RepairKind> kinds) {
    if (s.indexOf('\ufffd') >= 0) {
      String recovered = LostBytes.recoverUndefined(s);
      if (recovered != null) {
        kinds.add(RepairKind.UTF8_READ_AS_CP1252);
        return recovered;
      }
    }
    for (int t = 0; t < TABLES.length; t++) {
      byte[] bytes = encode(TABLES[t], s);
      if (bytes == null) {
        continue;
      }
      String decoded = Utf8.strict(bytes);
      if (decoded != null && !hasForeignScript(decoded)) {
        kinds.add(KINDS[t]);
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
}
