package vn.id06.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.IdFinding;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * {@code id06 demo}: the main job, on built-in synthetic samples. Later work grows it to the
 * gateway simulator and the virtual chip card; today it shows offline ID checks and card-QR repair.
 *
 * <p>Every person here is invented for the demo.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the main job offline on built-in synthetic samples and explains what it does.")
final class DemoCommand extends Id06Subcommand {
  // Synthetic people: the numbers follow the ID structure, the names are common name parts
  // combined.
  private static final String ID_HCM_FEMALE_1990 = "079190012345";
  private static final String ID_BINH_DINH_MALE_2003 = "052203004567";
  private static final String ID_ABROAD_FEMALE_1985 = "201185007788";
  private static final String ID_UNKNOWN_PREFIX = "099301001122";
  private static final String ID_FUTURE_YEAR = "001299000111";
  private static final String NAME = "Nguyễn Thị Hoà";
  private static final String QR_2021 =
      ID_HCM_FEMALE_1990
          + "|271234567|"
          + NAME
          + "|14031990|Nữ|Số 12 Đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh|01072021";

  private static final AdministrativeUnits UNITS = AdministrativeUnits.builtIn();

  private CliContext context;

  @Override
  protected CommandOutput run(CliContext context) {
    this.context = context;
    var text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.println("id06 demo: offline, on built-in synthetic samples (no real person's data).");
    out.println();
    checkIds(out);
    readQrCodes(out);
    rejectBadInput(out);
    out.println(
        "Done. Machine-readable forms: `./id06 id inspect NUMBER`, `./id06 qr parse < qr.txt`.");
    out.flush();
    return CommandOutput.text(text.toString());
  }

  private void checkIds(PrintWriter out) {
    out.println("1. Checking 12-digit personal ID numbers offline (PPP G YY RRRRRR)");
    for (String number :
        List.of(
            ID_HCM_FEMALE_1990,
            ID_BINH_DINH_MALE_2003,
            ID_ABROAD_FEMALE_1985,
            ID_UNKNOWN_PREFIX,
            ID_FUTURE_YEAR)) {
      CitizenIdInspection inspection = CitizenId.inspect(number, context.clock());
      CitizenId id = inspection.id();
      String where =
          id.registeredAbroad()
              ? "registered abroad"
              : id.birthRegistrationProvince()
                  .map(p -> "registered in " + p.name() + successor(p))
                  .orElse("prefix " + id.provinceCode() + " not in the 63-unit table");
      out.printf(
          "   %s  %-7s born %d, %s, %s%s%s%n",
          number,
          inspection.valid() ? "valid" : "INVALID",
          id.birthYear(),
          id.sex(),
          where,
          describe(" reasons: ", inspection.reasons()),
          describe(" warnings: ", inspection.warnings()));
    }
    out.println();
  }

  /** The 2025 reform merged provinces: the prefix keeps its old name, the place has a new one. */
  private String successor(AdministrativeUnit unit) {
    LocalDate today = LocalDate.now(context.clock());
    AdministrativeUnit now = UNITS.successorOn(unit, today);
    return now.equals(unit) ? "" : " (since " + UNITS.reformDate() + " part of " + now.name() + ")";
  }

  private void readQrCodes(PrintWriter out) {
    out.println("2. Reading card QR codes, repairing what scanners damage");
    CardQrParser parser = CardQrParser.builder().clock(context.clock()).build();

    show(out, "chip ID card QR (2021), clean", QR_2021, parser);

    // A keyboard-wedge scanner handing UTF-8 bytes to a Windows-1252 application: "lỗi phông chữ".
    String garbled = reencode(QR_2021, Charset.forName("windows-1252"));
    show(out, "the same QR after a hospital reader garbled it", garbled, parser);

    String bhyt =
        "HC4797912345678|"
            + HexFormat.of().formatHex("Trần Văn Bình".getBytes(StandardCharsets.UTF_8))
            + "|05/09/1978|1|"
            + HexFormat.of()
                .formatHex("Xã Phước Hòa, Tỉnh Gia Lai".getBytes(StandardCharsets.UTF_8))
            + "|52 - 017|01/01/2026|31/12/2026|-|4|$";
    show(out, "health-insurance (BHYT) card QR", bhyt, parser);
    out.println();
  }

  private static void show(PrintWriter out, String title, String text, CardQrParser parser) {
    out.println("   " + title + ":");
    out.println("     input    " + text);
    CardQr qr = parser.parse(text);
    out.println("     kind     " + qr.kind());
    qr.record().fullName().ifPresent(n -> out.println("     name     " + n.value()));
    qr.record().dateOfBirth().ifPresent(d -> out.println("     born     " + d.toIso()));
    qr.record().sex().ifPresent(s -> out.println("     sex      " + s));
    qr.healthInsurance().ifPresent(c -> out.println("     BHXH no. " + c.socialInsuranceNumber()));
    out.println(
        "     repairs  "
            + (qr.repairs().isEmpty()
                ? "none needed"
                : qr.repairs().stream()
                    .map(r -> r.field().jsonName() + ": " + r.kind())
                    .collect(Collectors.joining(", "))));
  }

  private void rejectBadInput(PrintWriter out) {
    out.println("3. Refusing what cannot be proved (typed errors that never echo personal data)");
    CardQrParser parser = CardQrParser.builder().clock(context.clock()).build();
    for (String bad :
        List.of(
            "079190012345|271234567|" + NAME + "|31021990|Nữ|Hà Nội|01072021",
            "079190012345|271234567|" + NAME + "|14032090|Nữ|Hà Nội|01072021",
            "079190012345|271234567|Nguy\uFFFDn Th\uFFFD Hoà|14031990|Nữ|Hà Nội|01072021",
            "not a QR code at all")) {
      try {
        parser.parse(bad);
        out.println("   unexpectedly accepted a bad sample");
      } catch (InvalidInputException e) {
        out.println("   rejected: " + e.getMessage());
      }
    }
    out.println();
  }

  private static String describe(String label, List<IdFinding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    return label + findings.stream().map(IdFinding::code).collect(Collectors.joining(", "));
  }

  /** What a program shows when it reads UTF-8 bytes as another charset. */
  private static String reencode(String text, Charset wrong) {
    return new String(text.getBytes(StandardCharsets.UTF_8), wrong);
  }
}
