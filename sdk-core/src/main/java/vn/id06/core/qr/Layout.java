package vn.id06.core.qr;

import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.text.TextRepairer;

/**
 * Layout detection from the structure of the fields: which card, whether the 2021 line's old-ID
 * slot is there, where the expiry and the extra fields are. Immutable.
 */
final class Layout {
  /** Fields of the 2021 layout: id, old id, name, birth, sex, address, issue. */
  private static final int CCCD_FIELDS = 7;

  /** Fields of a BHYT QR before the optional ones and the terminator. */
  static final int BHYT_FIELDS = 8;

  final CardQrKind kind;
  final boolean withOldId;

  /** Index of the name field less one: 1 with the old-ID slot, else 0. */
  final int base;

  /** Index of the expiry field, or -1 when there is none. */
  final int expiryAt;

  /** Index of the first extra field (the field count when there are none). */
  final int extrasFrom;

  private Layout(CardQrKind kind, boolean withOldId, int expiryAt, int extrasFrom) {
    this.kind = kind;
    this.withOldId = withOldId;
    this.base = withOldId ? 1 : 0;
    this.expiryAt = expiryAt;
    this.extrasFrom = extrasFrom;
  }

  /** BHYT ends with a "$" field, or has 1/2 in the sex slot where a CCCD has a date or Nam/Nữ. */
  static boolean isBhyt(QrFields f) {
    int n = f.count();
    if (n >= 2 && f.is(n - 1, "$")) {
      return true;
    }
    return n >= BHYT_FIELDS && (f.is(3, "1") || f.is(3, "2"));
  }

  /**
   * The layout of an identity card's fields (labels already stripped).
   *
   * @param repairer reads a damaged "Không thời hạn" in the expiry slot
   * @throws InvalidInputException when the fields fit no identity-card layout
   */
  static Layout identityCard(QrFields f, TextRepairer repairer) {
    int n = f.count();
    if (n < 6) {
      throw new InvalidInputException(
          QrFields.FIELD, InputReason.WRONG_FIELD_COUNT, "expected at least 6 fields");
    }
    if (f.hasLetterOrSpace(0)) {
      throw new InvalidInputException(
          QrFields.FIELD, InputReason.UNRECOGNISED_FORMAT, "first field is not a number");
    }
    boolean withOldId = hasOldIdSlot(f);
    int known = CCCD_FIELDS - 1 + (withOldId ? 1 : 0);
    if (withOldId) {
      if (n < CCCD_FIELDS) {
        throw new InvalidInputException(
            QrFields.FIELD, InputReason.WRONG_FIELD_COUNT, "the issue date is missing");
      }
      if (n == CCCD_FIELDS) {
        return new Layout(CardQrKind.CCCD_2021, true, -1, n);
      }
      if (n == CCCD_FIELDS + 1 && isExpiryField(f, CCCD_FIELDS, repairer)) {
        return new Layout(CardQrKind.CCCD_2021, true, CCCD_FIELDS, n);
      }
      return new Layout(CardQrKind.CAN_CUOC_2024, true, -1, CCCD_FIELDS);
    }
    if (n == known + 1 && isExpiryField(f, known, repairer)) {
      return new Layout(CardQrKind.CCCD_2021_SHORT, false, known, n);
    }
    if (n != known) {
      throw new InvalidInputException(
          QrFields.FIELD, InputReason.WRONG_FIELD_COUNT, "expected 6 fields without the old ID");
    }
    return new Layout(CardQrKind.CCCD_2021_SHORT, false, -1, n);
  }

  /**
   * Whether the 2021 layout's old-ID slot is there: the sex field (Nam/Nữ) sits at index 4 rather
   * than 3; when that does not decide, the second field holding no letter or space (an old ID, or
   * empty).
   */
  private static boolean hasOldIdSlot(QrFields f) {
    boolean sexAt3 = f.looksLikeSex(3);
    boolean sexAt4 = f.looksLikeSex(4);
    if (sexAt4 != sexAt3) {
      return sexAt4;
    }
    return f.isEmpty(1) || !f.hasLetterOrSpace(1);
  }

  private static boolean isExpiryField(QrFields f, int i, TextRepairer repairer) {
    return f.isEmpty(i) || f.looksLikeDate(i) || NoExpiry.reading(repairer, f.get(i)) != null;
  }
}
