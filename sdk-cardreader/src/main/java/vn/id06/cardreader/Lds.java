package vn.id06.cardreader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsers for the LDS files the reader needs beyond DG13: EF.COM's tag list, DG1's MRZ, DG2's face
 * image. Bounded like {@link Tlv}. Stateless and thread-safe.
 */
final class Lds {
  private Lds() {}

  /** The short file identifier of data group {@code n} (1..16): 0x0100 + n. */
  static int fileId(int dg) {
    return 0x0100 + dg;
  }

  /** The tag that starts data group {@code n}. */
  static int tag(int dg) {
    int[] tags = {
      0, 0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
      0x70
    };
    return tags[dg];
  }

  /** The data group numbers listed in EF.COM. */
  static List<Integer> comDataGroups(byte[] com) {
    Tlv root = Tlv.parseWhole(com, "EF.COM");
    if (root.tag() != 0x60) {
      throw Errors.malformed("EF.COM", "the file does not start with tag 60");
    }
    byte[] list = root.required(0x5C, "EF.COM").value();
    List<Integer> out = new ArrayList<>();
    for (byte b : list) {
      for (int dg = 1; dg <= 16; dg++) {
        if (tag(dg) == (b & 0xFF)) {
          out.add(dg);
        }
      }
    }
    return out;
  }

  /** DG1's MRZ text (5F1F), unchanged. */
  static String mrz(byte[] dg1) {
    Tlv root = Tlv.parseWhole(dg1, "DG1");
    if (root.tag() != 0x61) {
      throw Errors.malformed("DG1", "the file does not start with tag 61");
    }
    String mrz = new String(root.required(0x5F1F, "DG1").value(), StandardCharsets.US_ASCII);
    if (mrz.length() != 90 && mrz.length() != 88 && mrz.length() != 72) {
      throw Errors.malformed("DG1", "an MRZ of " + mrz.length() + " characters");
    }
    for (int i = 0; i < mrz.length(); i++) {
      if (Mrz.value(mrz.charAt(i)) < 0) {
        throw Errors.malformed("DG1", "a character outside the MRZ alphabet");
      }
    }
    return mrz;
  }

  /** A face image: the format byte from the record and the image bytes. */
  // A package-private carrier to FaceImage (which copies), never compared.
  @SuppressWarnings("ArrayRecordComponent")
  record Face(String format, byte[] bytes) {}

  /**
   * The first face image of DG2. A biometric data block in ISO/IEC 19794-5 ("FAC") gives the image
   * after its headers; the format is told by the image's own magic bytes (JPEG or JPEG 2000). A
   * block in another format is returned whole with the format {@code UNKNOWN}.
   */
  static Face face(byte[] dg2) {
    Tlv root = Tlv.parseWhole(dg2, "DG2");
    if (root.tag() != 0x75) {
      throw Errors.malformed("DG2", "the file does not start with tag 75");
    }
    Tlv group = root.required(0x7F61, "DG2");
    Tlv bit = group.required(0x7F60, "DG2");
    Tlv bdb = bit.child(0x5F2E, "DG2");
    if (bdb == null) {
      bdb = bit.required(0x7F2E, "DG2");
    }
    byte[] block = bdb.value();
    byte[] image = facImage(block);
    if (image == null) {
      return new Face("UNKNOWN", block);
    }
    return new Face(formatOf(image), image);
  }

  private static byte[] facImage(byte[] b) {
    // ISO/IEC 19794-5: "FAC\0", version (4), record length (4), number of faces (2);
    // facial record: length (4), landmark count (2), 14 more bytes; landmarks 8 bytes each;
    // image information 12 bytes; then the image.
    if (b.length < 14 + 20 + 12 || b[0] != 'F' || b[1] != 'A' || b[2] != 'C' || b[3] != 0) {
      return null;
    }
    int landmarks = ((b[18] & 0xFF) << 8) | (b[19] & 0xFF);
    long recordLength =
        ((long) (b[14] & 0xFF) << 24)
            | ((b[15] & 0xFF) << 16)
            | ((b[16] & 0xFF) << 8)
            | (b[17] & 0xFF);
    int start = 14 + 20 + 8 * landmarks + 12;
    long end = 14 + recordLength;
    if (start >= b.length || end > b.length || end <= start) {
      return null;
    }
    return Crypto.slice(b, start, (int) end);
  }

  static String formatOf(byte[] image) {
    if (image.length >= 3
        && (image[0] & 0xFF) == 0xFF
        && (image[1] & 0xFF) == 0xD8
        && (image[2] & 0xFF) == 0xFF) {
      return "JPEG";
    }
    if (image.length >= 12
        && image[0] == 0
        && image[1] == 0
        && image[2] == 0
        && image[3] == 0x0C
        && image[4] == 'j'
        && image[5] == 'P') {
      return "JPEG2000";
    }
    if (image.length >= 4
        && (image[0] & 0xFF) == 0xFF
        && (image[1] & 0xFF) == 0x4F
        && (image[2] & 0xFF) == 0xFF
        && (image[3] & 0xFF) == 0x51) {
      return "JPEG2000";
    }
    return "UNKNOWN";
  }
}
