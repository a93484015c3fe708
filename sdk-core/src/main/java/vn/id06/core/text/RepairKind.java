package vn.id06.core.text;

/**
 * One kind of damage that {@link TextRepairer} undid. The names are stable codes and hold no
 * personal data.
 *
 * <p>There is no Telex or VNI kind for digit fields: both input methods change a key only after a
 * vowel or "d", and a QR digit field holds neither, so such damage cannot occur there (it does in
 * hex fields, whose letters a-f include vowels and "d").
 *
 * <p>Immutable and thread-safe.
 */
public enum RepairKind {
  /** UTF-8 bytes were decoded as Windows-1252 ("Nguyễn" shown as "Nguyá»…n"). */
  UTF8_READ_AS_CP1252,
  /** UTF-8 bytes were decoded as ISO-8859-1 (Latin-1). */
  UTF8_READ_AS_LATIN1,
  /** UTF-8 bytes were decoded as Windows-1258 (the Windows Vietnamese code page). */
  UTF8_READ_AS_CP1258,
  /** The text was in decomposed form (NFD, tổ hợp) and was composed to NFC (dựng sẵn). */
  NFD_TO_NFC,
  /** The look-alike Icelandic eth (Ð U+00D0, ð U+00F0) stood for đ/Đ (U+0111/U+0110). */
  ETH_AS_D_STROKE,
  /** The text was in the legacy TCVN3 (ABC, TCVN 5712) font encoding. */
  TCVN3,
  /** The text was in the legacy VNI-Windows font encoding. */
  VNI,
  /** The text was in the legacy VISCII encoding. */
  VISCII,
  /** The bytes were in the Windows-1258 code page rather than UTF-8. */
  CP1258,
  /** A Telex input method rewrote characters of a hex field ("dd" became "đ"). */
  TELEX_IN_HEX,
  /** A VNI input method rewrote characters of a hex field ("a1" became "á"). */
  VNI_IN_HEX,
  /**
   * A keyboard-wedge scanner typed a digit field through a non-US layout (AZERTY "à&é" for "012").
   */
  KEYBOARD_LAYOUT_IN_DIGITS,
  /**
   * A keyboard-wedge scanner typed a hex field through a non-US layout (AZERTY "à&é" for "012").
   */
  KEYBOARD_LAYOUT_IN_HEX;

  /**
   * Tells whether this kind names a legacy Vietnamese encoding (TCVN3, VNI, VISCII, Windows-1258
   * bytes), as opposed to mojibake or input damage.
   *
   * @return true for {@link #TCVN3}, {@link #VNI}, {@link #VISCII} and {@link #CP1258}
   */
  public boolean isLegacyEncoding() {
    return this == TCVN3 || this == VNI || this == VISCII || this == CP1258;
  }
}
