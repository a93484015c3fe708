package vn.id06.cardreader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.id06.core.Id06Exception;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Provenance;

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
  private final String accessProtocol;
  private final String mrz;
  private final Dg13 dg13;
  private final Lds.Face face;
  private final CitizenRecord citizen;
  private final Proof passive;
  private final Proof chip;
  private final Proof active;
  private final List<Discrepancy> consistency;
  private final Map<Integer, byte[]> dataGroups;
  private final byte[] sod;
  private final ApduLog log;

  private ChipReadResult(ReadFlow.Outcome o, Clock clock) {
    this.accessProtocol = o.accessProtocol();
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
      parsing.add(new Discrepancy("mrz", "DG1's MRZ has a wrong check digit"));
    }
    Dg13 parsedDg13 = null;
    if (o.dataGroups().containsKey(13)) {
      try {
        parsedDg13 = Dg13.parse(o.dataGroups().get(13));
      } catch (Id06Exception e) {
        parsing.add(new Discrepancy("dg13", "DG13 is malformed"));
      }
    }
    this.dg13 = parsedDg13;
    Lds.Face f = null;
    if (o.dataGroups().containsKey(2)) {
      try {
        f = Lds.face(o.dataGroups().get(2));
      } catch (Id06Exception e) {
        parsing.add(new Discrepancy("face", "DG2 is malformed"));
      }
    }
    this.face = f;
    Provenance provenance =
        new Provenance(level(passive, chip, active), "chip", o.readAt(), Optional.empty());
    this.citizen = CitizenMapper.map(dg13, mrzData, provenance, parsing);
    this.consistency = CitizenMapper.consistency(citizen, mrzData, dg13, clock, parsing);
  }

  static ChipReadResult of(ReadFlow.Outcome o, Clock clock) {
    return new ChipReadResult(o, clock);
  }

  static ProofLevel level(Proof passive, Proof chip, Proof active) {
    if (passive.outcome() != Proof.Outcome.PROVEN) {
      return ProofLevel.CHIP_UNVERIFIED;
    }
    if (chip.outcome() == Proof.Outcome.PROVEN || active.outcome() == Proof.Outcome.PROVEN) {
      return ProofLevel.CHIP_AUTHENTICATED;
    }
    return ProofLevel.CHIP_PASSIVE_ONLY;
  }

  /**
   * The access protocol used: {@code "PACE"} or {@code "BAC"}.
   *
   * @return the protocol
   */
  public String accessProtocol() {
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
   * The face image bytes of DG2 (JPEG or JPEG 2000; an unrecognised format is returned raw).
   *
   * @return a copy of the bytes, empty when the card has no readable DG2
   */
  public Optional<byte[]> faceImage() {
    return face == null ? Optional.empty() : Optional.of(face.bytes().clone());
  }

  /**
   * The face image's format: {@code JPEG}, {@code JPEG2000} or {@code UNKNOWN}.
   *
   * @return the format, empty without a face
   */
  public Optional<String> faceFormat() {
    return face == null ? Optional.empty() : Optional.of(face.format());
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
