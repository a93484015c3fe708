package vn.id06.cardreader;

import java.util.Locale;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import vn.id06.core.Id06Exception;

/** {@link ApduTransport} over a {@code javax.smartcardio.Card}. Not thread-safe. */
final class SmartcardioTransport implements ApduTransport {
  private final Card card;

  SmartcardioTransport(Card card) {
    this.card = Objects.requireNonNull(card, "card");
  }

  @Override
  public byte[] transmit(byte[] command) {
    try {
      return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
    } catch (CardException | IllegalStateException e) {
      throw classify(e);
    }
  }

  static Id06Exception classify(Exception e) {
    String text = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.contains("REMOVED")
        || upper.contains("NO_SMARTCARD")
        || upper.contains("RESET")
        || e instanceof IllegalStateException) {
      return Errors.cardRemoved("the card stopped answering", e);
    }
    return Errors.readerFailure("the reader failed to exchange an APDU", e);
  }

  @Override
  public void close() {
    try {
      card.disconnect(false);
    } catch (CardException | IllegalStateException e) {
      // The card is gone already: nothing left to release.
    }
  }
}
