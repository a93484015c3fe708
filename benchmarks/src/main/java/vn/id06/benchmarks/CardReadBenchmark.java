package vn.id06.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.TerminalCardService;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;

/**
 * Reading the chip card: id06's reader against JMRTD 0.7.42, the Java reference, on the same
 * virtual card over BAC, with a simulated link delay on every APDU (a contact reader answers an
 * APDU in milliseconds; 20 ms is a slow one). JMRTD reads DG1, DG2 (an 18-19 KB face), DG13 and
 * EF.SOD in its fixed blocks and proves nothing; id06 reads the same files plus EF.COM, DG14 and
 * DG15 and also makes passive, chip and active authentication, in extended-length blocks when the
 * card allows.
 *
 * <p>Run: see docs/PERFORMANCE.md. The APDU counts are exact (AuxCounters); the times are wall
 * time, dominated by the delay times the APDU count.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class CardReadBenchmark {
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final short[] JMRTD_FILES = {
    PassportService.EF_DG1, PassportService.EF_DG2, PassportService.EF_DG13, PassportService.EF_SOD
  };
  private static final short[] ALL_FILES = {
    PassportService.EF_COM,
    PassportService.EF_DG1,
    PassportService.EF_DG2,
    PassportService.EF_DG13,
    PassportService.EF_DG14,
    PassportService.EF_DG15,
    PassportService.EF_SOD
  };

  /** Simulated per-APDU delay, in milliseconds. */
  @Param({"20"})
  public int apduDelayMillis;

  /** Whether the card accepts extended-length APDUs. */
  @Param({"true", "false"})
  public boolean extendedLength;

  private VirtualCard card;

  /** The APDU count of one read, reported beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Apdus {
    /** APDUs sent in the measured read. */
    public long apdus;

    /** Clears the count before each read. */
    @Setup(Level.Invocation)
    public void clear() {
      apdus = 0;
    }
  }

  /** A fresh card per read (PACE off: both readers use BAC). */
  @Setup(Level.Invocation)
  public void newCard() {
    Duration delay = Duration.ofMillis(apduDelayMillis);
    card =
        VirtualCard.builder()
            .seed(7)
            .pace(false)
            .extendedLength(extendedLength)
            .slowAnswers(delay, d -> Thread.sleep(d.toMillis()))
            .build();
  }

  /**
   * id06: access, every file, and the three proofs.
   *
   * @param count the APDU counter
   * @return the result, so the JIT keeps the work
   */
  @Benchmark
  public ChipReadResult id06(Apdus count) {
    SyntheticCitizen c = card.citizen();
    try (ChipCardReader reader =
        ChipCardReader.builder()
            .terminal(card.terminal())
            .trustAnchors(List.of(card.cscaCertificate()))
            .extendedLength(extendedLength)
            .preferPace(false)
            .build()) {
      ChipReadResult r =
          reader.read(AccessKey.ofCitizenId(c.citizenId(), c.dateOfBirth(), c.dateOfExpiry()));
      count.apdus = card.apduCount();
      return r;
    }
  }

  /**
   * JMRTD: BAC, then DG1, DG2, DG13 and EF.SOD, no proof (the files the comparison names).
   *
   * @param count the APDU counter
   * @return the bytes read
   * @throws Exception from JMRTD
   */
  @Benchmark
  public long jmrtd(Apdus count) throws Exception {
    PassportService ps = open();
    long bytes = 0;
    try {
      for (short fid : JMRTD_FILES) {
        bytes += read(ps, fid).length;
      }
    } finally {
      ps.close();
    }
    count.apdus = card.apduCount();
    return bytes;
  }

  /**
   * JMRTD doing id06's work: BAC, EF.COM, DG1, DG2, DG13, DG14, DG15 and EF.SOD, then active
   * authentication with the DG15 key and chip authentication with the DG14 key (JMRTD sends both
   * and leaves checking to the caller, so no check is timed; the APDUs are the same).
   *
   * @param count the APDU counter
   * @return the bytes read
   * @throws Exception from JMRTD
   */
  @Benchmark
  @SuppressWarnings("deprecation") // DG14File's typed getters are deprecated in 0.7.42, unreplaced
  public long jmrtdSameWork(Apdus count) throws Exception {
    PassportService ps = open();
    long bytes = 0;
    try {
      byte[] dg14 = null;
      byte[] dg15 = null;
      for (short fid : ALL_FILES) {
        byte[] f = read(ps, fid);
        bytes += f.length;
        if (fid == PassportService.EF_DG14) {
          dg14 = f;
        } else if (fid == PassportService.EF_DG15) {
          dg15 = f;
        }
      }
      PublicKey aaKey = new DG15File(new ByteArrayInputStream(dg15)).getPublicKey();
      bytes += ps.doAA(aaKey, "SHA-256", "SHA256withECDSA", new byte[8]).getResponse().length;
      DG14File caFile = new DG14File(new ByteArrayInputStream(dg14));
      ChipAuthenticationInfo info = caFile.getChipAuthenticationInfos().get(0);
      ChipAuthenticationPublicKeyInfo pk = caFile.getChipAuthenticationPublicKeyInfos().get(0);
      ps.doEACCA(
          pk.getKeyId(),
          info.getObjectIdentifier(),
          pk.getObjectIdentifier(),
          pk.getSubjectPublicKey());
    } finally {
      ps.close();
    }
    count.apdus = card.apduCount();
    return bytes;
  }

  private PassportService open() throws CardServiceException {
    SyntheticCitizen c = card.citizen();
    PassportService ps =
        new PassportService(
            new TerminalCardService(card.terminal()),
            PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
            PassportService.DEFAULT_MAX_BLOCKSIZE,
            false,
            true);
    ps.open();
    ps.sendSelectApplet(false);
    ps.doBAC(
        new BACKey(
            c.documentNumber(), YYMMDD.format(c.dateOfBirth()), YYMMDD.format(c.dateOfExpiry())));
    return ps;
  }

  @SuppressWarnings("deprecation") // JMRTD 0.7.42's getInputStream(short) has no usable successor
  private static byte[] read(PassportService ps, short fid)
      throws CardServiceException, IOException {
    try (InputStream in = ps.getInputStream(fid)) {
      return in.readAllBytes();
    }
  }
}
