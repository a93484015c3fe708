package vn.id06.cardreader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads elementary files in the fewest round trips: SELECT by file identifier, one short READ
 * BINARY of {@value #SHORT_BLOCK} bytes to learn the file's length from its first bytes, then the
 * rest in blocks as large as the card and reader accept (extended length, secure-messaging overhead
 * included). A card that answers 6700 to an extended read is read in short blocks from then on; a
 * 6Cxx answer is retried with the length the card names. No file is read in more APDUs than a fixed
 * 223-byte block reader needs, except the single 6700 probe of a card without extended length.
 *
 * <p>Not thread-safe: belongs to one session.
 */
final class FileReader {
  private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);

  /** The block of fixed-block readers: 223 plain bytes fit a short response under 3DES SM. */
  static final int SHORT_BLOCK = 223;

  /** READ BINARY with an offset in P1-P2 reaches 32767. */
  static final int MAX_FILE = 32767;

  private final CardSession session;
  private final int maxResponse;
  private final ReadListener listener;
  private boolean extended;

  FileReader(CardSession session, int maxResponse, boolean extended, ReadListener listener) {
    this.session = session;
    this.maxResponse = maxResponse;
    this.extended = extended && maxResponse > 258;
    this.listener = listener;
  }

  /** Whether extended-length reads are still on (false after a card refused one). */
  boolean extendedLength() {
    return extended;
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
    if (r.sw == 0x6A82 || r.sw == 0x6A88 || r.sw == 0x6982 || r.sw == 0x6986) {
      LOG.debug("{} not available ({})", name, String.format("%04X", r.sw));
      return false;
    }
    throw Errors.unexpectedStatus("SELECT " + name, r.sw);
  }

  /** Selects and reads a whole file; null when the file is absent or not accessible. */
  byte[] read(int fid, String name) {
    if (!select(fid, name)) {
      return null;
    }
    byte[] first = readBinary(0, SHORT_BLOCK, name);
    int have = first.length;
    byte[] head = first;
    long total = Tlv.declaredTotalLength(head, have, name);
    while (total < 0) {
      if (first.length == 0) {
        throw Errors.malformed(name, "the file ended before its length was known");
      }
      first = readBinary(have, SHORT_BLOCK, name);
      head = Crypto.concat(head, first);
      have = head.length;
      total = Tlv.declaredTotalLength(head, have, name);
    }
    if (total > MAX_FILE) {
      throw Errors.malformed(
          name, "a declared length of " + total + " bytes, beyond what READ BINARY reaches");
    }
    int length = (int) total;
    byte[] file = new byte[length];
    System.arraycopy(head, 0, file, 0, Math.min(have, length));
    int offset = Math.min(have, length);
    listener.progress(name, offset, length);
    while (offset < length) {
      int chunk = Math.min(length - offset, blockSize());
      byte[] part = readBinary(offset, chunk, name);
      if (part.length == 0) {
        throw Errors.malformed(name, "the file is shorter than its declared length");
      }
      System.arraycopy(part, 0, file, offset, Math.min(part.length, length - offset));
      offset += part.length;
      listener.progress(name, Math.min(offset, length), length);
    }
    return file;
  }

  private int blockSize() {
    if (!extended) {
      return SHORT_BLOCK;
    }
    SecureMessaging sm = session.secureMessaging();
    int plain = sm == null ? maxResponse - 2 : sm.maxPlainResponse(maxResponse);
    return Math.max(SHORT_BLOCK, Math.min(plain, 65536));
  }

  /**
   * One READ BINARY; returns what the card sent (possibly fewer bytes at the end of a file). A 6Cxx
   * answer is retried once with the card's length; a 6700 to an extended read turns extended length
   * off and retries with a short block.
   */
  private byte[] readBinary(int offset, int ne, String name) {
    if (offset > MAX_FILE) {
      throw Errors.malformed(name, "an offset beyond what READ BINARY reaches");
    }
    int asked = ne;
    for (int attempt = 0; attempt < 3; attempt++) {
      Response r =
          session.send(
              new Apdu(0x00, 0xB0, (offset >>> 8) & 0x7F, offset & 0xFF, new byte[0], asked));
      if (r.ok() || r.sw == 0x6282) {
        if (r.length() > asked) {
          throw Errors.secureMessaging(
              "the card answered " + r.length() + " bytes to a read of " + asked);
        }
        return r.data();
      }
      if ((r.sw & 0xFF00) == 0x6C00) {
        int exact = r.sw & 0xFF;
        asked = exact == 0 ? 256 : exact;
        continue;
      }
      if (r.sw == 0x6700 && asked > SHORT_BLOCK) {
        LOG.debug("the card refused an extended read; reading short blocks");
        extended = false;
        asked = Math.min(asked, SHORT_BLOCK);
        continue;
      }
      if (r.sw == 0x6B00) {
        return new byte[0];
      }
      throw Errors.unexpectedStatus("READ BINARY " + name, r.sw);
    }
    throw Errors.unexpectedStatus("READ BINARY " + name + " (after retries)", 0x6700);
  }
}
