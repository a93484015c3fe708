package vn.id06.testkit.card;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The chip side's own BER-TLV encoder and a small parser for the command data objects a terminal
 * sends (ISO/IEC 7816-4 tags and definite lengths). Stateless.
 */
final class Tlv {
  private Tlv() {}

  /** Encodes a definite length in the shortest form. */
  static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    } else if (length <= 0xFF) {
      return new byte[] {(byte) 0x81, (byte) length};
    } else if (length <= 0xFFFF) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }

  static byte[] tag(int tag) {
    if (tag > 0xFFFF) {
      return new byte[] {(byte) (tag >> 16), (byte) (tag >> 8), (byte) tag};
    } else if (tag > 0xFF) {
      return new byte[] {(byte) (tag >> 8), (byte) tag};
    }
    return new byte[] {(byte) tag};
  }

  /** One data object: tag, shortest definite length, value. */
  static byte[] of(int tag, byte[]... values) {
    byte[] value = Hex.concat(values);
    return Hex.concat(tag(tag), length(value.length), value);
  }

  /** A parsed data object: its tag (1-3 bytes as an int) and value. */
  // Package-private parse result, read once and never compared.
  @SuppressWarnings("ArrayRecordComponent")
  record Element(int tag, byte[] value) {}

  /**
   * Parses the data objects that follow one another in {@code data}.
   *
   * @throws IllegalArgumentException when the objects are malformed or overrun the data
   */
  static List<Element> parse(byte[] data, int from, int to) {
    List<Element> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      int tag = data[i++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        int b;
        do {
          if (i >= to) {
            throw new IllegalArgumentException("truncated tag");
          }
          b = data[i++] & 0xFF;
          tag = (tag << 8) | b;
        } while ((b & 0x80) != 0 && tag <= 0xFFFF);
      }
      if (i >= to) {
        throw new IllegalArgumentException("missing length");
      }
      int len = data[i++] & 0xFF;
      if (len > 0x80) {
        int n = len & 0x7F;
        if (n > 3 || i + n > to) {
          throw new IllegalArgumentException("bad length");
        }
        len = 0;
        for (int k = 0; k < n; k++) {
          len = (len << 8) | (data[i++] & 0xFF);
        }
      } else if (len == 0x80) {
        throw new IllegalArgumentException("indefinite length");
      }
      if (len > to - i) {
        throw new IllegalArgumentException("value overruns the data");
      }
      out.add(new Element(tag, Hex.slice(data, i, i + len)));
      i += len;
    }
    return out;
  }

  static List<Element> parse(byte[] data) {
    return parse(data, 0, data.length);
  }

  /** Finds the first object with {@code tag}, or null. */
  static byte[] find(List<Element> elements, int tag) {
    for (Element e : elements) {
      if (e.tag() == tag) {
        return e.value();
      }
    }
    return null;
  }

  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer add(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
