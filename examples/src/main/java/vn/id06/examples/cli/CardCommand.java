package vn.id06.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code id06 card ...}: the chip ID card. */
@Command(
    name = "card",
    description = "The chip ID card (ICAO 9303): read it and prove what was read.",
    mixinStandardHelpOptions = true,
    subcommands = {CardReadCommand.class, CardEmulateCommand.class})
final class CardCommand implements Callable<Integer> {
  private final CliContext context;

  CardCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .err()
        .println(
            "id06: usage: `id06 card read --terminal NAME (--mrz MRZ | --id ID --dob DATE --expiry"
                + " DATE | --can CAN)`");
    return ExitCode.BAD_INPUT.code();
  }
}
