package vn.id06.core.qr;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.text.Utf8;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/**
 * The card-QR parser behind {@link CardQrParser}: the input's size and encoding, then the layout's
 * parser. The jobs are classes of their own: {@link QrFields} splits, {@link Layout} detects the
 * layout, {@link FieldReader} types the fields, {@link LineText} detects a line's legacy encoding,
 * {@link NoExpiry} reads "Không thời hạn", {@link ExtraFields} checks what follows a known layout,
 * {@link IdentityCardQr} and {@link BhytQr} build the result.
 *
 * <p>Immutable and thread-safe; all per-parse state lives in a {@link FieldReader}. No catch-all: a
 * RuntimeException other than {@link InvalidInputException} is a bug of the SDK, not bad input.
 */
final class QrEngine {
  private final Clock clock;
  private final int maxInputLength;
  private final TextRepairer repairer;

  /**
   * Creates the engine.
   *
   * @param clock decides "today" for future-date checks
   * @param maxInputLength the longest input, in chars
   * @param repairer the text repairer
   */
  QrEngine(Clock clock, int maxInputLength, TextRepairer repairer) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxInputLength = maxInputLength;
    this.repairer = Objects.requireNonNull(repairer, "repairer");
  }

  /**
   * Parses QR text.
   *
   * @param input the text
   * @return the parsed fields
   */
  CardQr parse(String input) {
    if (input == null) {
      throw new InvalidInputException(QrFields.FIELD, InputReason.EMPTY, "no text");
    }
    if (input.length() > maxInputLength) {
      throw tooLong();
    }
    return parse(input, List.of());
  }

  /**
   * Parses QR bytes. Valid UTF-8 is decoded strictly, which is what {@link TextRepairer#decode}
   * does with it, and the text repairs are then made field by field so that each names its field.
   * Other bytes go through {@link TextRepairer#decode}; the byte-level repairs it reports are
   * attributed to every text field holding non-ASCII text, since a single-byte decode changes only
   * those.
   *
   * @param raw the bytes
   * @return the parsed fields
   */
  CardQr parse(byte[] raw) {
    if (raw == null || raw.length == 0) {
      throw new InvalidInputException(QrFields.FIELD, InputReason.EMPTY, "no bytes");
    }
    // A char takes at most 3 bytes in UTF-8 (4 for a surrogate pair, which is 2 chars); plus a BOM.
    if (raw.length > (long) maxInputLength * 3 + 3) {
      throw tooLong();
    }
    if (isUtf16(raw)) {
      // PowerShell's ">" writes UTF-16; its NUL bytes would otherwise be reported as binary data.
      throw new InvalidInputException(
          QrFields.FIELD, InputReason.UNRECOGNISED_FORMAT, "UTF-16 text: the QR must be UTF-8");
    }
    String utf8 = Utf8.strict(raw);
    if (utf8 != null) {
      return parse(utf8);
    }
    RepairedText decoded = repairer.decode(QrFields.FIELD, raw);
    if (decoded.value().length() > maxInputLength) {
      throw tooLong();
    }
    return parse(decoded.value(), decoded.repairs());
  }

  private CardQr parse(String input, List<RepairKind> byteRepairs) {
    FieldReader reader = new FieldReader(clock, repairer, byteRepairs);
    QrFields f = QrFields.split(input);
    return Layout.isBhyt(f) ? BhytQr.parse(f, reader) : IdentityCardQr.parse(f, reader);
  }

  /**
   * UTF-16: a byte-order mark (FE FF, FF FE), or NUL in every other byte of the first pairs (ASCII
   * text written as UTF-16 without a mark).
   */
  static boolean isUtf16(byte[] raw) {
    if (raw.length >= 2
        && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
            || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE))) {
      return true;
    }
    int pairs = Math.min(raw.length / 2, 8);
    if (pairs < 2) {
      return false;
    }
    boolean evenNul = true;
    boolean oddNul = true;
    for (int i = 0; i < pairs; i++) {
      evenNul &= raw[2 * i] == 0 && raw[2 * i + 1] != 0;
      oddNul &= raw[2 * i + 1] == 0 && raw[2 * i] != 0;
    }
    return evenNul || oddNul;
  }

  private InvalidInputException tooLong() {
    return new InvalidInputException(
        QrFields.FIELD, InputReason.TOO_LONG, "longer than " + maxInputLength + " chars");
  }
}
