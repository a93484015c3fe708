package vn.id06.cardreader;

import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads elementary files in the fewest round trips.
 *
 * <ul>
 *   <li>The file is selected by its short file identifier inside the first READ BINARY (ISO/IEC
 *       7816-4 §7.2.3, P1 bit 8; ICAO 9303-10 gives every LDS file one), so a file costs no SELECT.
 *       A card that refuses that form (6A86, 6A81, 6B00, 6D00, 6E00 or 6A80) is read by SELECT from
 *       then on.
 *   <li>The first READ BINARY asks for a whole block, not a header: the file's length is learnt
 *       from its first bytes and small files end there.
 *   <li>Blocks are as large as the card and reader accept: with extended length, up to the largest
 *       response less the secure-messaging overhead; with short APDUs only, the largest plain
 *       payload that fits a 256-byte protected response (231 bytes under 3DES, 223 under AES, 256
 *       without secure messaging), never fewer than a fixed 223-byte block reader.
 *   <li>Offsets beyond 32,767 (P1-P2 has 15 bits) are read with the odd READ BINARY (B1) and an
 *       offset data object '54', the data coming back in a '53' object.
 *   <li>A card that answers 6700 to an extended read is read in short blocks from then on; a 6Cxx
 *       answer is retried with the length the card names.
 * </ul>
 *
 * <p>Not thread-safe: belongs to one session.
 */
final class FileReader {
  private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);

  /** The block of fixed-block readers: 223 plain bytes fit a short response under AES SM. */
  static final int SHORT_BLOCK = 223;

  /** The largest offset that P1-P2 of READ BINARY B0 carries. */
  static final int MAX_EVEN_OFFSET = 0x7FFF;

  /** The largest file this reader accepts (a face image is tens of kilobytes). */
  static final int MAX_FILE = 1 << 20;

  /** The largest response of a short APDU: 256 data bytes and the status word. */
  private static final int SHORT_RESPONSE = 258;

  private final CardSession session;
  private final int maxResponse;
  private final ReadListener listener;
  private boolean extended;
  private boolean shortFileIds = true;

  FileReader(CardSession session, int maxResponse, boolean extended, ReadListener listener) {
    this.session = session;
    this.maxResponse = maxResponse;
    this.extended = extended && maxResponse > SHORT_RESPONSE;
    this.listener = listener;
  }

  /** Whether extended-length reads are still on (false after a card refused one). */
  boolean extendedLength() {
    return extended;
  }

  /** Whether files are still selected by short file identifier (false after a card refused). */
  boolean shortFileIdentifiers() {
    return shortFileIds;
  }

  /** Selects a file; returns false when the card says it is absent or not accessible. */
  boolean select(int fid, String name) {
    Response r =
        session.send(
            new Apdu(
                0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >>> 8), (byte) fid}, Apdu.NO_LE));
    if (r.ok()) {
      return true;
    }
    if (absent(r.sw)) {
      LOG.debug("{} not available ({})", name, String.format("%04X", r.sw));
      return false;
    }
    throw Errors.unexpectedStatus("SELECT " + name, r.sw);
  }

  private static boolean absent(int sw) {
    return sw == 0x6A82 || sw == 0x6A88 || sw == 0x6982 || sw == 0x6986;
  }

  private static boolean sfiRefused(int sw) {
    return sw == 0x6A86
        || sw == 0x6A81
        || sw == 0x6B00
        || sw == 0x6D00
        || sw == 0x6E00
        || sw == 0x6A80;
  }

  /** Selects and reads a whole file; null when the file is absent or not accessible. */
  byte[] read(int fid, String name) {
    byte[] first = null;
    int sfi = fid & 0x1F;
    if (shortFileIds && (fid & 0xFFE0) == 0x0100 && sfi != 0) {
      Response r = readBinary(0x80 | sfi, 0, blockSize(), name);
      if (r.sw == 0x9000 || r.sw == 0x6282) {
        first = r.data();
      } else if (absent(r.sw)) {
        LOG.debug("{} not available ({})", name, String.format("%04X", r.sw));
        return null;
      } else if (sfiRefused(r.sw)) {
        LOG.debug("the card refused a short file identifier; selecting files");
        shortFileIds = false;
      } else {
        throw Errors.unexpectedStatus("READ BINARY " + name, r.sw);
      }
    }
    if (first == null) {
      if (!select(fid, name)) {
        return null;
      }
      first = readBlock(0, name);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream(Math.max(first.length, 64));
    file.write(first, 0, first.length);
    long total = Tlv.declaredTotalLength(first, first.length, name);
    while (total < 0) {
      if (first.length == 0) {
        throw Errors.malformed(name, "the file ended before its length was known");
      }
      first = readBlock(file.size(), name);
      file.write(first, 0, first.length);
      total = Tlv.declaredTotalLength(file.toByteArray(), file.size(), name);
    }
    if (total > MAX_FILE) {
      throw Errors.malformed(
          name, "a declared length of " + total + " bytes, beyond what this reader accepts");
    }
    int length = (int) total;
    listener.progress(name, Math.min(file.size(), length), length);
    while (file.size() < length) {
      byte[] part = readBlock(file.size(), name);
      if (part.length == 0) {
        throw Errors.malformed(name, "the file is shorter than its declared length");
      }
      file.write(part, 0, Math.min(part.length, length - file.size()));
      listener.progress(name, file.size(), length);
    }
    byte[] bytes = file.toByteArray();
    return bytes.length == length ? bytes : Crypto.slice(bytes, 0, length);
  }

  /** One block of the current file from {@code offset}; empty at the end of the file. */
  private byte[] readBlock(int offset, String name) {
    Response r;
    if (offset > MAX_EVEN_OFFSET) {
      r = readBinary(-1, offset, blockSize(), name);
    } else {
      r = readBinary(offset >>> 8, offset & 0xFF, blockSize(), name);
    }
    if (r.ok() || r.sw == 0x6282) {
      return r.data();
    }
    if (r.sw == 0x6B00) {
      return new byte[0];
    }
    throw Errors.unexpectedStatus("READ BINARY " + name, r.sw);
  }

  /**
   * The plain bytes to ask for: the largest response data field that fits one response (for B1 the
   * '53' object, header included).
   */
  private int blockSize() {
    int response = extended ? maxResponse : SHORT_RESPONSE;
    SecureMessaging sm = session.secureMessaging();
    int plain = sm == null ? response - 2 : sm.maxPlainResponse(response);
    int cap = extended ? 65536 : 256;
    return Math.max(extended ? SHORT_BLOCK : Math.min(SHORT_BLOCK, plain), Math.min(plain, cap));
  }

  /**
   * One READ BINARY, retried on 6Cxx with the card's length and, after a 6700 to an extended read,
   * with a short block. {@code p1} of -1 means the odd instruction (B1) with an offset data object;
   * then the answer's '53' object is unwrapped. Returns the last answer (data and status).
   */
  private Response readBinary(int p1, int p2OrOffset, int ne, String name) {
    int asked = ne;
    for (int attempt = 0; attempt < 3; attempt++) {
      Apdu command;
      if (p1 < 0) {
        int offset = p2OrOffset;
        byte[] off =
            offset > 0xFFFF
                ? new byte[] {(byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset}
                : new byte[] {(byte) (offset >>> 8), (byte) offset};
        command = new Apdu(0x00, 0xB1, 0x00, 0x00, Tlv.encode(0x54, off), asked);
      } else {
        command = new Apdu(0x00, 0xB0, p1, p2OrOffset, new byte[0], asked);
      }
      Response r = session.send(command);
      if (r.ok() || r.sw == 0x6282) {
        byte[] data = r.data();
        if (data.length > asked) {
          throw Errors.secureMessaging(
              "the card answered " + data.length + " bytes to a read of " + asked);
        }
        if (p1 < 0 && data.length > 0) {
          data = unwrapOdd(data, name);
        }
        return new Response(data, r.sw);
      }
      if ((r.sw & 0xFF00) == 0x6C00) {
        int exact = r.sw & 0xFF;
        int named = exact == 0 ? 256 : exact;
        if (named == asked) {
          throw Errors.unexpectedStatus("READ BINARY " + name, r.sw);
        }
        asked = named;
        continue;
      }
      if (r.sw == 0x6700 && extended && asked > 256) {
        LOG.debug("the card refused an extended read; reading short blocks");
        extended = false;
        asked = Math.min(asked, blockSize());
        continue;
      }
      return r;
    }
    throw Errors.unexpectedStatus("READ BINARY " + name + " (after retries)", 0x6700);
  }

  private static byte[] unwrapOdd(byte[] data, String name) {
    Tlv t = Tlv.read(data, 0, data.length, name);
    if (t.tag() != 0x53 || t.end() != data.length) {
      throw Errors.malformed(name, "an odd READ BINARY answer that is not one '53' object");
    }
    return t.value();
  }
}
