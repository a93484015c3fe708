package vn.id06.testkit.card;

import java.nio.ByteBuffer;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** A reader holding a {@link VirtualCard}, in-process. Thread-safe (the card serialises APDUs). */
final class VirtualCardTerminal extends CardTerminal {
  private final VirtualCard card;
  private final String name;

  VirtualCardTerminal(VirtualCard card, String name) {
    this.card = card;
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Card connect(String protocol) throws CardException {
    if (!card.present()) {
      throw new CardNotPresentException("no card in " + name);
    }
    if (!"*".equals(protocol) && !"T=1".equalsIgnoreCase(protocol)) {
      throw new CardException("protocol " + protocol + " not supported");
    }
    card.reset();
    return new Session(card);
  }

  @Override
  public boolean isCardPresent() {
    return card.present();
  }

  @Override
  public boolean waitForCardPresent(long timeout) {
    return card.present();
  }

  @Override
  public boolean waitForCardAbsent(long timeout) {
    return !card.present();
  }

  @Override
  public String toString() {
    return "VirtualCardTerminal[" + name + "]";
  }

  /** The card as connected. */
  private static final class Session extends Card {
    private final VirtualCard card;
    private final Channel basic;
    private volatile boolean connected = true;

    Session(VirtualCard card) {
      this.card = card;
      this.basic = new Channel(this);
    }

    @Override
    public ATR getATR() {
      return new ATR(card.atr());
    }

    @Override
    public String getProtocol() {
      return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
      check();
      return basic;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
      throw new CardException("logical channels are not supported");
    }

    @Override
    public void beginExclusive() {
      check();
    }

    @Override
    public void endExclusive() {
      check();
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
      throw new CardException("control commands are not supported");
    }

    @Override
    public void disconnect(boolean reset) {
      if (connected && reset) {
        card.reset();
      }
      connected = false;
    }

    void check() {
      if (!connected) {
        throw new IllegalStateException("card disconnected");
      }
    }

    byte[] transmit(byte[] apdu) throws CardException {
      check();
      try {
        return card.transmit(apdu);
      } catch (CardPulledException e) {
        throw new CardNotPresentException("card removed", e);
      }
    }
  }

  private static final class Channel extends CardChannel {
    private final Session session;

    Channel(Session session) {
      this.session = session;
    }

    @Override
    public Card getCard() {
      return session;
    }

    @Override
    public int getChannelNumber() {
      session.check();
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      return new ResponseAPDU(session.transmit(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
      byte[] c = new byte[command.remaining()];
      command.get(c);
      byte[] r = session.transmit(c);
      if (response.remaining() < r.length) {
        throw new CardException("response buffer too small");
      }
      response.put(r);
      return r.length;
    }

    @Override
    public void close() throws CardException {
      throw new IllegalStateException("the basic channel cannot be closed");
    }
  }
}
