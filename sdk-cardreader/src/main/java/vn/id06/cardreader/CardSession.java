package vn.id06.cardreader;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation with a card: sends APDUs through the transport, protects them once secure
 * messaging is on, logs them, and enforces the read deadline against an injectable clock.
 *
 * <p>Not thread-safe: one session belongs to one read.
 */
final class CardSession {
  private static final Logger LOG = LoggerFactory.getLogger(CardSession.class);

  private final ApduTransport transport;
  private final ApduLog log;
  private final Clock clock;
  private final Instant deadline;
  private SecureMessaging sm;

  CardSession(ApduTransport transport, ApduLog log, Clock clock, Instant deadline) {
    this.transport = transport;
    this.log = log;
    this.clock = clock;
    this.deadline = deadline;
  }

  void secure(SecureMessaging messaging) {
    this.sm = messaging;
  }

  SecureMessaging secureMessaging() {
    return sm;
  }

  ApduLog log() {
    return log;
  }

  /** Sends a command, protected when secure messaging is on. */
  Response send(Apdu command) {
    if (sm == null) {
      return Response.of(exchange(command.encode()));
    }
    return sm.unwrap(exchange(sm.wrap(command)));
  }

  /** Sends a command without secure messaging, whatever the session's state. */
  Response sendPlain(Apdu command) {
    return Response.of(exchange(command.encode()));
  }

  private byte[] exchange(byte[] command) {
    if (deadline != null && clock.instant().isAfter(deadline)) {
      throw Errors.timeout("the card read took longer than its deadline");
    }
    byte[] response = transport.transmit(command);
    if (response == null || response.length < 2) {
      throw Errors.secureMessaging("a response shorter than a status word");
    }
    log.add(command, response);
    if (LOG.isTraceEnabled()) {
      LOG.trace("APDU {} -> {}", ApduLog.maskCommand(command), ApduLog.maskResponse(response));
    }
    return response;
  }
}
