package vn.id06.cardreader;

import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.Id06Exception;

/**
 * One read of one card, start to end: access (PACE when EF.CardAccess offers it, BAC otherwise),
 * the files, active then chip authentication, then passive authentication. Not thread-safe: one
 * instance per read.
 */
final class ReadFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ReadFlow.class);
  static final byte[] MRTD_AID = Hex.decode("A0000002471001");
  private static final int[] WANTED = {1, 2, 13, 14, 15};

  /** The settings a read needs, from the reader's builder. */
  record Settings(
      Clock clock,
      SecureRandom random,
      Duration timeout,
      int maxResponse,
      boolean extendedLength,
      boolean preferPace,
      ReadListener listener,
      List<X509Certificate> anchors,
      List<X509CRL> crls) {}

  /** What a read produced, before it becomes a public result. */
  // A package-private carrier from the flow to the result, never compared or exposed.
  @SuppressWarnings("ArrayRecordComponent")
  record Outcome(
      String accessProtocol,
      byte[] cardAccess,
      byte[] com,
      byte[] sod,
      Map<Integer, byte[]> dataGroups,
      Verdict passive,
      Verdict chip,
      Verdict active,
      ApduLog log,
      Instant readAt) {}

  private ReadFlow() {}

  static Outcome run(ApduTransport transport, AccessKey key, Settings s) {
    Instant start = s.clock().instant();
    ApduLog log = new ApduLog();
    CardSession session =
        new CardSession(
            transport, log, s.clock(), s.timeout() == null ? null : start.plus(s.timeout()));
    FileReader reader = new FileReader(session, s.maxResponse(), s.extendedLength(), s.listener());

    byte[] cardAccess = null;
    Pace.PaceInfo pace = null;
    if (s.preferPace() || key.isCan()) {
      cardAccess = reader.read(0x011C, "EF.CardAccess");
      if (cardAccess != null) {
        try {
          for (Pace.PaceInfo info : Pace.parseCardAccess(cardAccess)) {
            if (info.supported()) {
              pace = info;
              break;
            }
          }
        } catch (Id06Exception e) {
          LOG.debug("EF.CardAccess is malformed; trying BAC");
        }
      }
    }
    String protocol;
    if (pace != null) {
      protocol = "PACE";
      try {
        Pace.authenticate(session, pace, key, s.random());
      } catch (Id06Exception e) {
        if (Errors.isAccessRefused(e) || key.isCan()) {
          throw e;
        }
        LOG.debug("PACE failed; falling back to BAC");
        protocol = null;
      }
    } else {
      protocol = null;
    }
    Response select = session.send(new Apdu(0x00, 0xA4, 0x04, 0x0C, MRTD_AID, Apdu.NO_LE));
    if (!select.ok()) {
      throw Errors.unsupported("the card has no ICAO eMRTD application");
    }
    if (protocol == null) {
      if (key.isCan()) {
        throw Errors.unsupported("a CAN opens only cards with PACE, and this card offers none");
      }
      Bac.authenticate(session, key, s.random());
      protocol = "BAC";
    }

    byte[] com = reader.read(0x011E, "EF.COM");
    List<Integer> listed = new ArrayList<>();
    if (com != null) {
      listed.addAll(Lds.comDataGroups(com));
    }
    Map<Integer, byte[]> dgs = new LinkedHashMap<>();
    for (int dg : WANTED) {
      if (com != null && !listed.contains(dg)) {
        continue;
      }
      byte[] file = reader.read(Lds.fileId(dg), "DG" + dg);
      if (file != null) {
        if (Tlv.parseWhole(file, "DG" + dg).tag() != Lds.tag(dg)) {
          throw Errors.malformed("DG" + dg, "the file starts with the wrong tag");
        }
        dgs.put(dg, file);
      }
    }
    if (!dgs.containsKey(1)) {
      throw Errors.unsupported("the card has no readable DG1");
    }
    byte[] sod = reader.read(0x011D, "EF.SOD");

    Verdict active =
        ActiveAuthenticator.authenticate(session, dgs.get(15), dgs.get(14), s.random());
    Verdict chip =
        dgs.containsKey(14)
            ? ChipAuthenticator.authenticate(session, reader, dgs.get(14), com, s.random())
            : Verdict.notAvailable("the card has no DG14");
    Verdict passive = PassiveAuthenticator.verify(sod, dgs, s.anchors(), s.crls(), start);
    chip = requireSigned(chip, passive, 14);
    active = requireSigned(active, passive, 15);
    return new Outcome(protocol, cardAccess, com, sod, dgs, passive, chip, active, log, start);
  }

  /**
   * Chip and active authentication prove the chip genuine only when their key is itself signed,
   * that is when passive authentication is proven; otherwise the reason says so (and the proof
   * level, which needs passive authentication, stays low).
   */
  private static Verdict requireSigned(Verdict v, Verdict passive, int dg) {
    if (v.status() == Verdict.Status.PROVEN && passive.status() != Verdict.Status.PROVEN) {
      return Verdict.proven(
          "the chip holds the key of DG" + dg + ", but that key is not proven by a trusted EF.SOD");
    }
    return v;
  }
}
