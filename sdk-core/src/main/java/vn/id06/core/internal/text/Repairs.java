package vn.id06.core.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.text.RepairKind;
import vn.id06.core.text.RepairedText;

/** Entry points behind {@link vn.id06.core.text.TextRepairer}. Stateless. */
public final class Repairs {
  private Repairs() {}

  /** See {@link vn.id06.core.text.TextRepairer#text}. */
  public static RepairedText text(String field, String input) {
    if (Normalizer.isNormalized(input, Normalizer.Form.NFC)) {
      return new RepairedText(input, List.of());
    }
    return new RepairedText(
        Normalizer.normalize(input, Normalizer.Form.NFC), List.of(RepairKind.NFD_TO_NFC));
  }

  /** See {@link vn.id06.core.text.TextRepairer#digits}. */
  public static RepairedText digits(String field, String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInputException(field, InputReason.NOT_DIGITS, "not ASCII digits");
      }
    }
    return new RepairedText(input, List.of());
  }

  /** See {@link vn.id06.core.text.TextRepairer#hexUtf8}. */
  public static RepairedText hexUtf8(String field, String hex) {
    if (hex.length() % 2 != 0) {
      throw new InvalidInputException(field, InputReason.MALFORMED, "odd hex length");
    }
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new InvalidInputException(field, InputReason.MALFORMED, "not hex");
      }
      b[i] = (byte) (hi << 4 | lo);
    }
    return decode(field, b);
  }

  /** See {@link vn.id06.core.text.TextRepairer#decode}. */
  public static RepairedText decode(String field, byte[] raw) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
      return text(field, s);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(field, InputReason.UNREPAIRABLE_TEXT, "not UTF-8");
    }
  }
}
