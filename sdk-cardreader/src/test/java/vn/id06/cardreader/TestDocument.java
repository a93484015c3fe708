package vn.id06.cardreader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.scuba.data.Gender;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;

/**
 * A synthetic Vietnamese chip document whose LDS files and SOD are produced by JMRTD's own classes
 * (the independent peer), under a test PKI made with BouncyCastle. All data is made up.
 */
final class TestDocument {
  static final String CITIZEN_ID = "001099012345";
  static final String DOCUMENT_NUMBER = "099012345";
  static final String DOB = "990101";
  static final String DOE = "390101";
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  final KeyPair cscaKeys;
  final X509Certificate csca;
  final KeyPair dsKeys;
  final X509Certificate ds;
  final KeyPair aaKeys;
  final KeyPair caKeys;
  final byte[] com;
  final byte[] dg1;
  final byte[] dg2;
  final byte[] jpeg;
  final byte[] dg13;
  final byte[] dg14;
  final byte[] dg15;
  final byte[] sod;

  TestDocument() throws Exception {
    this(new SecureRandom(new byte[] {1}), false);
  }

  TestDocument(SecureRandom random, boolean tamperDg13AfterSigning) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048, random);
    cscaKeys = rsa.generateKeyPair();
    dsKeys = rsa.generateKeyPair();
    KeyPairGenerator rsa1024 = KeyPairGenerator.getInstance("RSA");
    rsa1024.initialize(1024, random);
    aaKeys = rsa1024.generateKeyPair();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"), random);
    caKeys = ec.generateKeyPair();
    csca =
        cert(
            "CN=Test CSCA,C=VN",
            "CN=Test CSCA,C=VN",
            cscaKeys.getPublic(),
            cscaKeys.getPrivate(),
            true);
    ds =
        cert(
            "CN=Test DS,C=VN",
            "CN=Test CSCA,C=VN",
            dsKeys.getPublic(),
            cscaKeys.getPrivate(),
            false);

    MRZInfo mrz =
        MRZInfo.createTD1MRZInfo(
            "ID",
            "VNM",
            DOCUMENT_NUMBER,
            CITIZEN_ID,
            DOB,
            Gender.MALE,
            DOE,
            "VNM",
            "",
            "NGUYEN",
            "VAN A");
    dg1 = new DG1File(mrz).getEncoded();
    jpeg = syntheticJpeg(16_000);
    FaceImageInfo image =
        new FaceImageInfo(
            Gender.MALE,
            FaceImageInfo.EyeColor.UNSPECIFIED,
            0,
            FaceImageInfo.HAIR_COLOR_UNSPECIFIED,
            FaceImageInfo.EXPRESSION_UNSPECIFIED,
            new int[] {0, 0, 0},
            new int[] {0, 0, 0},
            FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL,
            FaceImageInfo.IMAGE_COLOR_SPACE_RGB24,
            FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM,
            0,
            0,
            new FaceImageInfo.FeaturePoint[0],
            480,
            640,
            new ByteArrayInputStream(jpeg),
            jpeg.length,
            FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
    dg2 = new DG2File(List.of(new FaceInfo(List.of(image)))).getEncoded();
    byte[] dg13Signed = dg13("Nguyễn Văn A");
    dg14 =
        new DG14File(
                List.<SecurityInfo>of(
                    new ChipAuthenticationInfo(ChipAuthenticationInfo.ID_CA_ECDH_3DES_CBC_CBC, 1),
                    new ChipAuthenticationPublicKeyInfo(caKeys.getPublic())))
            .getEncoded();
    dg15 = new DG15File(aaKeys.getPublic()).getEncoded();
    com = new COMFile("1.7", "4.0.0", new int[] {0x61, 0x75, 0x6D, 0x6E, 0x6F}).getEncoded();
    Map<Integer, byte[]> hashes = new TreeMap<>();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    hashes.put(1, sha256.digest(dg1));
    hashes.put(2, sha256.digest(dg2));
    hashes.put(13, sha256.digest(dg13Signed));
    hashes.put(14, sha256.digest(dg14));
    hashes.put(15, sha256.digest(dg15));
    sod = new SODFile("SHA-256", "SHA256withRSA", hashes, dsKeys.getPrivate(), ds).getEncoded();
    dg13 = tamperDg13AfterSigning ? dg13("Nguyễn Văn B") : dg13Signed;
  }

  static X509Certificate cert(
      String subject, String issuer, java.security.PublicKey key, PrivateKey signer, boolean ca)
      throws Exception {
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(subject.hashCode() & 0x7FFFFFFF),
            Date.from(NOW.minus(365, ChronoUnit.DAYS)),
            Date.from(NOW.plus(3650, ChronoUnit.DAYS)),
            new X500Name(subject),
            key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
  }

  /** A JPEG-shaped byte array (SOI, APP0 JFIF, filler, EOI): enough for format detection. */
  static byte[] syntheticJpeg(int size) {
    byte[] b = new byte[size];
    new java.util.Random(7).nextBytes(b);
    byte[] head = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0
    };
    System.arraycopy(head, 0, b, 0, head.length);
    b[size - 2] = (byte) 0xFF;
    b[size - 1] = (byte) 0xD9;
    return b;
  }

  /** DG13 in the layout of the Vietnamese card, built with a test-local DER encoder. */
  static byte[] dg13(String name) {
    ByteArrayOutputStream fields = new ByteArrayOutputStream();
    field(fields, 1, utf8(CITIZEN_ID));
    field(fields, 2, utf8(name));
    field(fields, 3, utf8("01/01/1999"));
    field(fields, 4, utf8("Nam"));
    field(fields, 5, utf8("Việt Nam"));
    field(fields, 6, utf8("Kinh"));
    field(fields, 7, utf8("Không"));
    field(fields, 8, utf8("Xã Ea H'leo, Huyện Ea H'leo, Đắk Lắk"));
    field(fields, 9, utf8("Số 1 Đường Lê Lợi, Phường Bến Nghé, Quận 1, Hồ Chí Minh"));
    field(fields, 10, utf8("Nốt ruồi cách 2cm dưới đuôi mắt trái"));
    field(fields, 11, utf8("01/01/2024"));
    field(fields, 12, utf8("01/01/2039"));
    field(fields, 13, der(0x30, cat(utf8("Nguyễn Văn Cha"), utf8("Trần Thị Mẹ"))));
    field(fields, 14, der(0x30, new byte[0]));
    field(fields, 15, utf8("123456789"));
    field(fields, 42, utf8("future field"));
    byte[] set = der(0x31, fields.toByteArray());
    byte[] header =
        cat(der(0x02, new byte[] {1}), der(0x06, new byte[] {0x28, (byte) 0xD3, 0x16, 1, 0, 8}));
    return der(0x6D, der(0x30, cat(header, set)));
  }

  private static void field(ByteArrayOutputStream out, int n, byte[] value) {
    byte[] f = der(0x30, cat(der(0x02, new byte[] {(byte) n}), value));
    out.write(f, 0, f.length);
  }

  static byte[] utf8(String s) {
    return der(0x0C, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] der(int tag, byte[] v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(tag);
    if (v.length < 128) {
      o.write(v.length);
    } else if (v.length < 256) {
      o.write(0x81);
      o.write(v.length);
    } else {
      o.write(0x82);
      o.write(v.length >> 8);
      o.write(v.length);
    }
    o.write(v, 0, v.length);
    return o.toByteArray();
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.write(p, 0, p.length);
    }
    return o.toByteArray();
  }
}
