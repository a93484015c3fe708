package vn.id06.testkit.card;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;

/**
 * Presents a {@link VirtualCard} to a real pcscd through the vsmartcard {@code vpcd} driver: the
 * driver listens on a TCP port (35963 on loopback by default) and exchanges messages with a 2-byte
 * big-endian length prefix; a 1-byte message is a control command (0 power off, 1 power on, 2
 * reset, 4 get ATR), anything longer a command APDU to answer. The card then shows as "Virtual PCD
 * 00 00" to PC/SC clients.
 *
 * <p>Closing the connection (or the card being pulled) removes the card from the reader.
 * Thread-safe: {@link #serve()} runs on one thread, {@link #close()} may be called from another.
 */
public final class VpcdConnection implements AutoCloseable {
  /** The vpcd driver's default port. */
  public static final int DEFAULT_PORT = 35963;

  private final VirtualCard card;
  private final Socket socket;

  private VpcdConnection(VirtualCard card, Socket socket) {
    this.card = card;
    this.socket = socket;
  }

  /**
   * Connects to the vpcd driver; the reader sees the card inserted.
   *
   * @param card the card to present
   * @param host the driver's host, usually "localhost"
   * @param port the driver's port, usually {@link #DEFAULT_PORT}
   * @return the connection, not yet serving
   * @throws UncheckedIOException when the driver cannot be reached
   */
  public static VpcdConnection connect(VirtualCard card, String host, int port) {
    Objects.requireNonNull(card, "card");
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setTcpNoDelay(true);
      return new VpcdConnection(card, s);
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("vpcd not reachable at " + host + ":" + port, e);
    }
  }

  /**
   * Answers the driver until the connection closes or the card is pulled.
   *
   * @return how many APDUs were answered
   */
  public int serve() {
    int answered = 0;
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return answered;
        }
        byte[] message = new byte[length];
        in.readFully(message);
        byte[] answer;
        if (length == 1) {
          answer = control(message[0]);
        } else {
          try {
            answer = card.transmit(message);
            answered++;
          } catch (CardPulledException e) {
            return answered;
          }
        }
        if (answer != null) {
          out.writeShort(answer.length);
          out.write(answer);
          out.flush();
        }
      }
    } catch (IOException e) {
      if (socket.isClosed()) {
        return answered;
      }
      throw new UncheckedIOException("vpcd connection failed", e);
    } finally {
      close();
    }
  }

  private byte[] control(byte command) {
    switch (command) {
      case 0x00, 0x01, 0x02 -> {
        card.reset();
        return null;
      }
      case 0x04 -> {
        return card.atr();
      }
      default -> {
        return null;
      }
    }
  }

  /** Disconnects: the reader sees the card removed. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the socket is gone either way.
    }
  }
}
