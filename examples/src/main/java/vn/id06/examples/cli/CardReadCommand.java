package vn.id06.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.cardreader.Discrepancy;
import vn.id06.cardreader.Proof;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.testkit.card.VirtualCard;

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
      "Prints {accessProtocol, citizen, mrz, passiveAuthentication, chipAuthentication,"
          + " activeAuthentication, consistency, apduCount, proofLevel}."
    })
final class CardReadCommand extends Id06Subcommand {
  @Option(names = "--terminal", paramLabel = "NAME", description = "The PC/SC terminal's name.")
  String terminal;

  @Option(
      names = "--virtual",
      description = "Read the in-process virtual card (needs the testkit's virtual terminal).")
  boolean virtual;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Access access;

  static final class Access {
    @Option(names = "--mrz", paramLabel = "MRZ", description = "The MRZ (3 lines of 30).")
    String mrz;

    @ArgGroup(exclusive = false)
    Printed printed;

    @Option(names = "--can", paramLabel = "CAN", description = "The card access number (PACE).")
    String can;
  }

  static final class Printed {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "The 12-digit ID.")
    String id;

    @Option(names = "--dob", required = true, paramLabel = "DATE", description = "Birth date.")
    String dob;

    @Option(names = "--expiry", required = true, paramLabel = "DATE", description = "Expiry.")
    String expiry;
  }

  @Option(
      names = "--trust-anchors",
      paramLabel = "FILE|DIR",
      description = "CSCA certificates (PEM/DER), CRLs and master lists.")
  Path trustAnchors;

  @Option(names = "--face", paramLabel = "FILE", description = "Save the face image there.")
  Path face;

  @Override
  protected CommandOutput run(CliContext context) throws IOException {
    if (virtual) {
      return readVirtual(context);
    }
    if (terminal == null) {
      throw new InvalidInputException(
          "terminal", InputReason.EMPTY, "--terminal NAME or --virtual is required");
    }
    AccessKey key = accessKey();
    ChipCardReader.Builder builder = ChipCardReader.builder().clock(context.clock());
    if (trustAnchors != null) {
      builder.trustAnchors(trustAnchors);
    }
    CardTerminal cardTerminal = findTerminal(terminal);
    if (cardTerminal == null) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE, 1, "no PC/SC terminal with that name", null);
    }
    try (ChipCardReader reader = builder.terminal(cardTerminal).build()) {
      return output(reader.read(key));
    }
  }

  /**
   * Reads the in-process virtual card (sdk-testkit): its own access data (PACE with the CAN), its
   * test CSCA trusted. The same reader, protocol and proofs as a PC/SC terminal.
   */
  private CommandOutput readVirtual(CliContext context) throws IOException {
    VirtualCard card = VirtualCard.builder().build();
    ChipCardReader.Builder builder =
        ChipCardReader.builder()
            .clock(context.clock())
            .terminal(card.terminal())
            .trustAnchors(List.of(card.cscaCertificate()));
    if (trustAnchors != null) {
      builder.trustAnchors(trustAnchors);
    }
    AccessKey key = access == null ? AccessKey.ofCan(card.citizen().can()) : accessKey();
    try (ChipCardReader reader = builder.build()) {
      return output(reader.read(key));
    }
  }

  private CommandOutput output(ChipReadResult result) throws IOException {
    if (face != null && result.face().isPresent()) {
      Files.write(face, result.face().get().bytes());
    }
    CommandOutput output = CommandOutput.of(value(result));
    boolean failed =
        result.passiveAuthentication().outcome() == ProofOutcome.FAILED
            || result.chipAuthentication().outcome() == ProofOutcome.FAILED
            || result.activeAuthentication().outcome() == ProofOutcome.FAILED;
    return failed ? output.withExit(ExitCode.SECURITY) : output;
  }

  private AccessKey accessKey() {
    if (access == null) {
      throw new InvalidInputException(
          "accessData", InputReason.EMPTY, "--mrz, --id/--dob/--expiry or --can is required");
    }
    if (access.mrz != null) {
      return AccessKey.ofMrz(access.mrz);
    }
    if (access.can != null) {
      return AccessKey.ofCan(access.can);
    }
    return AccessKey.ofCitizenId(
        access.printed.id, date("dob", access.printed.dob), date("expiry", access.printed.expiry));
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, InputReason.MALFORMED, "an ISO date (yyyy-MM-dd) expected");
    }
  }

  private static CardTerminal findTerminal(String name) {
    try {
      List<CardTerminal> all = TerminalFactory.getDefault().terminals().list();
      for (CardTerminal t : all) {
        if (t.getName().equals(name)) {
          return t;
        }
      }
      return null;
    } catch (CardException | RuntimeException e) {
      throw new UnavailableException(
          UnavailableException.Kind.READER_FAILURE, 1, "PC/SC is not available", e);
    }
  }

  /** The result as the command prints it; the citizen's data is printed in full (its purpose). */
  static Map<String, Object> value(ChipReadResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accessProtocol", r.accessProtocol().name());
    m.put("citizen", citizen(r.citizen()));
    m.put("mrz", r.mrz());
    m.put("passiveAuthentication", proof(r.passiveAuthentication()));
    m.put("chipAuthentication", proof(r.chipAuthentication()));
    m.put("activeAuthentication", proof(r.activeAuthentication()));
    List<Map<String, Object>> consistency = new ArrayList<>();
    for (Discrepancy d : r.consistency()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", d.field());
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
    c.permanentAddress().ifPresent(v -> m.put("address", v.text()));
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
