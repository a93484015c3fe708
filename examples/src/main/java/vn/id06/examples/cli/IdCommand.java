package vn.id06.examples.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.Sex;

/** {@code id06 id ...}: the 12-digit personal identification number (số định danh cá nhân). */
@Command(
    name = "id",
    description = "The 12-digit personal identification number.",
    mixinStandardHelpOptions = true,
    subcommands = {IdCommand.Inspect.class})
final class IdCommand implements Callable<Integer> {
  private final CliContext context;

  IdCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("id06: usage: `id06 id inspect NUMBER [--dob DATE] [--sex SEX]`");
    return Id06Command.EXIT_BAD_INPUT;
  }

  /** {@code id06 id inspect NUMBER [--dob DATE] [--sex SEX]}. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a 12-digit ID offline: structure, birth-registration province, sex, birth year.",
        "Prints {valid, reasons[], warnings[], provinceCode, provinceName, sex, birthYear}."
      })
  static final class Inspect extends Id06Subcommand {
    private static final CitizenField DATE_OF_BIRTH = CitizenField.DATE_OF_BIRTH;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The 12-digit ID.")
    String number;

    @Option(
        names = "--dob",
        paramLabel = "DATE",
        description = "Declared date of birth (1985-03-14, 1985-03 or 1985).")
    String dateOfBirth;

    @Option(
        names = "--sex",
        paramLabel = "SEX",
        description = "Declared sex: MALE/FEMALE or Nam/Nữ.")
    String sex;

    /**
     * What {@code id inspect} prints.
     *
     * @param valid whether the number is possible (and agrees with the declared values)
     * @param reasons why it is not (codes)
     * @param warnings what is unusual but possible (codes)
     * @param provinceCode the first three digits
     * @param provinceName the birth-registration province, when the prefix names one
     * @param registeredAbroad whether the prefix is the one for births registered abroad
     * @param sex the sex the number encodes
     * @param birthYear the birth year the number encodes
     */
    record Result(
        boolean valid,
        List<IdFinding> reasons,
        List<IdFinding> warnings,
        String provinceCode,
        Optional<String> provinceName,
        boolean registeredAbroad,
        Sex sex,
        int birthYear) {

      /** The verdict only: the province, sex and birth year are the citizen's. */
      @Override
      public String toString() {
        return "Result[valid=" + valid + ", reasons=" + reasons + ", warnings=" + warnings + "]";
      }
    }

    /**
     * The declared birth date under sdk-core's one birth-date rule, the one {@code qr parse}
     * applies, on the same clock: a date certainly after today is bad input (a typo, not a result).
     */
    private PartialDate declaredDateOfBirth(CliContext context) {
      return PartialDate.parseIso(DATE_OF_BIRTH.jsonName(), dateOfBirth)
          .requireBirthDateBefore(DATE_OF_BIRTH, context.clock());
    }

    @Override
    protected CommandOutput run(CliContext context) {
      // The contract is exact: anything but 12 ASCII digits is bad input, so no trimming here (the
      // library forgives surrounding spaces; a command line that did would hide a quoting mistake).
      if (!number.equals(number.strip())) {
        throw new InvalidInputException(
            CitizenField.CITIZEN_ID,
            InputReason.MALFORMED,
            "surrounding spaces; expected 12 ASCII digits");
      }
      CitizenIdInspection inspection = CitizenId.inspect(number, context.clock());
      PartialDate declaredDob = dateOfBirth == null ? null : declaredDateOfBirth(context);
      Sex declaredSex = sex == null ? null : Sex.parse(sex);
      if (declaredDob != null || declaredSex != null) {
        inspection = inspection.withDeclared(declaredDob, declaredSex);
      }
      CitizenId id = inspection.id();
      return CommandOutput.of(
          new Result(
              inspection.valid(),
              inspection.reasons(),
              inspection.warnings(),
              id.provinceCode(),
              id.birthRegistrationProvince().map(p -> p.name()),
              id.registeredAbroad(),
              id.sex(),
              id.birthYear()));
    }
  }
}
