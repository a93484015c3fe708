package vn.id06.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.testkit.card.VirtualCard;

/**
 * The options that name a chip card and its access data ({@code --terminal NAME} or {@code
 * --virtual}, with {@code --can}, {@code --id/--dob/--expiry} or {@code --mrz}, and {@code
 * --trust-anchors}), and the read they describe: shared by {@code card read} and {@code prefill
 * --from-card}. Not thread-safe (picocli fills it).
 */
final class ChipReadOptions {
  @Option(names = "--terminal", paramLabel = "NAME", description = "The PC/SC terminal's name.")
  String terminal;

  @Option(
      names = "--virtual",
      description = "Read the in-process virtual card (needs the testkit's virtual terminal).")
  boolean virtual;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Access access;

  static final class Access {
    @Option(names = "--mrz", paramLabel = "MRZ", description = "The MRZ (3 lines of 30).")
    String mrz;

    @ArgGroup(exclusive = false)
    Printed printed;

    @Option(names = "--can", paramLabel = "CAN", description = "The card access number (PACE).")
    String can;
  }

  static final class Printed {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "The 12-digit ID.")
    String id;

    @Option(names = "--dob", required = true, paramLabel = "DATE", description = "Birth date.")
    String dob;

    @Option(names = "--expiry", required = true, paramLabel = "DATE", description = "Expiry.")
    String expiry;
  }

  @Option(
      names = "--trust-anchors",
      paramLabel = "FILE|DIR",
      description = "CSCA certificates (PEM/DER), CRLs and master lists.")
  Path trustAnchors;

  /**
   * Reads the card these options name.
   *
   * @param clock the clock (certificate validity, provenance time)
   * @return what the chip says, with its proofs
   */
  ChipReadResult read(Clock clock) throws IOException {
    if (virtual) {
      return readVirtual(clock);
    }
    if (terminal == null) {
      throw new InvalidInputException(
          "terminal", InputReason.EMPTY, "--terminal NAME or --virtual is required");
    }
    AccessKey key = accessKey();
    ChipCardReader.Builder builder = ChipCardReader.builder().clock(clock);
    if (trustAnchors != null) {
      builder.trustAnchors(trustAnchors);
    }
    CardTerminal cardTerminal = findTerminal(terminal);
    if (cardTerminal == null) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE, 1, "no PC/SC terminal with that name", null);
    }
    try (ChipCardReader reader = builder.terminal(cardTerminal).build()) {
      return reader.read(key);
    }
  }

  /**
   * Reads the in-process virtual card (sdk-testkit): its own access data (PACE with the CAN), its
   * test CSCA trusted. The same reader, protocol and proofs as a PC/SC terminal.
   */
  private ChipReadResult readVirtual(Clock clock) throws IOException {
    VirtualCard card = VirtualCard.builder().build();
    ChipCardReader.Builder builder =
        ChipCardReader.builder()
            .clock(clock)
            .terminal(card.terminal())
            .trustAnchors(List.of(card.cscaCertificate()));
    if (trustAnchors != null) {
      builder.trustAnchors(trustAnchors);
    }
    AccessKey key = access == null ? AccessKey.ofCan(card.citizen().can()) : accessKey();
    try (ChipCardReader reader = builder.build()) {
      return reader.read(key);
    }
  }

  private AccessKey accessKey() {
    if (access == null) {
      throw new InvalidInputException(
          "accessData", InputReason.EMPTY, "--mrz, --id/--dob/--expiry or --can is required");
    }
    if (access.mrz != null) {
      return AccessKey.ofMrz(access.mrz);
    }
    if (access.can != null) {
      return AccessKey.ofCan(access.can);
    }
    return AccessKey.ofCitizenId(
        access.printed.id, date("dob", access.printed.dob), date("expiry", access.printed.expiry));
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, InputReason.MALFORMED, "an ISO date (yyyy-MM-dd) expected");
    }
  }

  private static CardTerminal findTerminal(String name) {
    try {
      List<CardTerminal> all = TerminalFactory.getDefault().terminals().list();
      for (CardTerminal t : all) {
        if (t.getName().equals(name)) {
          return t;
        }
      }
      return null;
    } catch (CardException | RuntimeException e) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE, 1, "PC/SC is not available", e);
    }
  }
}
