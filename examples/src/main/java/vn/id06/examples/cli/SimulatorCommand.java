package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.testkit.gateway.FaultSpec;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * {@code id06 simulator}: the population-data gateway simulator on loopback, or {@code --dump K}
 * citizens of its population as JSON Lines.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the gateway's REST profile on 127.0.0.1 from a synthetic population (test data only).",
      "Prints one JSON line: port, base URLs, CA certificate, client key, JWKS URL; runs until killed.",
      "With --dump K prints K citizens as JSON Lines (the keys of `qr parse`) and exits."
    })
final class SimulatorCommand extends Id06Subcommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--port", paramLabel = "P", description = "Port; 0 picks a free one (default).")
  int port;

  @Option(names = "--plain-http", description = "Plain HTTP instead of HTTPS (loopback only).")
  boolean plainHttp;

  @Option(names = "--mtls", description = "Require the client certificate (mutual TLS).")
  boolean mutualTls;

  @Option(names = "--citizens", paramLabel = "N", description = "Population size (default 10000).")
  long citizens = 10_000;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Population and fault seed (default 6).")
  long seed = 6;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description = "Faults, e.g. 429:0.1,503:0.05,reset:0.02,latency:10ms (see docs/GATEWAY.md).")
  String faults = "";

  @Option(
      names = "--signing",
      paramLabel = "ALG",
      description = "Answer signature algorithm: RS256 (default), ES256 or EdDSA.")
  String signing = "RS256";

  @Option(names = "--dump", paramLabel = "K", description = "Print K citizens and exit.")
  Long dump;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description = "State folder (keys, certificates); default ~/.id06/simulator.")
  Path state;

  /** The variable that names the simulator's state folder. */
  static final String STATE_ENV = "ID06_SIMULATOR_STATE";

  /**
   * The simulator's state folder, the one rule every command follows (the simulator writes it, the
   * gateway and audit commands read it): the flag, else {@code ID06_SIMULATOR_STATE} from the run's
   * environment (blank counts as unset), else {@code ~/.id06/simulator}.
   *
   * @param context the run, whose environment is read
   * @param flag the command's own flag ({@code --state} or {@code --simulator-state}), may be null
   * @return the folder
   */
  static Path stateFolder(CliContext context, Path flag) {
    if (flag != null) {
      return flag;
    }
    return context
        .env(STATE_ENV)
        .filter(v -> !v.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".id06", "simulator"));
  }

  @Override
  protected CommandOutput run(CliContext context) throws JsonProcessingException {
    if (citizens < 1 || citizens > 100_000_000L) {
      throw new InvalidInputException("citizens", InputReason.UNKNOWN_VALUE, "1 to 100000000");
    }
    SyntheticPopulation population = SyntheticPopulation.of(seed, citizens);
    if (dump != null) {
      if (dump < 0 || dump > citizens) {
        throw new InvalidInputException(
            "dump", InputReason.UNKNOWN_VALUE, "0 to the population size");
      }
      List<DumpLine> lines = new ArrayList<>();
      for (long i = 0; i < dump; i++) {
        lines.add(DumpLine.of(population.citizen(i)));
      }
      return CommandOutput.jsonLines(lines);
    }
    FaultSpec spec;
    GatewaySimulator.SigningAlgorithm alg;
    try {
      spec = FaultSpec.parse(faults);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("faults", InputReason.MALFORMED, "see docs/GATEWAY.md");
    }
    try {
      alg = GatewaySimulator.SigningAlgorithm.valueOf(signing);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "signing", InputReason.UNKNOWN_VALUE, "RS256, ES256 or EdDSA");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("port", InputReason.UNKNOWN_VALUE, "0 to 65535");
    }
    GatewaySimulator sim =
        GatewaySimulator.builder()
            .port(port)
            .plainHttp(plainHttp)
            .mutualTls(mutualTls)
            .population(population)
            .faults(spec)
            .faultSeed(seed)
            .signingAlgorithm(alg)
            .stateDirectory(stateFolder(context, state))
            .start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  stop.countDown();
                }));
    JsonNode startLine = JSON.readTree(sim.startLine());
    return CommandOutput.serving(
        startLine,
        () -> {
          context
              .err()
              .println("id06: simulator serving on " + sim.rootUri() + " (Ctrl-C to stop)");
          context.err().flush();
          stop.await();
          return ExitCode.OK;
        });
  }

  /** One citizen of {@code --dump}: the keys of {@code qr parse}, plus the simulator's own. */
  record DumpLine(
      long index,
      String citizenId,
      Optional<String> legacyId,
      String fullName,
      String dateOfBirth,
      String sex,
      String address,
      String placeOfOrigin,
      String issueDate,
      String ethnicity,
      String lifeStatus,
      String householdId,
      Optional<String> cardNumber,
      Optional<String> socialInsuranceNumber,
      Optional<String> facilityCode,
      Optional<String> validFrom,
      Optional<String> validTo) {

    /** The index and the masked ID: the rest is (synthetic) personal data all the same. */
    @Override
    public String toString() {
      return "DumpLine[index=" + index + ", citizenId=" + Masked.id(citizenId) + "]";
    }

    static DumpLine of(SyntheticCitizen c) {
      Optional<SyntheticCitizen.InsuranceCard> k = c.insuranceCard();
      return new DumpLine(
          c.index(),
          c.citizenId(),
          c.legacyId(),
          c.fullName(),
          c.dateOfBirth(),
          c.sex(),
          c.permanentAddress(),
          c.placeOfOrigin(),
          c.issueDate().toString(),
          c.ethnicity(),
          c.lifeStatus(),
          c.householdId(),
          k.map(SyntheticCitizen.InsuranceCard::cardNumber),
          k.map(SyntheticCitizen.InsuranceCard::socialInsuranceNumber),
          k.map(SyntheticCitizen.InsuranceCard::facilityCode),
          k.map(v -> v.validFrom().toString()),
          k.map(v -> v.validTo().toString()));
    }
  }
}
