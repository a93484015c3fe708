package vn.id06.core.qr;

import java.util.List;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/** The expiry field's "Không thời hạn" (no expiry), read through any repair. Stateless. */
final class NoExpiry {
  private NoExpiry() {}

  private static final int MIN_LENGTH = 12;
  private static final int MAX_LENGTH = 40;

  /**
   * The field read as "Không thời hạn": as it is, or under any repair the field allows (mojibake, a
   * legacy encoding: VNI writes it "Khoâng thôøi haïn"), so that the layout follows from the
   * structure and not from whether a damaged field reads cleanly. Null when no reading says it.
   */
  static RepairedText reading(TextRepairer repairer, String raw) {
    if (raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
      return null;
    }
    if (isNoExpiryText(raw)) {
      return new RepairedText(raw, List.of());
    }
    try {
      RepairedText r = repairer.text(FieldReader.EXPIRY_DATE, raw);
      if (isNoExpiryText(r.value())) {
        return r;
      }
    } catch (InvalidInputException unreadable) {
      // Not readable alone: the legacy readings below may still say it.
    }
    for (RepairKind kind : RepairKind.values()) {
      if (kind.isLegacyEncoding()) {
        RepairedText r = TextRepairer.standard().readAs(raw, kind).orElse(null);
        if (r != null && isNoExpiryText(r.value())) {
          return r;
        }
      }
    }
    return null;
  }

  /** "Không thời hạn", accents, case and spacing ignored. */
  static boolean isNoExpiryText(String v) {
    String folded =
        VietnameseText.lower(VietnameseText.stripDiacritics(v)).strip().replaceAll("\\s+", " ");
    return folded.equals("khong thoi han");
  }
}
