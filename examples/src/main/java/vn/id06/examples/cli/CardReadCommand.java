package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
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
import vn.id06.core.VerificationException;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.ProofOutcome;

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
final class CardReadCommand implements Callable<Integer> {
  static final int EXIT_UNAVAILABLE = 3;
  static final int EXIT_SECURITY = 4;

  private final CliContext context;

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

  CardReadCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (virtual) {
      // TODO(virtualcard): when sdk-testkit's in-process virtual terminal lands, build the reader
      // on it here (its test CSCA trusted, its own access data), in place of this refusal.
      context
          .err()
          .println("id06: usage: --virtual needs the virtual card, not available in this build");
      return Id06Command.EXIT_BAD_INPUT;
    }
    if (terminal == null) {
      context.err().println("id06: usage: --terminal NAME or --virtual is required");
      return Id06Command.EXIT_BAD_INPUT;
    }
    AccessKey key = accessKey();
    ChipCardReader.Builder builder = ChipCardReader.builder().clock(context.clock());
    if (trustAnchors != null) {
      builder.trustAnchors(trustAnchors);
    }
    try {
      CardTerminal cardTerminal = findTerminal(terminal);
      if (cardTerminal == null) {
        context.err().println("id06: unavailable: no PC/SC terminal with that name");
        return EXIT_UNAVAILABLE;
      }
      return read(builder.terminal(cardTerminal).build(), key);
    } catch (UnavailableException e) {
      context.err().println("id06: unavailable: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    }
  }

  private int read(ChipCardReader chipReader, AccessKey key) {
    try (ChipCardReader reader = chipReader) {
      ChipReadResult result = reader.read(key);
      if (face != null && result.face().isPresent()) {
        Files.write(face, result.face().get().bytes());
      }
      context.out().println(json(result));
      boolean failed =
          result.passiveAuthentication().outcome() == ProofOutcome.FAILED
              || result.chipAuthentication().outcome() == ProofOutcome.FAILED
              || result.activeAuthentication().outcome() == ProofOutcome.FAILED;
      return failed ? EXIT_SECURITY : Id06Command.EXIT_OK;
    } catch (UnavailableException e) {
      context.err().println("id06: unavailable: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    } catch (VerificationException e) {
      context.err().println("id06: security failure: " + e.getMessage());
      return EXIT_SECURITY;
    } catch (IOException e) {
      context.err().println("id06: error: the face image cannot be written");
      return Id06Command.EXIT_INTERNAL;
    }
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

  static String json(ChipReadResult r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("accessProtocol", r.accessProtocol().name());
      g.writeObjectFieldStart("citizen");
      citizen(g, r.citizen());
      g.writeEndObject();
      g.writeStringField("mrz", r.mrz());
      proof(g, "passiveAuthentication", r.passiveAuthentication());
      proof(g, "chipAuthentication", r.chipAuthentication());
      proof(g, "activeAuthentication", r.activeAuthentication());
      g.writeArrayFieldStart("consistency");
      for (Discrepancy d : r.consistency()) {
        g.writeStartObject();
        g.writeStringField("field", d.field());
        g.writeStringField("detail", d.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("apduCount", r.apduCount());
      g.writeStringField("proofLevel", r.proofLevel().name());
      if (r.face().isPresent()) {
        g.writeObjectFieldStart("face");
        g.writeStringField("format", r.face().get().format().name());
        g.writeNumberField("size", r.face().get().size());
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void proof(JsonGenerator g, String name, Proof p) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("outcome", p.outcome().name());
    g.writeStringField("reason", p.reason());
    g.writeEndObject();
  }

  private static void citizen(JsonGenerator g, CitizenRecord c) throws IOException {
    if (c.citizenId().isPresent()) {
      g.writeStringField("citizenId", c.citizenId().get().value());
    }
    if (c.legacyId().isPresent()) {
      g.writeStringField("legacyId", c.legacyId().get().value());
    }
    if (c.fullName().isPresent()) {
      g.writeStringField("fullName", c.fullName().get().value());
    }
    if (c.dateOfBirth().isPresent()) {
      g.writeStringField("dateOfBirth", c.dateOfBirth().get().toIso());
    }
    if (c.sex().isPresent()) {
      g.writeStringField("sex", c.sex().get().name());
    }
    if (c.nationality().isPresent()) {
      g.writeStringField("nationality", c.nationality().get().name());
    }
    if (c.ethnicity().isPresent()) {
      g.writeStringField("ethnicity", c.ethnicity().get().name());
    }
    if (c.religion().isPresent()) {
      g.writeStringField("religion", c.religion().get().name());
    }
    if (c.placeOfOrigin().isPresent()) {
      g.writeStringField("placeOfOrigin", c.placeOfOrigin().get().text());
    }
    if (c.permanentAddress().isPresent()) {
      g.writeStringField("address", c.permanentAddress().get().text());
    }
    if (c.identifyingMarks().isPresent()) {
      g.writeStringField("identifyingMarks", c.identifyingMarks().get());
    }
    if (c.fatherName().isPresent()) {
      g.writeStringField("fatherName", c.fatherName().get().value());
    }
    if (c.motherName().isPresent()) {
      g.writeStringField("motherName", c.motherName().get().value());
    }
    if (c.spouseName().isPresent()) {
      g.writeStringField("spouseName", c.spouseName().get().value());
    }
    if (c.documentNumber().isPresent()) {
      g.writeStringField("documentNumber", c.documentNumber().get());
    }
    if (c.documentType().isPresent()) {
      g.writeStringField("documentType", c.documentType().get().name());
    }
    if (c.issueDate().isPresent()) {
      g.writeStringField("issueDate", c.issueDate().get().toString());
    }
    if (c.expiry().isPresent()) {
      if (c.expiry().get() instanceof DocumentExpiry.On on) {
        g.writeStringField("expiryDate", on.date().toString());
      } else {
        g.writeBooleanField("noExpiry", true);
      }
    }
  }
}
