package vn.id06.cardreader;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/** The {@link ChipCardReader}. Immutable settings; reads serialised by a lock. Thread-safe. */
final class DefaultChipCardReader implements ChipCardReader {
  private final CardTerminal terminal;
  private final ReadFlow.Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean closed;

  DefaultChipCardReader(ChipCardReader.Builder b) {
    this.terminal = b.terminal;
    this.settings =
        new ReadFlow.Settings(
            b.clock,
            b.random != null ? b.random : new SecureRandom(),
            b.timeout,
            b.maxResponseBytes,
            b.extendedLength,
            b.preferPace,
            b.listener,
            List.copyOf(b.anchors),
            List.copyOf(b.crls));
  }

  @Override
  public ChipReadResult read(AccessKey key) {
    Objects.requireNonNull(key, "key");
    CardTerminal t = requireTerminal();
    lock.lock();
    try {
      Card card;
      try {
        card = t.connect("*");
      } catch (CardException | RuntimeException e) {
        throw SmartcardioTransport.classify(
            e instanceof CardException ce ? ce : new CardException(e));
      }
      try (ApduTransport transport = ApduTransport.of(card)) {
        return readLocked(transport, key);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ChipReadResult read(ApduTransport transport, AccessKey key) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(key, "key");
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    lock.lock();
    try {
      return readLocked(transport, key);
    } finally {
      lock.unlock();
    }
  }

  private ChipReadResult readLocked(ApduTransport transport, AccessKey key) {
    return ChipReadResult.of(ReadFlow.run(transport, key, settings), settings.clock());
  }

  @Override
  public Proof verifyPassive(byte[] sod, Map<Integer, byte[]> dataGroups) {
    Objects.requireNonNull(sod, "sod");
    Map<Integer, byte[]> copy = new TreeMap<>();
    for (Map.Entry<Integer, byte[]> e : dataGroups.entrySet()) {
      copy.put(e.getKey(), e.getValue().clone());
    }
    return Proof.of(
        PassiveAuthenticator.verify(
            sod.clone(), copy, settings.anchors(), settings.crls(), settings.clock().instant()));
  }

  @Override
  public boolean waitForCard(Duration timeout) {
    try {
      return requireTerminal().waitForCardPresent(Math.max(1, timeout.toMillis()));
    } catch (CardException e) {
      throw Errors.readerFailure("the reader failed while waiting for a card", e);
    }
  }

  @Override
  public boolean waitForCardRemoval(Duration timeout) {
    try {
      return requireTerminal().waitForCardAbsent(Math.max(1, timeout.toMillis()));
    } catch (CardException e) {
      throw Errors.readerFailure("the reader failed while waiting for the card's removal", e);
    }
  }

  private CardTerminal requireTerminal() {
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    if (terminal == null) {
      throw new IllegalStateException("the reader was built without a terminal");
    }
    return terminal;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "ChipCardReader[" + (terminal == null ? "no terminal" : terminal.getName()) + "]";
  }
}
