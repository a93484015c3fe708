package vn.id06.cardreader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import vn.id06.core.Id06Exception;
import vn.id06.core.citizen.AccessProtocol;
import vn.id06.core.citizen.ChipProvenance;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.FaceImage;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.qr.CardQr;

/**
 * What one read of a chip card gave and what it proved: the citizen record (from DG13, with DG1
 * where DG13 is silent), the face image beside it, the raw DG13 view, the MRZ, the three proofs
 * with their reasons, the consistency findings, and the APDU count and log.
 *
 * <p>The proof level of {@link #citizen()}'s provenance follows the proofs: passive authentication
 * proven and chip or active authentication proven gives {@code CHIP_AUTHENTICATED}; passive
 * authentication alone {@code CHIP_PASSIVE_ONLY}; anything less {@code CHIP_UNVERIFIED}.
 *
 * <p>Immutable and thread-safe. Holds personal data: {@code toString()} shows only the proofs.
 */
public final class ChipReadResult {
  private final AccessProtocol accessProtocol;
  private final String mrz;
  private final Dg13 dg13;
  private final FaceImage face;
  private final CitizenRecord citizen;
  private final Proof passive;
  private final Proof chip;
  private final Proof active;
  private final List<Discrepancy> consistency;
  private final Map<Integer, byte[]> dataGroups;
  private final byte[] sod;
  private final ApduLog log;

  private ChipReadResult(ReadFlow.Outcome o, Clock clock) {
    this.accessProtocol = AccessProtocol.valueOf(o.accessProtocol());
    this.passive = Proof.of(o.passive());
    this.chip = Proof.of(o.chip());
    this.active = Proof.of(o.active());
    this.dataGroups = new TreeMap<>(o.dataGroups());
    this.sod = o.sod();
    this.log = o.log();
    List<Discrepancy> parsing = new ArrayList<>();
    this.mrz = Lds.mrz(o.dataGroups().get(1));
    MrzData mrzData = null;
    try {
      mrzData = mrz.length() == 90 ? MrzData.parseTd1(mrz) : null;
    } catch (Id06Exception e) {
      parsing.add(Discrepancy.ofFile("DG1's MRZ has a wrong check digit"));
    }
    Dg13 parsedDg13 = null;
    if (o.dataGroups().containsKey(13)) {
      try {
        parsedDg13 = Dg13.parse(o.dataGroups().get(13));
      } catch (Id06Exception e) {
        parsing.add(Discrepancy.ofFile("DG13 is malformed"));
      }
    }
    this.dg13 = parsedDg13;
    FaceImage f = null;
    if (o.dataGroups().containsKey(2)) {
      try {
        Lds.Face raw = Lds.face(o.dataGroups().get(2));
        f = FaceImage.of(FaceImage.Format.valueOf(raw.format()), raw.bytes());
      } catch (Id06Exception e) {
        parsing.add(Discrepancy.ofFile("DG2 is malformed"));
      }
    }
    this.face = f;
    ChipProvenance provenance =
        new ChipProvenance(
            accessProtocol, passive.outcome(), chip.outcome(), active.outcome(), o.readAt());
    this.citizen = CitizenMapper.map(dg13, mrzData, provenance, parsing);
    this.consistency = CitizenMapper.consistency(citizen, mrzData, dg13, clock, parsing);
  }

  static ChipReadResult of(ReadFlow.Outcome o, Clock clock) {
    return new ChipReadResult(o, clock);
  }

  /**
   * The access protocol used: PACE or BAC.
   *
   * @return the protocol
   */
  public AccessProtocol accessProtocol() {
    return accessProtocol;
  }

  /**
   * The citizen, from DG13 (and DG1 where DG13 is silent); its provenance carries the proof level.
   *
   * @return the record
   */
  public CitizenRecord citizen() {
    return citizen;
  }

  /**
   * The proof level of the data, as in {@code citizen().provenance().level()}.
   *
   * @return the level
   */
  public ProofLevel proofLevel() {
    return citizen.provenance().level();
  }

  /**
   * DG1's MRZ as read (personal data).
   *
   * @return the MRZ text, 90 characters for the ID card
   */
  public String mrz() {
    return mrz;
  }

  /**
   * The raw DG13 view, for the fields the record has no place for.
   *
   * @return DG13, empty when the card has none or it is malformed
   */
  public Optional<Dg13> dg13() {
    return Optional.ofNullable(dg13);
  }

  /**
   * The face image of DG2 (JPEG or JPEG 2000; an unrecognised format is returned raw, format {@code
   * UNKNOWN}), beside the record rather than inside it.
   *
   * @return the face, empty when the card has no readable DG2
   */
  public Optional<FaceImage> face() {
    return Optional.ofNullable(face);
  }

  /**
   * The chip provenance: access protocol, the three proof outcomes, the read time.
   *
   * @return the provenance of {@link #citizen()}
   */
  public ChipProvenance provenance() {
    return (ChipProvenance) citizen.provenance();
  }

  /**
   * Passive authentication: data groups against EF.SOD, its signature, the signer's chain.
   *
   * @return the proof
   */
  public Proof passiveAuthentication() {
    return passive;
  }

  /**
   * Chip authentication with DG14's key.
   *
   * @return the proof
   */
  public Proof chipAuthentication() {
    return chip;
  }

  /**
   * Active authentication with DG15's key.
   *
   * @return the proof
   */
  public Proof activeAuthentication() {
    return active;
  }

  /**
   * Differences between DG1, DG13 and the ID's structure, and values that did not parse.
   *
   * @return the findings, empty when all agree
   */
  public List<Discrepancy> consistency() {
    return consistency;
  }

  /**
   * The consistency check with the card's printed QR as well: {@link #consistency()}, then each
   * field that the chip and the QR both hold and that differs (ID, old ID, name, birth date, sex,
   * permanent address, issue date), then the QR's own inconsistencies with the ID's structure.
   * Differences are reported, never thrown.
   *
   * @param qr the card's QR, parsed by sdk-core's {@code CardQrParser}
   * @return the differences, empty when everything agrees
   */
  public List<Discrepancy> consistencyWith(CardQr qr) {
    Objects.requireNonNull(qr, "qr");
    List<Discrepancy> all = new ArrayList<>(consistency);
    all.addAll(CitizenMapper.withQr(citizen, qr));
    return List.copyOf(all);
  }

  /**
   * A data group's bytes as read (personal data).
   *
   * @param number the data group number
   * @return a copy, empty when not read
   */
  public Optional<byte[]> dataGroup(int number) {
    byte[] b = dataGroups.get(number);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  /**
   * EF.SOD as read.
   *
   * @return a copy, empty when the card has none
   */
  public Optional<byte[]> sod() {
    return sod == null ? Optional.empty() : Optional.of(sod.clone());
  }

  /**
   * The number of command APDUs the read sent.
   *
   * @return the count
   */
  public int apduCount() {
    return log.count();
  }

  /**
   * The APDU log of the read (raw and masked forms).
   *
   * @return the log
   */
  public ApduLog apduLog() {
    return log;
  }

  @Override
  public String toString() {
    return "ChipReadResult[access="
        + accessProtocol
        + ", passive="
        + passive.outcome()
        + ", chip="
        + chip.outcome()
        + ", active="
        + active.outcome()
        + ", apdus="
        + log.count()
        + "]";
  }
}
