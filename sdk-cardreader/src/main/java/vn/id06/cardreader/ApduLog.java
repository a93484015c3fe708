package vn.id06.cardreader;

import java.util.ArrayList;
import java.util.List;

/**
 * The APDUs of one card session, in two forms.
 *
 * <ul>
 *   <li>{@link #raw()}: every command and response in hex, one per line ({@code > } command, {@code
 *       < } response). It can be replayed in tests, and it holds the card's data (encrypted under a
 *       key that is derived from printed data): treat it as personal data and never log it.
 *   <li>{@link #masked()}: for people and logs. Each line keeps the command header (CLA INS P1 P2),
 *       the data lengths and the status word; no data bytes of files, no keys, no challenges.
 * </ul>
 *
 * <p>Thread-safe: appends and reads are synchronized.
 */
public final class ApduLog {
  private final List<byte[][]> exchanges = new ArrayList<>();

  /** Creates an empty log. */
  public ApduLog() {}

  synchronized void add(byte[] command, byte[] response) {
    exchanges.add(new byte[][] {command.clone(), response.clone()});
  }

  /**
   * Returns the number of command APDUs sent.
   *
   * @return the count
   */
  public synchronized int count() {
    return exchanges.size();
  }

  /**
   * Returns the replayable form, holding card data.
   *
   * @return lines {@code > HEX} and {@code < HEX}
   */
  public synchronized String raw() {
    StringBuilder sb = new StringBuilder();
    for (byte[][] e : exchanges) {
      sb.append("> ").append(Hex.encode(e[0])).append('\n');
      sb.append("< ").append(Hex.encode(e[1])).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the masked form, safe for logs.
   *
   * @return one line per exchange: header, lengths and status word
   */
  public synchronized String masked() {
    StringBuilder sb = new StringBuilder();
    for (byte[][] e : exchanges) {
      sb.append(maskCommand(e[0])).append(" -> ").append(maskResponse(e[1])).append('\n');
    }
    return sb.toString();
  }

  static String maskCommand(byte[] c) {
    if (c.length < 4) {
      return "(" + c.length + " bytes)";
    }
    return Hex.encode(c, 0, 4) + " [" + (c.length - 4) + " bytes]";
  }

  static String maskResponse(byte[] r) {
    if (r.length < 2) {
      return "(" + r.length + " bytes)";
    }
    return "[" + (r.length - 2) + " bytes] " + Hex.encode(r, r.length - 2, 2);
  }
}
