package vn.id06.testkit.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds the files of the eMRTD application (ICAO Doc 9303 Part 10) for a synthetic citizen:
 * EF.COM, DG1, DG2, DG3 (present, but behind terminal authentication), DG13, DG14, DG15, EF.SOD,
 * and EF.CardAccess in the master file. Stateless.
 */
final class LdsFiles {
  static final int EF_CARD_ACCESS = 0x011C;
  static final int EF_COM = 0x011E;
  static final int EF_SOD = 0x011D;

  static final String OID_PACE_ECDH_GM_AES_128 = "0.4.0.127.0.7.2.2.4.2.2";
  static final String OID_CA_ECDH_AES_128 = "0.4.0.127.0.7.2.2.3.2.2";
  static final String OID_CA_ECDH_3DES = "0.4.0.127.0.7.2.2.3.2.1";
  static final String OID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2";
  static final String OID_AA = "2.23.136.1.1.5";
  static final String OID_ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3";
  static final String OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1";
  static final int PACE_PARAM_BRAINPOOL_P256R1 = 13;

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private LdsFiles() {}

  static int fidOfDataGroup(int dg) {
    return 0x0100 + dg;
  }

  static int tagOfDataGroup(int dg) {
    return switch (dg) {
      case 1 -> 0x61;
      case 2 -> 0x75;
      case 3 -> 0x63;
      case 13 -> 0x6D;
      case 14 -> 0x6E;
      case 15 -> 0x6F;
      default -> throw new IllegalArgumentException("data group " + dg + " not on this card");
    };
  }

  static byte[] com() {
    return Tlv.of(
        0x60,
        Tlv.of(0x5F01, "0107".getBytes(StandardCharsets.US_ASCII)),
        Tlv.of(0x5F36, "040000".getBytes(StandardCharsets.US_ASCII)),
        Tlv.of(0x5C, new byte[] {0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F}));
  }

  static byte[] dg1(SyntheticCitizen c) {
    String mrz = Mrz.td1(c.citizenId(), c.dateOfBirth(), c.sex(), c.dateOfExpiry(), c.fullName());
    return Tlv.of(0x61, Tlv.of(0x5F1F, mrz.getBytes(StandardCharsets.US_ASCII)));
  }

  /** DG2: one ICAO biometric template holding an ISO/IEC 19794-5 facial record with a JPEG. */
  static byte[] dg2(byte[] jpeg) {
    byte[] imageInfo = {
      0x01, // face image type: full frontal
      0x00, // image data type: JPEG
      (byte) (FaceJpeg.WIDTH >> 8),
      (byte) FaceJpeg.WIDTH,
      (byte) (FaceJpeg.HEIGHT >> 8),
      (byte) FaceJpeg.HEIGHT,
      0x01, // colour space: 24-bit RGB
      0x02, // source type: digital still camera
      0x00,
      0x00, // device type
      0x00,
      0x00 // quality
    };
    int blockLength = 20 + imageInfo.length + jpeg.length;
    byte[] faceHeader = {
      (byte) (blockLength >> 24),
      (byte) (blockLength >> 16),
      (byte) (blockLength >> 8),
      (byte) blockLength,
      0x00,
      0x00, // feature points
      0x02, // gender: female (unspecified is fine for readers; the synthetic holders are women)
      0x00, // eye colour unspecified
      0x00, // hair colour unspecified
      0x00,
      0x00,
      0x00, // property mask
      0x00,
      0x00, // expression
      0x00,
      0x00,
      0x00, // pose angle
      0x00,
      0x00,
      0x00 // pose angle uncertainty
    };
    int recordLength = 14 + blockLength;
    byte[] general = {
      'F',
      'A',
      'C',
      0,
      '0',
      '1',
      '0',
      0,
      (byte) (recordLength >> 24),
      (byte) (recordLength >> 16),
      (byte) (recordLength >> 8),
      (byte) recordLength,
      0x00,
      0x01
    };
    byte[] bdb = Hex.concat(general, faceHeader, imageInfo, jpeg);
    byte[] header =
        Tlv.of(
            0xA1,
            Tlv.of(0x80, new byte[] {0x01, 0x01}),
            Tlv.of(0x81, new byte[] {0x02}),
            Tlv.of(0x87, new byte[] {0x01, 0x01}),
            Tlv.of(0x88, new byte[] {0x00, 0x08}));
    byte[] template = Tlv.of(0x7F60, header, Tlv.of(0x5F2E, bdb));
    return Tlv.of(0x75, Tlv.of(0x7F61, Tlv.of(0x02, new byte[] {0x01}), template));
  }

  /** DG3 is present, as on the card, but its content is never released without EAC. */
  static byte[] dg3() {
    return Tlv.of(0x63, Tlv.of(0x7F61, Tlv.of(0x02, new byte[] {0x00})));
  }

  private static byte[] field(int number, byte[] value) {
    return Tlv.of(0x30, Tlv.of(0x02, new byte[] {(byte) number}), value);
  }

  private static byte[] utf8(String s) {
    return Tlv.of(0x0C, s.getBytes(StandardCharsets.UTF_8));
  }

  static String dmy(LocalDate d) {
    return DMY.format(d);
  }

  /** DG13, the Vietnamese personal-data group: fields by number, UTF8String values. */
  static byte[] dg13(SyntheticCitizen c) {
    Tlv.Writer fields = new Tlv.Writer();
    fields.add(field(1, utf8(c.citizenId())));
    fields.add(field(2, utf8(c.fullName())));
    fields.add(field(3, utf8(dmy(c.dateOfBirth()))));
    fields.add(field(4, utf8(c.sex().vietnamese())));
    fields.add(field(5, utf8(c.nationality())));
    fields.add(field(6, utf8(c.ethnicity())));
    fields.add(field(7, utf8(c.religion())));
    fields.add(field(8, utf8(c.placeOfOrigin())));
    fields.add(field(9, utf8(c.placeOfResidence())));
    fields.add(field(10, utf8(c.identifyingMarks())));
    fields.add(field(11, utf8(dmy(c.issueDate()))));
    fields.add(field(12, utf8(dmy(c.dateOfExpiry()))));
    fields.add(field(13, Tlv.of(0x30, utf8(c.fatherName()), utf8(c.motherName()))));
    fields.add(
        field(14, c.spouseName().isEmpty() ? Tlv.of(0x30) : Tlv.of(0x30, utf8(c.spouseName()))));
    if (!c.legacyId().isEmpty()) {
      fields.add(field(15, utf8(c.legacyId())));
    }
    return Tlv.of(
        0x6D,
        Tlv.of(
            0x30,
            Tlv.of(0x02, new byte[] {0x01}),
            Hex.parse("060628D316010008"),
            Tlv.of(0x31, fields.toByteArray())));
  }

  private static byte[] der(ASN1Encodable e) {
    try {
      return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  static byte[] dg14(ChipKeys keys, String caOid) {
    ASN1Encodable caInfo =
        new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(caOid), new ASN1Integer(1)});
    ASN1Encodable pkInfo =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier(OID_PK_ECDH),
              SubjectPublicKeyInfo.getInstance(keys.caSubjectPublicKeyInfo())
            });
    ASN1Encodable aaInfo =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier(OID_AA),
              new ASN1Integer(1),
              new ASN1ObjectIdentifier(OID_ECDSA_PLAIN_SHA256)
            });
    return Tlv.of(0x6E, der(new DERSet(new ASN1Encodable[] {caInfo, pkInfo, aaInfo})));
  }

  static byte[] dg15(ChipKeys keys) {
    return Tlv.of(0x6F, keys.aaKeys.getPublic().getEncoded());
  }

  static byte[] cardAccess() {
    ASN1Encodable paceInfo =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier(OID_PACE_ECDH_GM_AES_128),
              new ASN1Integer(2),
              new ASN1Integer(PACE_PARAM_BRAINPOOL_P256R1)
            });
    return der(new DERSet(paceInfo));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** EF.SOD: CMS SignedData over the LDS security object (the data groups' SHA-256 hashes). */
  static byte[] sod(Map<Integer, byte[]> dataGroups, TestPki signer) {
    DataGroupHash[] hashes = new DataGroupHash[dataGroups.size()];
    int i = 0;
    for (Map.Entry<Integer, byte[]> e : dataGroups.entrySet()) {
      hashes[i++] =
          new DataGroupHash(
              e.getKey(), new org.bouncycastle.asn1.DEROctetString(sha256(e.getValue())));
    }
    LDSSecurityObject so =
        new LDSSecurityObject(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hashes);
    try {
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.dsKeys.getPrivate()),
                  signer.ds));
      gen.addCertificates(new JcaCertStore(java.util.List.of(signer.ds)));
      CMSSignedData signed =
          gen.generate(
              new CMSProcessableByteArray(
                  new ASN1ObjectIdentifier(OID_LDS_SECURITY_OBJECT), der(so)),
              true);
      return Tlv.of(0x77, signed.toASN1Structure().getEncoded(ASN1Encoding.DER));
    } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a file's outer length to {@code claimed}, keeping its value as it is. */
  static byte[] withLyingLength(byte[] file, long claimed) {
    int tagLen = (file[0] & 0x1F) == 0x1F ? 2 : 1;
    int l = file[tagLen] & 0xFF;
    int lenLen = l < 0x80 ? 1 : 1 + (l & 0x7F);
    byte[] lie =
        claimed <= 0xFFFFFF
            ? Tlv.length((int) claimed)
            : new byte[] {
              (byte) 0x84,
              (byte) (claimed >> 24),
              (byte) (claimed >> 16),
              (byte) (claimed >> 8),
              (byte) claimed
            };
    return Hex.concat(
        Hex.slice(file, 0, tagLen), lie, Hex.slice(file, tagLen + lenLen, file.length));
  }

  static Map<Integer, byte[]> dataGroupsInOrder() {
    return new LinkedHashMap<>();
  }
}
