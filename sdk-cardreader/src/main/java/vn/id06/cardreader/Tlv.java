package vn.id06.cardreader;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One BER-TLV object inside a byte array, parsed with bounds: a tag of at most 3 bytes, a definite
 * length of at most 4 bytes, and a value that must lie inside the enclosing bytes. A lying or
 * endless length is a typed error, never an allocation. Immutable view over the caller's array
 * (which must not change); thread-safe if the array is not modified.
 */
final class Tlv {
  private final byte[] buf;
  private final int tag;
  private final int start;
  private final int valueOffset;
  private final int length;

  private Tlv(byte[] buf, int tag, int start, int valueOffset, int length) {
    this.buf = buf;
    this.tag = tag;
    this.start = start;
    this.valueOffset = valueOffset;
    this.length = length;
  }

  /** Reads one object at {@code offset}; it must end at or before {@code limit}. */
  static Tlv read(byte[] buf, int offset, int limit, String what) {
    if (offset < 0 || limit > buf.length || offset >= limit) {
      throw Errors.malformed(what, "a data object is missing");
    }
    int p = offset;
    int tag = buf[p++] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      int n = 0;
      do {
        if (p >= limit) {
          throw Errors.malformed(what, "a tag runs past the end");
        }
        if (++n > 2) {
          throw Errors.malformed(what, "a tag is longer than 3 bytes");
        }
        tag = (tag << 8) | (buf[p] & 0xFF);
      } while ((buf[p++] & 0x80) != 0);
    }
    if (p >= limit) {
      throw Errors.malformed(what, "a length is missing");
    }
    int first = buf[p++] & 0xFF;
    long len;
    if (first < 0x80) {
      len = first;
    } else if (first == 0x80) {
      throw Errors.malformed(what, "an indefinite length is not allowed");
    } else {
      int n = first & 0x7F;
      if (n > 4) {
        throw Errors.malformed(what, "a length field of " + n + " bytes");
      }
      if (p + n > limit) {
        throw Errors.malformed(what, "a length runs past the end");
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (buf[p++] & 0xFF);
      }
    }
    if (len > limit - p) {
      throw Errors.malformed(
          what, "a length of " + len + " bytes where only " + (limit - p) + " remain");
    }
    return new Tlv(buf, tag, offset, p, (int) len);
  }

  /** Reads one object that must fill the whole array exactly. */
  static Tlv parseWhole(byte[] buf, String what) {
    Tlv t = read(buf, 0, buf.length, what);
    if (t.end() != buf.length) {
      throw Errors.malformed(what, "bytes after the end of the data object");
    }
    return t;
  }

  /**
   * The total length (header plus value) declared by the object at the start of {@code prefix}, or
   * -1 when {@code available} bytes are not yet enough to tell. Used to learn a file's length from
   * its first bytes.
   */
  static long declaredTotalLength(byte[] prefix, int available, String what) {
    int p = 0;
    if (available < 2) {
      return -1;
    }
    int tag = prefix[p++] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      int n = 0;
      do {
        if (p >= available) {
          return -1;
        }
        if (++n > 2) {
          throw Errors.malformed(what, "a tag is longer than 3 bytes");
        }
      } while ((prefix[p++] & 0x80) != 0);
    }
    if (p >= available) {
      return -1;
    }
    int first = prefix[p++] & 0xFF;
    if (first < 0x80) {
      return (long) p + first;
    }
    int n = first & 0x7F;
    if (first == 0x80 || n > 4) {
      throw Errors.malformed(what, "the file does not start with a definite length");
    }
    if (p + n > available) {
      return -1;
    }
    long len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (prefix[p++] & 0xFF);
    }
    return p + len;
  }

  int tag() {
    return tag;
  }

  int length() {
    return length;
  }

  int valueOffset() {
    return valueOffset;
  }

  /** Offset just after this object. */
  int end() {
    return valueOffset + length;
  }

  byte[] value() {
    byte[] out = new byte[length];
    System.arraycopy(buf, valueOffset, out, 0, length);
    return out;
  }

  /** The whole encoding (tag, length and value) as it appears in the bytes. */
  byte[] encoded() {
    byte[] out = new byte[end() - start];
    System.arraycopy(buf, start, out, 0, out.length);
    return out;
  }

  /** Parses the value as a sequence of objects that fill it exactly. */
  List<Tlv> children(String what) {
    List<Tlv> out = new ArrayList<>();
    int p = valueOffset;
    while (p < end()) {
      Tlv child = read(buf, p, end(), what);
      out.add(child);
      p = child.end();
    }
    return out;
  }

  /** The first child with the tag, or null. */
  Tlv child(int wanted, String what) {
    for (Tlv c : children(what)) {
      if (c.tag == wanted) {
        return c;
      }
    }
    return null;
  }

  /** The first child with the tag; a missing one is a malformed-file error. */
  Tlv required(int wanted, String what) {
    Tlv c = child(wanted, what);
    if (c == null) {
      throw Errors.malformed(what, "data object " + Integer.toHexString(wanted) + " is missing");
    }
    return c;
  }

  /** Encodes a tag (1 to 3 bytes as an int), a DER length and the value. */
  static byte[] encode(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
    if (tag > 0xFFFF) {
      out.write(tag >>> 16);
    }
    if (tag > 0xFF) {
      out.write(tag >>> 8);
    }
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >>> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
    }
    out.write(value, 0, n);
    return out.toByteArray();
  }
}
