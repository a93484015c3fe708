package vn.id06.cardreader;

import javax.smartcardio.Card;

/**
 * Bytes in, bytes out: sends one command APDU to a card and returns the response APDU (data
 * followed by the two status bytes). The reader speaks to a card only through this interface, so a
 * test can put a scripted card, a replayed log or any other transport behind it.
 *
 * <p>Implementations need not be thread-safe: a card session is one conversation, and the reader
 * uses a transport from one thread at a time.
 */
public interface ApduTransport extends AutoCloseable {

  /**
   * Sends a command APDU and returns the response APDU.
   *
   * @param command the command APDU as ISO 7816-4 bytes (short or extended length)
   * @return the response data followed by SW1 SW2 (at least 2 bytes)
   * @throws vn.id06.core.Id06Exception when the card is removed or the reader fails
   */
  byte[] transmit(byte[] command);

  /** Releases the card connection; further calls to {@link #transmit} fail. */
  @Override
  void close();

  /**
   * A transport over a card connected through {@code javax.smartcardio} (PC/SC through the JDK's
   * provider, or any other provider's {@code Card}). Closing it disconnects the card without a
   * reset.
   *
   * @param card a connected card
   * @return a transport over the card's basic channel
   */
  static ApduTransport of(Card card) {
    return new SmartcardioTransport(card);
  }
}
