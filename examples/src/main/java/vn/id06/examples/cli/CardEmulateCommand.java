package vn.id06.examples.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.testkit.card.Sleeper;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;
import vn.id06.testkit.card.VpcdConnection;

/**
 * {@code id06 card emulate --vpcd [HOST:PORT] [--export-csca FILE]}: presents the virtual chip card
 * (a synthetic citizen) to a real pcscd through the vsmartcard vpcd driver, so any PC/SC program
 * reads it as "Virtual PCD 00 00". Prints one JSON line with the card's access data ({@link
 * StartLine}, through the output model), then serves until stopped: exit 0 when the card is pulled
 * on request, 3 when the driver is unreachable (nothing printed) or closes the connection.
 */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Presents the virtual chip card to pcscd through the vsmartcard vpcd driver.",
      "Prints {documentNumber, citizenId, dateOfBirth, dateOfExpiry, can, terminal,"
          + " cscaCertificate}, then serves until stopped."
    })
final class CardEmulateCommand extends Id06Subcommand {
  /** The reader name pcscd gives the vpcd driver's first slot. */
  static final String VPCD_READER = "Virtual PCD 00 00";

  @Option(
      names = "--vpcd",
      arity = "0..1",
      fallbackValue = "localhost:35963",
      paramLabel = "HOST:PORT",
      description = "The vpcd driver to attach to (default localhost:35963).")
  String vpcd;

  @Option(
      names = "--export-csca",
      paramLabel = "FILE",
      description =
          "Where to write the test CSCA certificate (PEM if FILE ends in .pem, else DER).")
  Path exportCsca;

  @Option(
      names = "--citizen",
      paramLabel = "NAME",
      description = "The synthetic card holder: hoa (default) or hbo.")
  String citizen = "hoa";

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the test PKI, keys and photo.")
  long seed = 6;

  @Option(names = "--no-pace", description = "No EF.CardAccess: BAC only.")
  boolean noPace;

  @Option(names = "--no-extended-length", description = "Refuse extended-length APDUs (6700).")
  boolean noExtendedLength;

  @Option(
      names = "--max-response",
      paramLabel = "BYTES",
      description = "Largest response APDU, secure messaging included.")
  Integer maxResponse;

  @Option(
      names = "--tamper",
      paramLabel = "DG",
      description = "Misbehaviour: change data group DG after signing (hash mismatch).")
  Integer tamper;

  @Option(
      names = "--untrusted-signer",
      description = "Misbehaviour: SOD signed under another CSCA.")
  boolean untrustedSigner;

  @Option(names = "--cloned-chip", description = "Misbehaviour: wrong chip and active auth keys.")
  boolean clonedChip;

  @Option(
      names = "--lying-length",
      paramLabel = "DG",
      description = "Misbehaviour: data group DG's TLV length claims 2^31-1 bytes.")
  Integer lyingLength;

  @Option(
      names = "--pull-after",
      paramLabel = "N",
      description = "Misbehaviour: the card is removed after N APDUs.")
  Integer pullAfter;

  @Option(
      names = "--slow",
      paramLabel = "MILLIS",
      description = "Misbehaviour: each answer takes MILLIS milliseconds.")
  Integer slowMillis;

  /**
   * What {@code card emulate} prints before it serves: the card's access data and where to find it.
   *
   * @param documentNumber the card's document number (the MRZ's)
   * @param citizenId the holder's 12-digit ID
   * @param dateOfBirth the holder's birth date
   * @param dateOfExpiry the card's expiry
   * @param can the card access number (PACE)
   * @param terminal the reader name pcscd gives the card
   * @param cscaCertificate the test CSCA certificate's file, to trust when reading
   */
  record StartLine(
      String documentNumber,
      String citizenId,
      LocalDate dateOfBirth,
      LocalDate dateOfExpiry,
      String can,
      String terminal,
      String cscaCertificate) {

    /** The masked ID and where the card is: no document number, birth date or access number. */
    @Override
    public String toString() {
      return "StartLine[citizenId="
          + Masked.id(citizenId)
          + ", terminal="
          + terminal
          + ", cscaCertificate="
          + cscaCertificate
          + "]";
    }
  }

  @Override
  protected CommandOutput run(CliContext context) {
    if (vpcd == null) {
      throw new InvalidInputException("vpcd", InputReason.EMPTY, "--vpcd [HOST:PORT] is required");
    }
    String host = vpcd;
    int port = VpcdConnection.DEFAULT_PORT;
    int colon = vpcd.lastIndexOf(':');
    if (colon >= 0) {
      host = vpcd.substring(0, colon);
      try {
        port = Integer.parseInt(vpcd.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535 || host.isEmpty()) {
        throw new InvalidInputException("vpcd", InputReason.MALFORMED, "expected HOST:PORT");
      }
    }
    VirtualCard card = build();
    Path csca = exportCsca;
    try {
      if (csca == null) {
        csca = Files.createTempFile("id06-test-csca-", ".pem");
      }
      card.exportCsca(csca);
    } catch (java.io.IOException | UncheckedIOException e) {
      throw new InvalidInputException(
          "exportCsca", InputReason.MALFORMED, "the CSCA certificate file cannot be written");
    }
    VpcdConnection connection;
    try {
      connection = VpcdConnection.connect(card, host, port);
    } catch (UncheckedIOException e) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE,
          1,
          "the vpcd driver is not reachable (is pcscd running?)",
          e);
    }
    SyntheticCitizen c = card.citizen();
    var line =
        new StartLine(
            c.documentNumber(),
            c.citizenId(),
            c.dateOfBirth(),
            c.dateOfExpiry(),
            c.can(),
            VPCD_READER,
            csca.toAbsolutePath().toString());
    // One JSON line before serving, so a caller can read the access data and then connect.
    return CommandOutput.serving(line, () -> serve(context, card, connection));
  }

  /** Serves the driver until it hangs up or the card is pulled; runs after the start line. */
  private static ExitCode serve(CliContext context, VirtualCard card, VpcdConnection connection) {
    context.err().println("id06: serving the virtual card through vpcd; stop with Ctrl-C");
    try (connection) {
      int answered = connection.serve();
      if (!card.present()) {
        context.err().println("id06: the card was pulled after " + answered + " APDUs");
        return ExitCode.OK;
      }
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE,
          1,
          "the vpcd driver closed the connection",
          null);
    } catch (UncheckedIOException e) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE, 1, "the vpcd connection failed", e);
    }
  }

  private VirtualCard build() {
    VirtualCard.Builder b = VirtualCard.builder().seed(seed).pace(!noPace);
    switch (citizen) {
      case "hoa" -> b.citizen(SyntheticCitizen.nguyenThiHoa());
      case "hbo" -> b.citizen(SyntheticCitizen.ksorHBo());
      default ->
          throw new InvalidInputException(
              "citizen", InputReason.UNKNOWN_VALUE, "expected hoa or hbo");
    }
    b.extendedLength(!noExtendedLength);
    try {
      if (maxResponse != null) {
        b.maxResponseSize(maxResponse);
      }
      if (tamper != null) {
        b.tamperedDataGroup(tamper);
      }
      if (lyingLength != null) {
        b.lyingLength(lyingLength, 0x7FFFFFFFL);
      }
      if (pullAfter != null) {
        b.pulledAfter(pullAfter);
      }
      if (slowMillis != null) {
        if (slowMillis < 0) {
          throw new IllegalArgumentException("--slow must not be negative");
        }
        b.slowAnswers(Duration.ofMillis(slowMillis), Sleeper.system());
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cardOptions", InputReason.MALFORMED, e.getMessage());
    }
    if (untrustedSigner) {
      b.untrustedSigner();
    }
    if (clonedChip) {
      b.clonedChip();
    }
    return b.build();
  }
}
