package vn.id06.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.address.CurrentUnits;
import vn.id06.core.address.Division;
import vn.id06.core.address.ResolvedAddress;
import vn.id06.core.address.Succession;

/** {@code id06 address ...}: addresses across the 2025 reform of administrative units. */
@Command(
    name = "address",
    description = "Addresses across the 2025 reform of administrative units.",
    mixinStandardHelpOptions = true,
    subcommands = {AddressCommand.Resolve.class})
final class AddressCommand implements Callable<Integer> {
  private final CliContext context;

  AddressCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("id06: usage: `id06 address resolve TEXT`");
    return Id06Command.EXIT_BAD_INPUT;
  }

  /** {@code id06 address resolve TEXT}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "Finds the units a free-text address names (before or after the 2025 reform) and maps",
        "them to today's units. Prints {input: {commune, district, province, era, codes, detail},",
        "current: {commune, province, codes}, certainty, candidates[]}; certainty is EXACT, SPLIT",
        "(all candidates listed) or UNKNOWN (nothing guessed)."
      })
  static final class Resolve extends Id06Subcommand {
    @Parameters(index = "0", paramLabel = "TEXT", description = "The address as written.")
    String text;

    @Override
    protected CommandOutput run(CliContext context) {
      return CommandOutput.of(output(Address.resolve(text)));
    }

    /**
     * The resolution of an address a card or a QR holds, in this command's shape: what {@code qr
     * parse} and {@code card read} print as {@code addressUnits}.
     *
     * @param address the address
     * @return the resolution, or empty when the text cannot be resolved (control characters)
     */
    static Optional<Output> units(Address address) {
      try {
        return Optional.of(output(address.resolution()));
      } catch (InvalidInputException e) {
        // Binary text resolves to nothing; the address itself is still printed as it came.
        return Optional.empty();
      }
    }

    /** Names and codes of units; absent keys for what is not known. */
    record Units(
        Optional<String> commune,
        Optional<String> district,
        Optional<String> province,
        Optional<String> era,
        Optional<Codes> codes,
        Optional<String> detail) {

      /** The era only: the units and the detail are part of someone's address. */
      @Override
      public String toString() {
        return "Units[era=" + era.orElse("none") + ", ****]";
      }
    }

    /** Unit codes in the era of the units they belong to. */
    record Codes(Optional<String> commune, Optional<String> district, Optional<String> province) {}

    /** A commune of today the address may denote. */
    record Candidate(
        String commune,
        String province,
        Codes codes,
        Optional<String> share,
        Optional<String> from) {}

    /** The command's output. */
    record Output(Units input, Units current, String certainty, List<Candidate> candidates) {

      /** The certainty and the number of candidates: the units are part of someone's address. */
      @Override
      public String toString() {
        return "Output[certainty=" + certainty + ", candidates=" + candidates.size() + "]";
      }
    }

    static Output output(ResolvedAddress r) {
      Optional<Division> commune = r.commune();
      Optional<Division> district = r.district();
      Optional<Division> province = r.province();
      Units input =
          new Units(
              commune.map(Division::name),
              district.map(Division::name),
              province.map(Division::name),
              r.era().map(Enum::name),
              codes(commune, district, province),
              r.detail().isEmpty() ? Optional.empty() : Optional.of(r.detail()));
      CurrentUnits now = r.toCurrentUnits();
      Units current =
          new Units(
              now.commune().map(Division::name),
              Optional.empty(),
              now.province().map(Division::name),
              Optional.empty(),
              codes(now.commune(), Optional.empty(), now.province()),
              Optional.empty());
      List<Candidate> candidates = new ArrayList<>();
      for (Division c : now.candidates()) {
        List<Succession> from = new ArrayList<>();
        for (Succession s : now.successions()) {
          if (s.to().code().equals(c.code())) {
            from.add(s);
          }
        }
        Optional<Succession> only = from.size() == 1 ? Optional.of(from.get(0)) : Optional.empty();
        candidates.add(
            new Candidate(
                c.name(),
                c.province().name(),
                new Codes(
                    Optional.of(c.code()), Optional.empty(), Optional.of(c.province().code())),
                only.map(s -> s.share().name()),
                only.map(s -> s.from().code())));
      }
      return new Output(input, current, now.certainty().name(), candidates);
    }

    private static Optional<Codes> codes(
        Optional<Division> commune, Optional<Division> district, Optional<Division> province) {
      if (commune.isEmpty() && district.isEmpty() && province.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Codes(
              commune.map(Division::code),
              district.map(Division::code),
              province.map(Division::code)));
    }
  }
}
