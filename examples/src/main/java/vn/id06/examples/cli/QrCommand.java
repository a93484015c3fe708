package vn.id06.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/** {@code id06 qr ...}: the QR code on the chip ID card and the health-insurance card. */
@Command(
    name = "qr",
    description = "Card QR codes (CCCD 2021, Căn cước 2024, BHYT).",
    mixinStandardHelpOptions = true,
    subcommands = {QrCommand.Parse.class})
final class QrCommand implements Callable<Integer> {
  /**
   * Bytes read at most; the parser caps characters too, this keeps a runaway stdin from filling
   * memory.
   */
  static final int MAX_INPUT_BYTES = 64 * 1024;

  private final CliContext context;

  QrCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("id06: usage: `id06 qr parse [--file F]` (QR text on stdin)");
    return Id06Command.EXIT_BAD_INPUT;
  }

  /** {@code id06 qr parse [--file F]}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parses a card QR (bytes on stdin, or --file), repairing damaged text and reporting each repair.",
        "Prints {kind, citizenId, legacyId, fullName, dateOfBirth, sex, address, issueDate,"
            + " extraFields[], repairs[], inconsistencies[]}; BHYT adds its card fields."
      })
  static final class Parse extends Id06Subcommand {
    @Option(names = "--file", paramLabel = "F", description = "Read the QR from this file.")
    Path file;

    @Override
    protected CommandOutput run(CliContext context) {
      byte[] raw = file == null ? readCapped(context.in(), "stdin") : readFile(file);
      CardQr qr = CardQrParser.builder().clock(context.clock()).build().parse(raw);
      return CommandOutput.of(QrJson.of(qr));
    }

    private static byte[] readFile(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        return readCapped(in, "--file");
      } catch (IOException e) {
        throw new InvalidInputException("--file", InputReason.MALFORMED, "the file cannot be read");
      }
    }

    private static byte[] readCapped(InputStream in, String field) {
      try {
        byte[] raw = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (raw.length > MAX_INPUT_BYTES) {
          throw new InvalidInputException(
              field, InputReason.TOO_LONG, "more than " + MAX_INPUT_BYTES + " bytes");
        }
        if (looksLikeUtf16(raw)) {
          throw new InvalidInputException(
              field,
              InputReason.MALFORMED,
              "UTF-16 text (PowerShell's `>` writes it); save the QR text as UTF-8");
        }
        return raw;
      } catch (IOException e) {
        throw new InvalidInputException(field, InputReason.MALFORMED, "the input cannot be read");
      }
    }

    /**
     * UTF-16 text: a byte-order mark, or a zero byte in every other position of the first bytes (QR
     * text is mostly ASCII, so its UTF-16 form has a zero high byte in each unit).
     */
    static boolean looksLikeUtf16(byte[] raw) {
      if (raw.length >= 2
          && ((raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE)
              || (raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF))) {
        return true;
      }
      int units = Math.min(raw.length / 2, 32);
      if (units < 4) {
        return false;
      }
      int zeroLow = 0;
      int zeroHigh = 0;
      for (int i = 0; i < units; i++) {
        if (raw[2 * i] == 0 && raw[2 * i + 1] != 0) {
          zeroLow++;
        } else if (raw[2 * i + 1] == 0 && raw[2 * i] != 0) {
          zeroHigh++;
        }
      }
      return Math.max(zeroLow, zeroHigh) * 4 >= units * 3;
    }
  }
}
