package vn.id06.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.internal.citizen.Digits;
import vn.id06.core.internal.text.Utf8;

/**
 * Undoes input-method (Telex, VNI) and keyboard-layout damage in digit and hex fields. Each way of
 * damage is undone on its own; when more than one restores a valid value, nothing is returned.
 * Stateless.
 */
final class InputDamage {
  private InputDamage() {}

  /**
   * Upper bound on the repair candidates explored for one field (each ambiguous letter doubles).
   */
  private static final int MAX_CANDIDATES = 256;

  /**
   * French and Belgian AZERTY number row without Shift, for the keys that type 1..0 on a US
   * keyboard (the French and Belgian rows differ only at 6 and 8, so both fit one table).
   */
  private static final String AZERTY_KEYS = "&é\"'(-§è_!çà";

  private static final String AZERTY_DIGITS = "123456678890";

  static RepairedText digits(String field, String input) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(input, "input");
    if (input.isEmpty()) {
      throw new InvalidInputException(field, InputReason.EMPTY, "no digits");
    }
    if (Digits.isAsciiDigits(input)) {
      // The usual case, answered before the per-character key lookups below.
      return new RepairedText(input, List.of());
    }
    boolean digits = true;
    boolean anyDigit = false;
    boolean allKeys = true;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      boolean d = c >= '0' && c <= '9';
      digits &= d;
      anyDigit |= d;
      allKeys &= AZERTY_KEYS.indexOf(c) >= 0;
    }
    if (digits) {
      return new RepairedText(input, List.of());
    }
    // A wedge scanner typing through AZERTY without Shift produces no digit at all; two distinct
    // keys at least, so that a lone "-" placeholder is never read as 6.
    if (allKeys && !anyDigit && input.chars().distinct().count() >= 2) {
      StringBuilder sb = new StringBuilder(input.length());
      for (int i = 0; i < input.length(); i++) {
        sb.append(AZERTY_DIGITS.charAt(AZERTY_KEYS.indexOf(input.charAt(i))));
      }
      return new RepairedText(sb.toString(), List.of(RepairKind.KEYBOARD_LAYOUT_IN_DIGITS));
    }
    throw new InvalidInputException(field, InputReason.NOT_DIGITS, "not provably digits");
  }

  static RepairedText hexUtf8(String field, String hex) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(hex, "hex");
    if (isHex(hex)) {
      byte[] bytes = hexBytes(hex);
      if (bytes == null) {
        throw new InvalidInputException(field, InputReason.MALFORMED, "odd number of hex digits");
      }
      return Repairs.decode(field, bytes);
    }
    RepairedText found = null;
    for (Scheme scheme : Scheme.values()) {
      List<String> candidates = scheme.undo(hex);
      if (candidates == null) {
        continue;
      }
      for (String candidate : candidates) {
        RepairedText decoded = tryDecode(field, candidate);
        if (decoded == null) {
          continue;
        }
        if (found != null && !found.value().equals(decoded.value())) {
          throw Choice.unrepairable(field, "ambiguous: more than one repair of the hex fits");
        }
        if (found == null) {
          List<RepairKind> kinds = new ArrayList<>(decoded.repairs().size() + 1);
          kinds.add(scheme.kind);
          kinds.addAll(decoded.repairs());
          found = new RepairedText(decoded.value(), kinds);
        }
      }
    }
    if (found == null) {
      throw Choice.unrepairable(field, "hex with no provable repair");
    }
    return found;
  }

  /**
   * Decodes a repaired hex candidate; it counts only as strict UTF-8 reading as clean text (Kinh
   * syllables or Highlands words).
   */
  private static RepairedText tryDecode(String field, String hex) {
    byte[] bytes = hexBytes(hex);
    if (bytes == null) {
      return null;
    }
    String s = Utf8.strict(bytes);
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Vietnamese.isDamageMark(s.charAt(i)) && !Character.isLetter(s.charAt(i))) {
        if (Character.getType(s.charAt(i)) != Character.NON_SPACING_MARK) {
          return null;
        }
      }
    }
    try {
      RepairedText t = Repairs.text(field, s);
      return Vietnamese.isLooseUndamaged(t.value()) ? t : null;
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  private static byte[] hexBytes(String hex) {
    if (hex.length() % 2 != 0 || !isHex(hex)) {
      return null;
    }
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] =
          (byte)
              (Character.digit(hex.charAt(2 * i), 16) << 4
                  | Character.digit(hex.charAt(2 * i + 1), 16));
    }
    return b;
  }

  /** One way of damaging hex text, undone character by character. */
  private enum Scheme {
    TELEX(RepairKind.TELEX_IN_HEX),
    VNI(RepairKind.VNI_IN_HEX),
    AZERTY(RepairKind.KEYBOARD_LAYOUT_IN_HEX);

    final RepairKind kind;

    Scheme(RepairKind kind) {
      this.kind = kind;
    }

    /** All hex strings this scheme could have turned into {@code s}; null when none. */
    List<String> undo(String s) {
      List<StringBuilder> out = new ArrayList<>();
      out.add(new StringBuilder(s.length() + 8));
      boolean changed = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        String[] alternatives = alternatives(Character.toLowerCase(c));
        if (alternatives == null) {
          if (Character.digit(c, 16) < 0 || (this == AZERTY && c <= '9')) {
            return null;
          }
          for (StringBuilder sb : out) {
            sb.append(c);
          }
          continue;
        }
        changed = true;
        if (out.size() * alternatives.length > MAX_CANDIDATES) {
          return null;
        }
        List<StringBuilder> next = new ArrayList<>(out.size() * alternatives.length);
        for (StringBuilder sb : out) {
          for (String a : alternatives) {
            next.add(new StringBuilder(sb).append(a));
          }
        }
        out = next;
      }
      if (!changed) {
        return null;
      }
      List<String> result = new ArrayList<>(out.size());
      for (StringBuilder sb : out) {
        result.add(sb.toString());
      }
      return result;
    }

    private String[] alternatives(char c) {
      return switch (this) {
        case TELEX -> telex(c);
        case VNI -> vni(c);
        case AZERTY -> azerty(c);
      };
    }
  }

  private static String[] azerty(char c) {
    if (c == 'q') {
      return new String[] {"a"}; // AZERTY swaps A and Q
    }
    int k = AZERTY_KEYS.indexOf(c);
    return k >= 0 ? new String[] {String.valueOf(AZERTY_DIGITS.charAt(k))} : null;
  }

  /** Telex: dd→đ, aa→â, ee→ê, f (huyền) after a vowel, and aaf/afa→ầ. Only hex letters occur. */
  private static String[] telex(char c) {
    return switch (c) {
      case 'đ' -> new String[] {"dd"};
      case 'â' -> new String[] {"aa"};
      case 'ê' -> new String[] {"ee"};
      case 'à' -> new String[] {"af"};
      case 'è' -> new String[] {"ef"};
      case 'ầ' -> new String[] {"aaf", "afa"};
      case 'ề' -> new String[] {"eef", "efe"};
      default -> null;
    };
  }

  private static final String VNI_TONES = "\u0301\u0300\u0309\u0303\u0323";

  /**
   * VNI: 1..5 are the tones after a vowel, 6 the circumflex, 8 the breve, d9 is đ. A letter with a
   * shape and a tone may have been typed with either key first.
   */
  private static String[] vni(char c) {
    if (c == 'đ') {
      return new String[] {"d9"};
    }
    String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    if (d.length() < 2 || (d.charAt(0) != 'a' && d.charAt(0) != 'e')) {
      return null;
    }
    String shape = "";
    String tone = "";
    for (int i = 1; i < d.length(); i++) {
      char m = d.charAt(i);
      int t = VNI_TONES.indexOf(m);
      if (t >= 0) {
        tone = String.valueOf(t + 1);
      } else if (m == '\u0302') {
        shape = "6";
      } else if (m == '\u0306' && d.charAt(0) == 'a') {
        shape = "8";
      } else {
        return null;
      }
    }
    String base = String.valueOf(d.charAt(0));
    if (shape.isEmpty() || tone.isEmpty()) {
      return new String[] {base + shape + tone};
    }
    return new String[] {base + shape + tone, base + tone + shape};
  }
}
