package vn.id06.testkit.card;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.id06.testkit.SystemTests;

/**
 * A virtual card presented to a real pcscd through the vsmartcard vpcd driver, and the PC/SC
 * terminal in which it shows ("Virtual PCD 00 00"), for system tests that read it through the JDK's
 * own PC/SC provider. {@link #attach} skips the calling test with a reason when pcscd or the driver
 * is missing (and fails it when {@link SystemTests#REQUIRE_ENV} is 1); on Debian it points the JDK
 * at libpcsclite when no library was configured.
 *
 * <p>Not thread-safe: one test owns one attachment; closing it detaches the card and stops serving.
 */
public final class PcscdReader implements AutoCloseable {
  /** The PC/SC name of vpcd's first slot. */
  public static final String TERMINAL_NAME = "Virtual PCD 00 00";

  private static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
  private static final Path DEBIAN_PCSCLITE = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

  private final VpcdConnection connection;
  private final ExecutorService executor;
  private final Future<Integer> served;
  private final CardTerminal terminal;

  private PcscdReader(
      VpcdConnection connection,
      ExecutorService executor,
      Future<Integer> served,
      CardTerminal terminal) {
    this.connection = connection;
    this.executor = executor;
    this.served = served;
    this.terminal = terminal;
  }

  /**
   * Attaches the card to vpcd on loopback port {@value VpcdConnection#DEFAULT_PORT}, serves it on a
   * background thread and waits (up to 10 s) until pcscd shows it in {@link #TERMINAL_NAME}.
   *
   * @param card the card to present
   * @return the attachment
   * @throws IllegalStateException when pcscd does not show the reader or the card in time
   */
  public static PcscdReader attach(VirtualCard card) {
    VpcdConnection connection;
    try {
      connection = VpcdConnection.connect(card, "localhost", VpcdConnection.DEFAULT_PORT);
    } catch (UncheckedIOException e) {
      connection = null;
    }
    SystemTests.require(
        connection != null,
        "pcscd with the vsmartcard vpcd driver on port " + VpcdConnection.DEFAULT_PORT);
    if (System.getProperty(LIBRARY_PROPERTY) == null && Files.exists(DEBIAN_PCSCLITE)) {
      System.setProperty(LIBRARY_PROPERTY, DEBIAN_PCSCLITE.toString());
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "vpcd-serve");
              t.setDaemon(true);
              return t;
            });
    Future<Integer> served = executor.submit(connection::serve);
    try {
      CardTerminal terminal =
          TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(TERMINAL_NAME);
      if (terminal == null) {
        throw new IllegalStateException("pcscd shows no reader named " + TERMINAL_NAME);
      }
      if (!terminal.waitForCardPresent(10_000)) {
        throw new IllegalStateException("pcscd shows no card in " + TERMINAL_NAME + " after 10 s");
      }
      return new PcscdReader(connection, executor, served, terminal);
    } catch (CardException | java.security.NoSuchAlgorithmException | RuntimeException e) {
      connection.close();
      executor.shutdownNow();
      throw e instanceof RuntimeException re
          ? re
          : new IllegalStateException("PC/SC is not available: " + e.getMessage(), e);
    }
  }

  /**
   * The PC/SC terminal in which the card shows.
   *
   * @return the terminal
   */
  public CardTerminal terminal() {
    return terminal;
  }

  /**
   * Whether the card is still being served (it stops when pcscd drops the connection).
   *
   * @return true while serving
   */
  public boolean serving() {
    return !served.isDone();
  }

  /**
   * Detaches the card (pcscd sees it removed) and waits up to {@code seconds} for serving to end.
   *
   * @param seconds how long to wait
   * @return the number of vpcd requests the card answered
   * @throws IllegalStateException when serving failed or did not end in time
   */
  public int detach(long seconds) {
    connection.close();
    awaitRemoval();
    try {
      return served.get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("serving the card did not end cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while detaching the card", e);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Detaches the card, waits (up to 5 s) until pcscd shows it removed, so that the next attachment
   * is not taken for this one, and stops serving.
   */
  @Override
  public void close() {
    connection.close();
    awaitRemoval();
    executor.shutdownNow();
  }

  private void awaitRemoval() {
    try {
      terminal.waitForCardAbsent(5_000);
    } catch (CardException | RuntimeException e) {
      // pcscd is gone or the reader vanished: nothing shows the card any more either way.
    }
  }
}
