package vn.id06.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.VietnameseText;
import vn.id06.core.internal.text.Utf8;

/**
 * Entry points behind {@link vn.id06.core.text.TextRepairer}: the order of the steps and the
 * repairs each one reports. The steps are classes of their own: {@link Mojibake} (with {@link
 * LostBytes}), {@link Nfc}, {@link LegacyDecoding}, and the decision rule {@link Choice}. Stateless
 * and thread-safe.
 *
 * <p>Rule: a repair is made only when the evidence proves it (a strict UTF-8 round trip, or a
 * decoding that turns damaged text into valid Vietnamese syllables where no other decoding does).
 * Exceptions name the field and the reason, never the text.
 */
final class Repairs {
  private Repairs() {}

  /** See {@link vn.id06.core.text.TextRepairer#text}. */
  static RepairedText text(String field, String input) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(input, "input");
    if (isClean(input)) {
      return new RepairedText(input, List.of());
    }
    List<RepairKind> kinds = new ArrayList<>(3);
    // Compared on both counts, so that a peel that leaves Highlands words ("Hră") reads better.
    int inputDamage = Vietnamese.readingDamage(input);
    String cur = Mojibake.peel(input, inputDamage, kinds);
    boolean mojibake = !kinds.isEmpty();
    if (!VietnameseText.isPrecomposedOnly(cur)
        && !Normalizer.isNormalized(cur, Normalizer.Form.NFC)) {
      cur = Nfc.compose(cur);
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
      LegacyDecoding.offerAll(choice, view, cur);
    }
    if (choice.decide(field, Vietnamese.isLooseUndamaged(cur))) {
      kinds.add(choice.kind());
      return new RepairedText(choice.text(), kinds);
    }
    if (!hasDamageMark(cur) && (!mojibake || Vietnamese.readingDamage(cur) < inputDamage)) {
      // Only words that are no Vietnamese syllable remain (a minority-language name, or text that
      // reads as Vietnamese both as it is and decoded): nothing proves damage, so it is kept.
      return new RepairedText(cur, kinds);
    }
    throw Choice.unrepairable(field, "damaged text with no provable repair");
  }

  /**
   * Reads text as the given legacy encoding: the decoding when it reads as Vietnamese (Highlands
   * words included) and differs from the input, else null. For a caller that knows the encoding
   * from other evidence (another field of the same QR line) where the text alone cannot tell it.
   *
   * @param input the text, its legacy bytes shown as characters
   * @param legacy one of the kinds for which {@link LegacyDecoding#isLegacyEncoding} holds
   * @return the repaired text with {@code legacy} as its one repair, or null
   */
  static RepairedText textAs(String input, RepairKind legacy) {
    if (!LegacyDecoding.isLegacyEncoding(legacy)) {
      throw new IllegalArgumentException("not a legacy encoding: " + legacy);
    }
    byte[] view = Legacy.byteView(input);
    if (view == null) {
      return null;
    }
    String candidate = LegacyDecoding.decode(legacy, view);
    if (candidate == null || candidate.equals(input) || !Vietnamese.isLooseUndamaged(candidate)) {
      return null;
    }
    return new RepairedText(candidate, List.of(legacy));
  }

  /** See {@link vn.id06.core.text.TextRepairer#digits}. */
  static RepairedText digits(String field, String input) {
    return InputDamage.digits(field, input);
  }

  /** See {@link vn.id06.core.text.TextRepairer#hexUtf8}. */
  static RepairedText hexUtf8(String field, String hex) {
    return InputDamage.hexUtf8(field, hex);
  }

  /** See {@link vn.id06.core.text.TextRepairer#decode}. */
  static RepairedText decode(String field, byte[] raw) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(raw, "raw");
    boolean controls = false;
    for (byte b : raw) {
      if (b == 0) {
        throw new InvalidInputException(field, InputReason.BINARY_DATA, "NUL byte");
      }
      controls |= (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
    }
    String utf8 = Utf8.strict(raw);
    if (utf8 != null && !controls) {
      return text(field, utf8);
    }
    Choice choice = new Choice();
    LegacyDecoding.offerAll(choice, raw, null);
    if (!choice.decide(field, false)) {
      if (controls || binaryLooking(raw)) {
        throw new InvalidInputException(field, InputReason.BINARY_DATA, "not text");
      }
      throw Choice.unrepairable(field, "neither UTF-8 nor a provable legacy encoding");
    }
    RepairedText rest = text(field, choice.text());
    List<RepairKind> kinds = new ArrayList<>(rest.repairs().size() + 1);
    kinds.add(choice.kind());
    kinds.addAll(rest.repairs());
    return new RepairedText(rest.value(), kinds);
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

  /** Replaces Ð/ð (U+00D0/U+00F0) with Đ/đ, or returns null when there is none. */
  private static String replaceEth(String s) {
    if (s.indexOf('\u00d0') < 0 && s.indexOf('\u00f0') < 0) {
      return null;
    }
    return s.replace('\u00d0', 'Đ').replace('\u00f0', 'đ');
  }
}
