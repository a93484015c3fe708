package vn.id06.benchmarks;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.id06.cardreader.AccessKey;
import vn.id06.cardreader.ChipCardReader;
import vn.id06.cardreader.ChipReadResult;
import vn.id06.cardreader.Proof;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.testkit.card.SyntheticCitizen;
import vn.id06.testkit.card.VirtualCard;

/**
 * Passive authentication alone, on files read once from the virtual card (DG1, DG2 with an 18-19 KB
 * face, DG13, DG14, DG15 and EF.SOD, ECDSA-signed under a test CSCA): id06's {@code
 * ChipCardReader.verifyPassive} against what a JMRTD user writes by hand, since JMRTD leaves it to
 * the caller (hashes compared, the CMS signature checked with BouncyCastle, the chain validated by
 * the JDK's PKIX validator, no CRL). {@link #main} prints the CPU time per call from {@code
 * ThreadMXBean}, the figure the project's target (under 10 ms) is about.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PassiveAuthenticationBenchmark {
  private ChipCardReader reader;
  private X509Certificate csca;
  private byte[] sod;
  private Map<Integer, byte[]> dataGroups;

  /**
   * Reads the card once and checks that both ways prove it.
   *
   * @throws Exception from the by-hand checks
   */
  @Setup
  public void read() throws Exception {
    VirtualCard card = VirtualCard.builder().seed(7).build();
    csca = card.cscaCertificate();
    reader = ChipCardReader.builder().terminal(card.terminal()).trustAnchors(List.of(csca)).build();
    SyntheticCitizen c = card.citizen();
    ChipReadResult r =
        reader.read(AccessKey.ofCitizenId(c.citizenId(), c.dateOfBirth(), c.dateOfExpiry()));
    sod = r.sod().orElseThrow();
    dataGroups = new LinkedHashMap<>();
    for (int dg : new int[] {1, 2, 13, 14, 15}) {
      dataGroups.put(dg, r.dataGroup(dg).orElseThrow());
    }
    if (id06().outcome() != ProofOutcome.PROVEN || !byHand()) {
      throw new IllegalStateException("passive authentication does not prove the genuine card");
    }
  }

  /**
   * id06's passive authentication.
   *
   * @return the proof
   */
  @Benchmark
  public Proof id06() {
    return reader.verifyPassive(sod, dataGroups);
  }

  /**
   * The same checks written by hand with BouncyCastle and the JDK.
   *
   * @return whether everything verified
   * @throws Exception from the libraries
   */
  @Benchmark
  public boolean byHand() throws Exception {
    CMSSignedData cms;
    try (ASN1InputStream in = new ASN1InputStream(sod)) {
      // EF.SOD is tag 77 around the CMS ContentInfo.
      byte[] content =
          ((org.bouncycastle.asn1.ASN1TaggedObject) in.readObject())
              .getBaseObject()
              .toASN1Primitive()
              .getEncoded();
      cms = new CMSSignedData(content);
    }
    byte[] econtent = (byte[]) cms.getSignedContent().getContent();
    ASN1Sequence lds = ASN1Sequence.getInstance(econtent);
    ASN1Sequence hashes = ASN1Sequence.getInstance(lds.getObjectAt(2));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < hashes.size(); i++) {
      ASN1Sequence h = ASN1Sequence.getInstance(hashes.getObjectAt(i));
      int dg = ASN1Integer.getInstance(h.getObjectAt(0)).intValueExact();
      byte[] expected = ASN1OctetString.getInstance(h.getObjectAt(1)).getOctets();
      byte[] file = dataGroups.get(dg);
      if (file != null && !MessageDigest.isEqual(expected, sha.digest(file))) {
        return false;
      }
    }
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked") // BouncyCastle's Store API is raw-typed for selectors
    X509CertificateHolder holder =
        cms.getCertificates()
            .getMatches((Selector<X509CertificateHolder>) signer.getSID())
            .iterator()
            .next();
    if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
      return false;
    }
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    X509Certificate ds =
        (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(csca, null)));
    p.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(List.of(ds)), p);
    return true;
  }

  /**
   * Prints the CPU time per call of both, measured with {@code ThreadMXBean} after a warm-up.
   *
   * @param args ignored
   * @throws Exception from the by-hand checks
   */
  public static void main(String[] args) throws Exception {
    PassiveAuthenticationBenchmark b = new PassiveAuthenticationBenchmark();
    b.read();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int warm = 2_000;
    int runs = 2_000;
    for (int i = 0; i < warm; i++) {
      b.id06();
      b.byHand();
    }
    long t0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      b.id06();
    }
    long t1 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      b.byHand();
    }
    long t2 = mx.getCurrentThreadCpuTime();
    System.out.printf(
        "passive authentication, CPU time per call: id06 %.3f ms, by hand %.3f ms (%d calls)%n",
        (t1 - t0) / 1e6 / runs, (t2 - t1) / 1e6 / runs, runs);
  }
}
