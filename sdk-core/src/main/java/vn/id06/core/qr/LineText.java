package vn.id06.core.qr;

import static vn.id06.core.qr.FieldReader.ADDRESS;
import static vn.id06.core.qr.FieldReader.FULL_NAME;
import static vn.id06.core.qr.FieldReader.SEX;

import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.Sex;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/**
 * Line-level encoding detection: repairs the name, sex and address of one CCCD line together. A QR
 * line is written by one program, so a legacy encoding proven in one field is the encoding of all.
 * That settles a field which alone reads two ways ("Lê Vån" is VISCII for "Lê Văn" and TCVN3 for
 * "Lờ Vồn") and one that reads as other clean Vietnamese by chance (VNI "Thò" for "Thị", which
 * alone would pass unrepaired). The sex field's closed vocabulary (Nam/Nữ) is evidence too. Without
 * one proven encoding every field stands on its own evidence, as {@link TextRepairer#text} gives
 * it.
 *
 * <p>Stateless and thread-safe.
 */
final class LineText {
  private LineText() {}

  /** The text fields {@link #repair} repairs together, in its order. */
  private static final String[] LINE_FIELDS = {FULL_NAME, SEX, ADDRESS};

  /**
   * Repairs the three fields, reporting the repairs through the reader.
   *
   * @return the repaired name, sex and address (empty when the card has none)
   */
  static String[] repair(FieldReader reader, String rawName, String rawSex, String rawAddress) {
    TextRepairer repairer = reader.repairer();
    String[] raws = {rawName, rawSex, rawAddress};
    RepairedText[] done = new RepairedText[3];
    // Allocated on the first refusal only: the clean path is the hot one.
    InvalidInputException[] refused = null;
    for (int i = 0; i < 3; i++) {
      if (raws[i].isEmpty()) {
        if (i < 2) {
          throw new InvalidInputException(LINE_FIELDS[i], InputReason.EMPTY, "value missing");
        }
        continue;
      }
      try {
        done[i] = repairer.text(LINE_FIELDS[i], raws[i]);
      } catch (InvalidInputException e) {
        if (e.reason() != InputReason.UNREPAIRABLE_TEXT) {
          throw e;
        }
        if (refused == null) {
          refused = new InvalidInputException[3];
        }
        refused[i] = e;
      }
    }
    if (done[1] == null || !isSexWord(done[1].value())) {
      RepairedText sexWord = sexWordInOneLegacyEncoding(raws[1]);
      if (sexWord != null) {
        done[1] = sexWord;
        if (refused != null) {
          refused[1] = null;
        }
      }
    }
    RepairKind lineEncoding = oneLegacyEncoding(done);
    for (int i = 0; i < 3 && lineEncoding != null; i++) {
      if (raws[i].isEmpty() || (done[i] != null && done[i].repairs().contains(lineEncoding))) {
        continue;
      }
      RepairedText asLine = TextRepairer.standard().readAs(raws[i], lineEncoding).orElse(null);
      if (asLine != null) {
        done[i] = asLine;
        if (refused != null) {
          refused[i] = null;
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      if (refused != null && refused[i] != null) {
        throw refused[i];
      }
      if (done[i] != null) {
        reader.addByteRepairs(LINE_FIELDS[i], raws[i]);
        raws[i] = reader.collect(LINE_FIELDS[i], done[i]); // the array now carries the values
      }
    }
    return raws;
  }

  private static boolean isSexWord(String s) {
    try {
      Sex.parse(s);
      return true;
    } catch (InvalidInputException notASexWord) {
      return false;
    }
  }

  /** "Nữ" in exactly one legacy encoding (Nam is plain ASCII in all of them), or null. */
  private static RepairedText sexWordInOneLegacyEncoding(String raw) {
    RepairedText found = null;
    for (RepairKind kind : RepairKind.values()) {
      if (!kind.isLegacyEncoding()) {
        continue;
      }
      RepairedText r = TextRepairer.standard().readAs(raw, kind).orElse(null);
      if (r != null && isSexWord(r.value())) {
        if (found != null) {
          return null;
        }
        found = r;
      }
    }
    return found;
  }

  /** The one legacy encoding the repaired fields show, or null when none or several. */
  private static RepairKind oneLegacyEncoding(RepairedText[] done) {
    RepairKind found = null;
    for (RepairedText r : done) {
      if (r == null) {
        continue;
      }
      for (RepairKind k : r.repairs()) {
        if (k.isLegacyEncoding()) {
          if (found != null && found != k) {
            return null;
          }
          found = k;
        }
      }
    }
    return found;
  }
}
