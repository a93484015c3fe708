package vn.id06.examples.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.cardreader.Discrepancy;
import vn.id06.cardreader.Proof;
import vn.id06.core.CitizenField;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * {@code id06 card read}: reads a chip ID card in a PC/SC terminal and prints {accessProtocol,
 * citizen, mrz, passiveAuthentication, chipAuthentication, activeAuthentication, consistency,
 * apduCount}. Exit 4 (with the JSON) when a proof failed, 2 when the card refuses the access data,
 * 3 when the card is removed or the reader fails.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the chip ID card in a PC/SC terminal and proves what it read.",
      "Prints {accessProtocol, citizen (with addressUnits), mrz, passiveAuthentication, chipAuthentication,"
          + " activeAuthentication, consistency, apduCount, proofLevel}."
    })
final class CardReadCommand extends Id06Subcommand {
  @Mixin ChipReadOptions chip;

  @Option(names = "--face", paramLabel = "FILE", description = "Save the face image there.")
  Path face;

  @Option(
      names = "--qr",
      paramLabel = "TEXT",
      description = "The card's printed QR: the consistency check compares it with the chip.")
  String qr;

  @Override
  protected CommandOutput run(CliContext context) throws IOException {
    // The QR is parsed first: a bad QR is bad input, found before the card is touched.
    CardQr card =
        qr == null ? null : CardQrParser.builder().clock(context.clock()).build().parse(qr);
    return output(chip.read(context.clock()), card);
  }

  private CommandOutput output(ChipReadResult result, CardQr card) throws IOException {
    if (face != null && result.face().isPresent()) {
      Files.write(face, result.face().get().bytes());
    }
    CommandOutput output = CommandOutput.of(new Output(value(result, card)));
    boolean failed =
        result.passiveAuthentication().outcome() == ProofOutcome.FAILED
            || result.chipAuthentication().outcome() == ProofOutcome.FAILED
            || result.activeAuthentication().outcome() == ProofOutcome.FAILED;
    return failed ? output.withExit(ExitCode.SECURITY) : output;
  }

  /**
   * The result as the command prints it: its JSON is the map, with the citizen's data in full (its
   * purpose); its {@code toString} names the fields only, since it ends up in logs and debuggers.
   *
   * @param fields the result's fields, in print order
   */
  record Output(@JsonValue Map<String, Object> fields) {
    @Override
    public String toString() {
      return "Output[fields=" + fields.keySet() + "]";
    }
  }

  /** The result's fields as the command prints them. */
  static Map<String, Object> value(ChipReadResult r, CardQr card) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accessProtocol", r.accessProtocol().name());
    m.put("citizen", citizen(r.citizen()));
    m.put("mrz", r.mrz());
    m.put("passiveAuthentication", proof(r.passiveAuthentication()));
    m.put("chipAuthentication", proof(r.chipAuthentication()));
    m.put("activeAuthentication", proof(r.activeAuthentication()));
    List<Map<String, Object>> consistency = new ArrayList<>();
    for (Discrepancy d : card == null ? r.consistency() : r.consistencyWith(card)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", d.field().map(CitizenField::jsonName).orElse(null));
      e.put("detail", d.detail());
      consistency.add(e);
    }
    m.put("consistency", consistency);
    m.put("apduCount", r.apduCount());
    m.put("proofLevel", r.proofLevel().name());
    r.face()
        .ifPresent(
            f -> {
              Map<String, Object> face = new LinkedHashMap<>();
              face.put("format", f.format().name());
              face.put("size", f.size());
              m.put("face", face);
            });
    return m;
  }

  private static Map<String, Object> proof(Proof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", p.outcome().name());
    m.put("reason", p.reason());
    return m;
  }

  private static Map<String, Object> citizen(CitizenRecord c) {
    Map<String, Object> m = new LinkedHashMap<>();
    c.citizenId().ifPresent(v -> m.put("citizenId", v.value()));
    c.legacyId().ifPresent(v -> m.put("legacyId", v.value()));
    c.fullName().ifPresent(v -> m.put("fullName", v.value()));
    c.dateOfBirth().ifPresent(v -> m.put("dateOfBirth", v.toIso()));
    c.sex().ifPresent(v -> m.put("sex", v.name()));
    c.nationality().ifPresent(v -> m.put("nationality", v.name()));
    c.ethnicity().ifPresent(v -> m.put("ethnicity", v.name()));
    c.religion().ifPresent(v -> m.put("religion", v.name()));
    c.placeOfOrigin().ifPresent(v -> m.put("placeOfOrigin", v.text()));
    c.permanentAddress()
        .ifPresent(
            v -> {
              m.put("address", v.text());
              AddressCommand.Resolve.units(v).ifPresent(u -> m.put("addressUnits", u));
            });
    c.identifyingMarks().ifPresent(v -> m.put("identifyingMarks", v));
    c.fatherName().ifPresent(v -> m.put("fatherName", v.value()));
    c.motherName().ifPresent(v -> m.put("motherName", v.value()));
    c.spouseName().ifPresent(v -> m.put("spouseName", v.value()));
    c.documentNumber().ifPresent(v -> m.put("documentNumber", v));
    c.documentType().ifPresent(v -> m.put("documentType", v.name()));
    c.issueDate().ifPresent(v -> m.put("issueDate", v.toString()));
    c.expiry()
        .ifPresent(
            e -> {
              if (e instanceof DocumentExpiry.On on) {
                m.put("expiryDate", on.date().toString());
              } else {
                m.put("noExpiry", true);
              }
            });
    return m;
  }
}
