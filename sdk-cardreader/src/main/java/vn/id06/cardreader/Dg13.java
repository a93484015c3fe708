package vn.id06.cardreader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The raw view of DG13, the Vietnamese data group with the holder's personal data, field by field.
 *
 * <p>DG13 is {@code 6D { 30 { version, OID, 31 { 30 { INTEGER n, value... }... } } } }: each field
 * carries its number. Fields are looked up by number, never by position or byte offset; a field
 * whose number this SDK does not know is kept, raw. The numbers seen on 2021 chip cards are: 1 ID
 * number, 2 full name, 3 date of birth (dd/MM/yyyy), 4 sex, 5 nationality, 6 ethnicity, 7 religion,
 * 8 place of origin, 9 place of permanent residence, 10 identifying marks, 11 issue date, 12 expiry
 * date (or "Không thời hạn"), 13 father's and mother's names, 14 spouse's name, 15 and 16 the old
 * ID number (sources disagree which).
 *
 * <p>Immutable and thread-safe. Holds personal data: {@code toString()} lists field numbers only.
 */
public final class Dg13 {
  private static final int MAX_DEPTH = 4;

  private final Map<Integer, List<String>> texts;
  private final Map<Integer, byte[]> raw;

  private Dg13(Map<Integer, List<String>> texts, Map<Integer, byte[]> raw) {
    this.texts = texts;
    this.raw = raw;
  }

  /**
   * Parses DG13 as read from the chip.
   *
   * @param file the whole file, starting with tag 6D
   * @return the fields
   * @throws vn.id06.core.InvalidInputException with field {@code "DG13"} when the bytes are not a
   *     well-formed DG13
   */
  public static Dg13 parse(byte[] file) {
    Tlv root = Tlv.parseWhole(file.clone(), "DG13");
    if (root.tag() != 0x6D) {
      throw Errors.malformed("DG13", "the file does not start with tag 6D");
    }
    Map<Integer, List<String>> texts = new LinkedHashMap<>();
    Map<Integer, byte[]> raw = new LinkedHashMap<>();
    walk(root, 0, texts, raw);
    return new Dg13(texts, raw);
  }

  private static void walk(
      Tlv node, int depth, Map<Integer, List<String>> texts, Map<Integer, byte[]> raw) {
    if (depth > MAX_DEPTH) {
      throw Errors.malformed("DG13", "nested too deeply");
    }
    for (Tlv child : node.children("DG13")) {
      if (child.tag() == 0x31) {
        walk(child, depth + 1, texts, raw);
      } else if (child.tag() == 0x30) {
        List<Tlv> parts = child.children("DG13");
        boolean header =
            parts.size() >= 2 && parts.get(0).tag() == 0x02 && parts.get(1).tag() == 0x06;
        if (header) {
          walk(child, depth + 1, texts, raw);
        } else if (!parts.isEmpty() && parts.get(0).tag() == 0x02) {
          field(child, parts, texts, raw);
        }
      }
    }
  }

  private static void field(
      Tlv entry, List<Tlv> parts, Map<Integer, List<String>> texts, Map<Integer, byte[]> raw) {
    byte[] n = parts.get(0).value();
    if (n.length != 1) {
      throw Errors.malformed("DG13", "a field number out of range");
    }
    int number = n[0] & 0xFF;
    if (raw.containsKey(number)) {
      throw Errors.malformed("DG13", "field " + number + " appears twice");
    }
    List<String> values = new ArrayList<>();
    for (int i = 1; i < parts.size(); i++) {
      Tlv v = parts.get(i);
      if (v.tag() == 0x30 || v.tag() == 0x31) {
        for (Tlv inner : v.children("DG13")) {
          String s = text(inner);
          if (s != null) {
            values.add(s);
          }
        }
      } else {
        String s = text(v);
        if (s != null) {
          values.add(s);
        }
      }
    }
    raw.put(number, entry.encoded());
    texts.put(number, List.copyOf(values));
  }

  private static String text(Tlv v) {
    return switch (v.tag()) {
      case 0x0C -> new String(v.value(), StandardCharsets.UTF_8);
      case 0x13, 0x16, 0x1A -> new String(v.value(), StandardCharsets.US_ASCII);
      case 0x1E -> new String(v.value(), StandardCharsets.UTF_16BE);
      default -> null;
    };
  }

  /**
   * The field numbers present, in the order of the file.
   *
   * @return the numbers
   */
  public Set<Integer> fieldNumbers() {
    return Collections.unmodifiableSet(raw.keySet());
  }

  /**
   * The first text value of a field, trimmed; empty when the field is absent or has no text.
   *
   * @param number the field number
   * @return the text
   */
  public Optional<String> text(int number) {
    List<String> v = texts.get(number);
    if (v == null || v.isEmpty() || v.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.get(0).strip());
  }

  /**
   * All text values of a field (field 13 holds two names), as stored.
   *
   * @param number the field number
   * @return the values, empty when the field is absent
   */
  public List<String> texts(int number) {
    return texts.getOrDefault(number, List.of());
  }

  /**
   * The field's whole encoding ({@code 30 L 02 01 n ...}) as read, for fields whose meaning this
   * SDK does not know.
   *
   * @param number the field number
   * @return a copy of the bytes, empty when the field is absent
   */
  public Optional<byte[]> raw(int number) {
    byte[] b = raw.get(number);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  @Override
  public String toString() {
    return "Dg13[fields=" + raw.keySet() + "]";
  }
}
