package vn.id06.testkit.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.TerminalCardService;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.junit.jupiter.api.Test;

/**
 * JMRTD, an independent reader, reads the virtual card through its in-process {@code
 * javax.smartcardio} terminal over BAC and PACE and gets the card's exact bytes; JMRTD's own LDS
 * classes parse the files.
 */
// JMRTD 0.7.42 marks getInputStream(short) and DG14File's typed accessors deprecated without a
// replacement that a reader of this version can use.
@SuppressWarnings("deprecation")
class JmrtdInteropTest {
  private static final short[] FILES = {
    PassportService.EF_COM,
    PassportService.EF_SOD,
    PassportService.EF_DG1,
    PassportService.EF_DG2,
    PassportService.EF_DG13,
    PassportService.EF_DG14,
    PassportService.EF_DG15
  };

  private static final VirtualCard CARD = VirtualCard.builder().build();

  static PassportService open(VirtualCard card) throws CardServiceException {
    PassportService ps =
        new PassportService(
            new TerminalCardService(card.terminal()),
            PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
            PassportService.DEFAULT_MAX_BLOCKSIZE,
            false,
            true);
    ps.open();
    return ps;
  }

  static BACKey bacKey(SyntheticCitizen c) {
    return new BACKey(
        c.documentNumber(),
        Mrz.YYMMDD.format(c.dateOfBirth()),
        Mrz.YYMMDD.format(c.dateOfExpiry()));
  }

  static byte[] read(PassportService ps, short fid) throws CardServiceException, IOException {
    try (InputStream in = ps.getInputStream(fid)) {
      return in.readAllBytes();
    }
  }

  static PassportService bac(VirtualCard card) throws Exception {
    PassportService ps = open(card);
    ps.sendSelectApplet(false);
    ps.doBAC(bacKey(card.citizen()));
    return ps;
  }

  static PassportService pace(VirtualCard card, PACEKeySpec key) throws Exception {
    PassportService ps = open(card);
    CardAccessFile access =
        new CardAccessFile(new ByteArrayInputStream(read(ps, PassportService.EF_CARD_ACCESS)));
    PACEInfo info = null;
    for (SecurityInfo si : access.getSecurityInfos()) {
      if (si instanceof PACEInfo p) {
        info = p;
      }
    }
    assertThat(info).isNotNull();
    ps.doPACE(
        key, info.getObjectIdentifier(), PACEInfo.toParameterSpec(info.getParameterId()), null);
    ps.sendSelectApplet(true);
    return ps;
  }

  @Test
  void bacReadsEveryFileByteForByte() throws Exception {
    PassportService ps = bac(CARD);
    for (short fid : FILES) {
      assertThat(read(ps, fid)).as("file %04X", fid).isEqualTo(CARD.file(fid));
    }
    ps.close();
  }

  @Test
  void paceWithTheMrzReadsEveryFile() throws Exception {
    PassportService ps = pace(CARD, PACEKeySpec.createMRZKey(bacKey(CARD.citizen())));
    for (short fid : FILES) {
      assertThat(read(ps, fid)).as("file %04X", fid).isEqualTo(CARD.file(fid));
    }
    ps.close();
  }

  @Test
  void paceWithTheCanReadsDg13() throws Exception {
    VirtualCard card = VirtualCard.builder().citizen(SyntheticCitizen.ksorHBo()).build();
    PassportService ps = pace(card, PACEKeySpec.createCANKey(card.citizen().can()));
    byte[] dg13 = read(ps, PassportService.EF_DG13);
    assertThat(dg13).isEqualTo(card.file(0x010D));
    assertThat(new String(dg13, StandardCharsets.UTF_8)).contains("Ksor H'Bơ").contains("Chư Păh");
  }

  @Test
  void wrongAccessDataIsRefused() throws Exception {
    PassportService ps = open(CARD);
    ps.sendSelectApplet(false);
    assertThatThrownBy(() -> ps.doBAC(new BACKey("190012345", "900314", "300315")))
        .isInstanceOf(CardServiceException.class);
    PassportService ps2 = open(CARD);
    assertThatThrownBy(() -> pace(CARD, PACEKeySpec.createCANKey("999999")))
        .isInstanceOf(CardServiceException.class);
    ps2.close();
  }

  @Test
  void jmrtdParsesTheLdsFiles() throws Exception {
    SyntheticCitizen c = CARD.citizen();
    COMFile com = new COMFile(new ByteArrayInputStream(CARD.file(0x011E)));
    assertThat(com.getTagList()).containsExactly(0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F);

    MRZInfo mrz = new DG1File(new ByteArrayInputStream(CARD.file(0x0101))).getMRZInfo();
    assertThat(mrz.getDocumentCode()).isEqualTo("ID");
    assertThat(mrz.getIssuingState()).isEqualTo("VNM");
    assertThat(mrz.getDocumentNumber()).isEqualTo("190012345");
    assertThat(mrz.getOptionalData1()).startsWith(c.citizenId());
    assertThat(mrz.getDateOfBirth()).isEqualTo("900314");
    assertThat(mrz.getDateOfExpiry()).isEqualTo("300314");
    assertThat(mrz.getPrimaryIdentifier()).isEqualTo("NGUYEN");

    DG2File dg2 = new DG2File(new ByteArrayInputStream(CARD.file(0x0102)));
    FaceImageInfo face = dg2.getFaceInfos().get(0).getFaceImageInfos().get(0);
    assertThat(face.getMimeType()).isEqualTo("image/jpeg");
    assertThat(face.getImageLength()).isBetween(15 * 1024, 20 * 1024);
    byte[] jpeg = face.getImageInputStream().readAllBytes();
    assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth())
        .isEqualTo(240);

    DG14File dg14 = new DG14File(new ByteArrayInputStream(CARD.file(0x010E)));
    assertThat(dg14.getChipAuthenticationInfos()).hasSize(1);
    assertThat(dg14.getChipAuthenticationPublicKeyInfos()).hasSize(1);
    assertThat(dg14.getActiveAuthenticationInfos().get(0).getSignatureAlgorithmOID())
        .isEqualTo("0.4.0.127.0.7.1.1.4.1.3");
    assertThat(
            new DG15File(new ByteArrayInputStream(CARD.file(0x010F))).getPublicKey().getAlgorithm())
        .isEqualTo("EC");

    SODFile sod = new SODFile(new ByteArrayInputStream(CARD.file(0x011D)));
    assertThat(sod.getDigestAlgorithm()).isEqualTo("SHA-256");
    Map<Integer, byte[]> hashes = sod.getDataGroupHashes();
    assertThat(hashes.keySet()).containsExactlyInAnyOrder(1, 2, 3, 13, 14, 15);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int dg : new int[] {1, 2, 13, 14, 15}) {
      assertThat(sha.digest(CARD.file(0x0100 + dg))).as("DG%d hash", dg).isEqualTo(hashes.get(dg));
    }
    X509Certificate ds = sod.getDocSigningCertificate();
    ds.verify(CARD.cscaCertificate().getPublicKey());
    assertThat(signatureVerifies(CARD.file(0x011D))).isTrue();
  }

  /** Checks the SOD's CMS signature with BouncyCastle's CMS classes (not the card's code). */
  static boolean signatureVerifies(byte[] sodFile) throws Exception {
    X509Certificate ds = new SODFile(new ByteArrayInputStream(sodFile)).getDocSigningCertificate();
    int header = sodFile[1] == (byte) 0x82 ? 4 : 3;
    CMSSignedData signed =
        new CMSSignedData(java.util.Arrays.copyOfRange(sodFile, header, sodFile.length));
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(ds));
  }

  @Test
  void chipAuthenticationWithAesGivesWorkingSessionKeys() throws Exception {
    chipAuthentication(CARD, true);
  }

  @Test
  void chipAuthenticationWith3DesOverBac() throws Exception {
    chipAuthentication(VirtualCard.builder().chipAuthentication3Des(true).build(), true);
  }

  @Test
  void clonedChipFailsChipAuthentication() throws Exception {
    chipAuthentication(VirtualCard.builder().clonedChip().build(), false);
  }

  private static void chipAuthentication(VirtualCard card, boolean genuine) throws Exception {
    PassportService ps = bac(card);
    DG14File dg14 = new DG14File(new ByteArrayInputStream(read(ps, PassportService.EF_DG14)));
    ChipAuthenticationInfo info = dg14.getChipAuthenticationInfos().get(0);
    ChipAuthenticationPublicKeyInfo pk = dg14.getChipAuthenticationPublicKeyInfos().get(0);
    ps.doEACCA(
        pk.getKeyId(),
        info.getObjectIdentifier(),
        pk.getObjectIdentifier(),
        pk.getSubjectPublicKey());
    if (genuine) {
      assertThat(read(ps, PassportService.EF_DG1)).isEqualTo(card.file(0x0101));
    } else {
      assertThatThrownBy(() -> read(ps, PassportService.EF_DG1)).isInstanceOf(Exception.class);
    }
  }

  @Test
  void activeAuthenticationSignatureVerifiesWithTheDg15Key() throws Exception {
    assertThat(activeAuthentication(CARD)).isTrue();
  }

  @Test
  void clonedChipFailsActiveAuthentication() throws Exception {
    assertThat(activeAuthentication(VirtualCard.builder().clonedChip().build())).isFalse();
  }

  private static boolean activeAuthentication(VirtualCard card) throws Exception {
    PassportService ps = bac(card);
    PublicKey key =
        new DG15File(new ByteArrayInputStream(read(ps, PassportService.EF_DG15))).getPublicKey();
    byte[] challenge = {1, 2, 3, 4, 5, 6, 7, 8};
    byte[] answer = ps.doAA(key, "SHA-256", "SHA256withECDSA", challenge).getResponse();
    Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
    verify.initVerify(key);
    verify.update(challenge);
    return verify.verify(answer);
  }

  @Test
  void tamperedDataGroupNoLongerMatchesItsSodHash() throws Exception {
    VirtualCard card = VirtualCard.builder().tamperedDataGroup(13).build();
    PassportService ps = bac(card);
    SODFile sod = new SODFile(new ByteArrayInputStream(read(ps, PassportService.EF_SOD)));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertThat(sha.digest(read(ps, PassportService.EF_DG13)))
        .isNotEqualTo(sod.getDataGroupHashes().get(13));
    assertThat(sha.digest(read(ps, PassportService.EF_DG1)))
        .isEqualTo(sod.getDataGroupHashes().get(1));
    assertThat(signatureVerifies(card.file(0x011D))).isTrue();
  }

  @Test
  void untrustedSignerDoesNotChainToTheExportedCsca() throws Exception {
    VirtualCard card = VirtualCard.builder().untrustedSigner().build();
    SODFile sod = new SODFile(new ByteArrayInputStream(card.file(0x011D)));
    X509Certificate ds = sod.getDocSigningCertificate();
    assertThat(signatureVerifies(card.file(0x011D))).isTrue();
    assertThatThrownBy(() -> ds.verify(card.cscaCertificate().getPublicKey()))
        .isInstanceOf(java.security.SignatureException.class);
  }

  @Test
  void lyingLengthClaimsMoreThanTheFileHolds() throws Exception {
    VirtualCard card = VirtualCard.builder().lyingLength(13, 0x7FFFFFFFL).build();
    byte[] dg13 = card.file(0x010D);
    assertThat(Hex.of(java.util.Arrays.copyOf(dg13, 6))).isEqualTo("6D847FFFFFFF");
    PassportService ps = bac(card);
    // JMRTD trusts the length and fails reading past the end of the file.
    assertThatThrownBy(() -> read(ps, PassportService.EF_DG13)).isInstanceOf(Exception.class);
  }

  @Test
  void cardPulledAfterNApdus() throws Exception {
    VirtualCard card = VirtualCard.builder().pulledAfter(5).build();
    PassportService ps = bac(card); // select, get challenge, external authenticate: 3 APDUs
    assertThatThrownBy(
            () -> {
              for (short fid : FILES) {
                read(ps, fid);
              }
            })
        .isInstanceOf(Exception.class);
    assertThat(card.present()).isFalse();
    assertThat(card.terminal().isCardPresent()).isFalse();
    assertThat(card.apduCount()).isEqualTo(5);
  }

  @Test
  void slowAnswersWaitThroughTheInjectedSleeper() throws Exception {
    List<Duration> waits = new ArrayList<>();
    VirtualCard card =
        VirtualCard.builder().slowAnswers(Duration.ofMillis(20), d -> waits.add(d)).build();
    PassportService ps = bac(card);
    read(ps, PassportService.EF_COM);
    assertThat(waits).hasSize(card.apduCount()).containsOnly(Duration.ofMillis(20));
  }
}
