package vn.id06.examples.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.testkit.card.Sleeper;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;
import vn.id06.testkit.card.VpcdConnection;

/**
 * {@code id06 card emulate --vpcd [HOST:PORT] [--export-csca FILE]}: presents the virtual chip card
 * (a synthetic citizen) to a real pcscd through the vsmartcard vpcd driver, so any PC/SC program
 * reads it as "Virtual PCD 00 00". Prints one JSON line with the card's access data, then serves
 * until stopped (or until the driver closes the connection, or the card is pulled on request).
 */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Presents the virtual chip card to pcscd through the vsmartcard vpcd driver.",
      "Prints {documentNumber, citizenId, dateOfBirth, dateOfExpiry, can, terminal,"
          + " cscaCertificate}, then serves until stopped."
    })
final class CardEmulateCommand implements Callable<Integer> {
  /** Exit status: the driver is unreachable or closed the connection. */
  static final int EXIT_UNAVAILABLE = 3;

  /** The reader name pcscd gives the vpcd driver's first slot. */
  static final String VPCD_READER = "Virtual PCD 00 00";

  private final CliContext context;

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

  CardEmulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
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
      context
          .err()
          .println("id06: unavailable: the vpcd driver is not reachable (is pcscd running?)");
      return EXIT_UNAVAILABLE;
    }
    SyntheticCitizen c = card.citizen();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("documentNumber", c.documentNumber());
    line.put("citizenId", c.citizenId());
    line.put("dateOfBirth", c.dateOfBirth().toString());
    line.put("dateOfExpiry", c.dateOfExpiry().toString());
    line.put("can", c.can());
    line.put("terminal", VPCD_READER);
    line.put("cscaCertificate", csca.toAbsolutePath().toString());
    // One JSON line before serving, so a caller can read the access data and then connect.
    context.out().println(OutputJson.write(line));
    context.out().flush();
    context.err().println("id06: serving the virtual card through vpcd; stop with Ctrl-C");
    try (connection) {
      int answered = connection.serve();
      if (!card.present()) {
        context.err().println("id06: the card was pulled after " + answered + " APDUs");
        return Id06Command.EXIT_OK;
      }
      context.err().println("id06: unavailable: the vpcd driver closed the connection");
      return EXIT_UNAVAILABLE;
    } catch (UncheckedIOException e) {
      context.err().println("id06: unavailable: the vpcd connection failed");
      return EXIT_UNAVAILABLE;
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
