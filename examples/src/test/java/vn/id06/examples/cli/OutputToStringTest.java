package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.Sex;
import vn.id06.core.qr.CardQrParser;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * The command line's output records print every personal value in their JSON (their purpose) and
 * none in {@code toString} (which ends up in logs, assertion messages and debuggers). All data is
 * synthetic.
 */
class OutputToStringTest {
  private static final String ID = "079085001234";
  private static final String LEGACY_ID = "025123456";
  private static final String NAME = "Trần Văn Thử";
  private static final String DETAIL = "Thôn 3";
  private static final String COMMUNE = "Canh Liên";
  private static final String ADDRESS =
      DETAIL + ", Xã " + COMMUNE + ", Huyện Vân Canh, Tỉnh Bình Định";
  private static final String CARD = "GD4797931234567";
  private static final String SOCIAL = "7931234567";

  /** One record, the personal values its JSON holds, and what its toString shows instead. */
  record Case(String name, Object record, List<String> personal, String shown) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> records() {
    AddressCommand.Resolve.Output units = AddressCommand.Resolve.output(Address.resolve(ADDRESS));
    Map<String, String> citizen = new LinkedHashMap<>();
    citizen.put("citizenId", ID);
    citizen.put("fullName", NAME);
    citizen.put("dateOfBirth", "1985-03-14");
    citizen.put("address", ADDRESS);
    SyntheticCitizen someone = SyntheticPopulation.of(6, 10).citizen(3);
    return Stream.of(
        new Case(
            "qr parse",
            QrJson.of(
                CardQrParser.builder()
                    .clock(CliRun.CLOCK)
                    .build()
                    .parse(
                        ID
                            + "|"
                            + LEGACY_ID
                            + "|"
                            + NAME
                            + "|14031985|Nam|"
                            + ADDRESS
                            + "|10072021")),
            List.of(ID, LEGACY_ID, NAME, "1985-03-14", ADDRESS, COMMUNE, "2021-07-10"),
            "citizenId=079*******34, legacyId=025****56"),
        new Case(
            "lookup",
            new GatewayCommands.LookupOutput(
                true,
                Optional.of(citizen),
                Optional.of(units),
                Optional.of("req-1"),
                Optional.of("POPULATION_DATABASE")),
            List.of(ID, NAME, "1985-03-14", ADDRESS, COMMUNE, DETAIL),
            "fields=[citizenId, fullName, dateOfBirth, address]"),
        new Case("address resolve", units, List.of(COMMUNE, DETAIL), "certainty="),
        new Case("address units", units.input(), List.of(COMMUNE, DETAIL), "era="),
        new Case(
            "health-insurance",
            new GatewayCommands.CardOutput(
                true,
                Optional.of(CARD),
                Optional.of(SOCIAL),
                Optional.of("52-017"),
                Optional.of(LocalDate.of(2026, 1, 1)),
                Optional.of(LocalDate.of(2026, 12, 31)),
                Optional.of(true),
                Optional.of("req-2")),
            List.of(CARD, SOCIAL, "52-017", "2026-01-01", "2026-12-31"),
            "requestId=req-2"),
        new Case(
            "health-insurance --profile bhxh",
            new WireProfileOptions.CardCheckOutput(
                true,
                "VALID",
                Optional.empty(),
                Optional.of(CARD),
                Optional.of(SOCIAL),
                Optional.of("52-017"),
                Optional.of(LocalDate.of(2026, 1, 1)),
                Optional.of(LocalDate.of(2026, 12, 31)),
                true,
                "000",
                "req-3",
                "POPULATION_DATABASE_UNVERIFIED"),
            List.of(CARD, SOCIAL, "52-017", "2026-01-01", "2026-12-31"),
            "status=VALID"),
        new Case(
            "simulator --dump",
            SimulatorCommand.DumpLine.of(someone),
            Stream.concat(
                    Stream.of(
                        someone.citizenId(),
                        someone.fullName(),
                        someone.dateOfBirth(),
                        someone.permanentAddress(),
                        someone.placeOfOrigin(),
                        someone.householdId()),
                    someone.legacyId().stream())
                .toList(),
            "citizenId=" + someone.citizenId().substring(0, 3) + "*******"),
        new Case(
            "card emulate",
            new CardEmulateCommand.StartLine(
                "C07912345",
                ID,
                LocalDate.of(1985, 3, 14),
                LocalDate.of(2045, 3, 14),
                "482915",
                "Virtual PCD 00 00",
                "/tmp/csca.pem"),
            List.of("C07912345", ID, "1985-03-14", "2045-03-14", "482915"),
            "citizenId=079*******34"),
        new Case(
            "card read",
            new CardReadCommand.Output(new LinkedHashMap<>(Map.of("citizen", citizen))),
            List.of(ID, NAME, "1985-03-14", ADDRESS),
            "fields=[citizen]"),
        new Case(
            "id inspect",
            new IdCommand.Inspect.Result(
                true,
                List.of(),
                List.of(),
                "079",
                Optional.of("Hồ Chí Minh"),
                false,
                Sex.MALE,
                1985),
            List.of("1985", "Hồ Chí Minh", "MALE"),
            "valid=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void jsonHoldsThePersonalValuesAndToStringNone(Case c) {
    String json = OutputJson.write(c.record());
    String text = c.record().toString();
    assertThat(c.personal()).isNotEmpty();
    for (String value : c.personal()) {
      assertThat(json).as("the JSON of %s", c.name()).contains(value);
      assertThat(text).as("toString of %s", c.name()).doesNotContain(value);
    }
    assertThat(text).startsWith(c.record().getClass().getSimpleName() + "[").contains(c.shown());
  }

  /** Components that hold a citizen's data; a record with one must say what its toString shows. */
  private static final Set<String> PERSONAL_COMPONENTS =
      Set.of(
          "citizenId",
          "legacyId",
          "fullName",
          "dateOfBirth",
          "birthYear",
          "address",
          "addressUnits",
          "citizen",
          "detail", // of an address's units (the audit problem's detail names no one: allowed
          // below)
          "input",
          "cardNumber",
          "socialInsuranceNumber",
          "documentNumber",
          "can");

  @Test
  void everyRecordWithPersonalDataHasItsOwnToStringAndIsCoveredAbove()
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(OutputJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve(OutputJson.class.getPackageName().replace('.', '/'));
    List<Class<?>> personal = new ArrayList<>();
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class")) {
          continue;
        }
        Class<?> type;
        try {
          type =
              Class.forName(
                  OutputJson.class.getPackageName() + "." + file.substring(0, file.length() - 6),
                  false,
                  OutputJson.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (type.isRecord()
            && type != AuditCommand.ProblemOutput.class
            && Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .anyMatch(PERSONAL_COMPONENTS::contains)) {
          personal.add(type);
        }
      }
    }
    assertThat(personal).as("records found in %s", pkg).hasSizeGreaterThanOrEqualTo(8);
    List<Class<?>> covered = new ArrayList<>();
    records().forEach(c -> covered.add(c.record().getClass()));
    for (Class<?> type : personal) {
      assertThat(type.getDeclaredMethods())
          .as("%s declares toString", type.getName())
          .anyMatch(m -> m.getName().equals("toString") && m.getParameterCount() == 0);
      assertThat(covered).as("%s is a case of the test above", type.getName()).contains(type);
    }
  }
}
