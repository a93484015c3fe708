package vn.id06.cardreader;

import java.nio.ByteBuffer;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** A javax.smartcardio terminal in memory, holding a test chip (or none). */
final class FakeTerminal extends CardTerminal {
  ApduTransport chip;

  FakeTerminal(ApduTransport chip) {
    this.chip = chip;
  }

  @Override
  public String getName() {
    return "Fake Reader 00";
  }

  @Override
  public Card connect(String protocol) throws CardException {
    if (chip == null) {
      throw new CardException("connect() failed", new Exception("SCARD_E_NO_SMARTCARD"));
    }
    ApduTransport c = chip;
    return new Card() {
      @Override
      public ATR getATR() {
        return new ATR(new byte[] {0x3B, 0});
      }

      @Override
      public String getProtocol() {
        return "T=1";
      }

      @Override
      public CardChannel getBasicChannel() {
        Card card = this;
        return new CardChannel() {
          @Override
          public Card getCard() {
            return card;
          }

          @Override
          public int getChannelNumber() {
            return 0;
          }

          @Override
          public ResponseAPDU transmit(CommandAPDU command) throws CardException {
            try {
              return new ResponseAPDU(c.transmit(command.getBytes()));
            } catch (vn.id06.core.Id06Exception e) {
              throw new CardException(
                  "sCardTransmit() failed", new Exception("SCARD_W_REMOVED_CARD"));
            }
          }

          @Override
          public int transmit(ByteBuffer command, ByteBuffer response) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public CardChannel openLogicalChannel() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void beginExclusive() {}

      @Override
      public void endExclusive() {}

      @Override
      public byte[] transmitControlCommand(int controlCode, byte[] command) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void disconnect(boolean reset) {}
    };
  }

  @Override
  public boolean isCardPresent() {
    return chip != null;
  }

  @Override
  public boolean waitForCardPresent(long timeout) {
    return chip != null;
  }

  @Override
  public boolean waitForCardAbsent(long timeout) {
    return chip == null;
  }
}
