package vn.id06.core.text;

/**
 * Damaged text read as each legacy Vietnamese encoding (TCVN3, VNI, VISCII, Windows-1258), the
 * candidates offered to a {@link Choice}. Stateless and thread-safe.
 */
final class LegacyDecoding {
  private LegacyDecoding() {}

  /** The legacy decodings tried on damaged text, in the order reported on ambiguity. */
  private static final RepairKind[] LEGACY = {
    RepairKind.TCVN3, RepairKind.VNI, RepairKind.VISCII, RepairKind.CP1258
  };

  /** Whether the kind names a legacy Vietnamese encoding (not mojibake or input damage). */
  static boolean isLegacyEncoding(RepairKind kind) {
    for (RepairKind k : LEGACY) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  /**
   * Offers every legacy decoding of the bytes that decodes at all and differs from {@code except}
   * (null: no exception).
   */
  static void offerAll(Choice choice, byte[] bytes, String except) {
    for (RepairKind kind : LEGACY) {
      String candidate = decode(kind, bytes);
      if (candidate != null && !candidate.equals(except)) {
        choice.offer(candidate, kind);
      }
    }
  }

  /** The bytes read as the legacy encoding, or null where they are not valid in it (VNI). */
  static String decode(RepairKind kind, byte[] bytes) {
    return switch (kind) {
      case TCVN3 -> Legacy.fixCapitalWords(Legacy.Table.TCVN3.decode(bytes));
      case VISCII -> Legacy.Table.VISCII.decode(bytes);
      case CP1258 -> Legacy.Table.CP1258.decode(bytes);
      case VNI -> Legacy.decodeVni(bytes);
      default -> throw new AssertionError(kind);
    };
  }
}
