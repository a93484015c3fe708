package vn.id06.cardreader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Loads CSCA trust anchors and CRLs: PEM or DER certificates, CRLs, and ICAO master lists (CMS
 * signed data whose content is a set of CSCA certificates), from a file or every file of a
 * directory. Stateless and thread-safe.
 */
final class TrustMaterial {
  private static final long MAX_FILE = 16L * 1024 * 1024;

  record Loaded(List<X509Certificate> anchors, List<X509CRL> crls) {}

  private TrustMaterial() {}

  static Loaded load(Path path) {
    List<X509Certificate> anchors = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> s = Files.list(path)) {
          s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw Errors.malformed("trustAnchors", "no such file or directory");
      }
      for (Path f : files) {
        if (Files.size(f) > MAX_FILE) {
          throw Errors.malformed("trustAnchors", "a file larger than 16 MiB");
        }
        loadBytes(Files.readAllBytes(f), anchors, crls);
      }
    } catch (IOException e) {
      throw Errors.malformed("trustAnchors", "a file cannot be read");
    }
    return new Loaded(List.copyOf(anchors), List.copyOf(crls));
  }

  static void loadBytes(byte[] bytes, List<X509Certificate> anchors, List<X509CRL> crls) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      try {
        for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
          anchors.add((X509Certificate) c);
        }
        if (!anchors.isEmpty()) {
          return;
        }
      } catch (CertificateException e) {
        // not a certificate: try a CRL, then a master list
      }
      try {
        cf.generateCRLs(new ByteArrayInputStream(bytes)).forEach(c -> crls.add((X509CRL) c));
        if (!crls.isEmpty()) {
          return;
        }
      } catch (CRLException e) {
        // not a CRL
      }
      anchors.addAll(masterList(bytes));
    } catch (CertificateException e) {
      throw Errors.malformed(
          "trustAnchors", "a file is neither a certificate, a CRL nor a master list");
    }
  }

  /** The CSCA certificates of an ICAO master list (its own signature is not what is trusted). */
  static List<X509Certificate> masterList(byte[] bytes) throws CertificateException {
    try {
      CMSSignedData cms = new CMSSignedData(bytes);
      byte[] content = (byte[]) cms.getSignedContent().getContent();
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(content));
      List<X509Certificate> out = new ArrayList<>();
      for (ASN1Encodable e : ASN1Set.getInstance(seq.getObjectAt(1))) {
        out.add(PassiveAuthenticator.toJdk(e.toASN1Primitive().getEncoded()));
      }
      return out;
    } catch (CMSException | IOException | RuntimeException e) {
      throw new CertificateException("not a master list", e);
    }
  }
}
