package vn.id06.cardreader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Passive authentication (ICAO 9303-11 §5.1): each data group's hash, over the bytes as read,
 * against the document security object (EF.SOD); the SOD's CMS signature; and the document signer's
 * certificate chained to a trusted CSCA at a given time, with CRLs when supplied.
 *
 * <p>BouncyCastle is used through a provider instance passed explicitly (Brainpool keys need it
 * since Java 16); no provider is ever registered. Stateless and thread-safe.
 */
final class PassiveAuthenticator {
  /** A private provider instance, never registered with {@code java.security.Security}. */
  static final Provider BC = new BouncyCastleProvider();

  private static final String LDS_SECURITY_OBJECT = "2.23.136.1.1.1";

  private PassiveAuthenticator() {}

  /** What the SOD says: the hash algorithm and the hash of each data group. */
  record SecurityObject(String digestAlgorithm, Map<Integer, byte[]> hashes) {}

  static CMSSignedData cms(byte[] sod) {
    Tlv root = Tlv.parseWhole(sod, "EF.SOD");
    if (root.tag() != 0x77) {
      throw Errors.malformed("EF.SOD", "the file does not start with tag 77");
    }
    try {
      return new CMSSignedData(root.value());
    } catch (CMSException | RuntimeException e) {
      throw Errors.malformed("EF.SOD", "not a CMS signed-data structure");
    }
  }

  static SecurityObject securityObject(CMSSignedData cms) {
    try {
      if (!LDS_SECURITY_OBJECT.equals(cms.getSignedContentTypeOID())
          || cms.getSignedContent() == null) {
        throw Errors.malformed("EF.SOD", "the signed content is not an LDS security object");
      }
      byte[] content = (byte[]) cms.getSignedContent().getContent();
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(content));
      AlgorithmIdentifier alg = AlgorithmIdentifier.getInstance(seq.getObjectAt(1));
      String digest = digestName(alg.getAlgorithm());
      Map<Integer, byte[]> hashes = new TreeMap<>();
      for (ASN1Encodable e : ASN1Sequence.getInstance(seq.getObjectAt(2))) {
        ASN1Sequence dgh = ASN1Sequence.getInstance(e);
        int dg = ASN1Integer.getInstance(dgh.getObjectAt(0)).intValueExact();
        if (dg < 1 || dg > 16 || hashes.containsKey(dg)) {
          throw Errors.malformed("EF.SOD", "a data group number out of range or repeated");
        }
        hashes.put(dg, ASN1OctetString.getInstance(dgh.getObjectAt(1)).getOctets());
      }
      return new SecurityObject(digest, hashes);
    } catch (IOException | RuntimeException e) {
      if (e instanceof vn.id06.core.Id06Exception id06) {
        throw id06;
      }
      throw Errors.malformed("EF.SOD", "the LDS security object is malformed");
    }
  }

  static String digestName(ASN1ObjectIdentifier oid) {
    return switch (oid.getId()) {
      case "1.3.14.3.2.26" -> "SHA-1";
      case "2.16.840.1.101.3.4.2.4" -> "SHA-224";
      case "2.16.840.1.101.3.4.2.1" -> "SHA-256";
      case "2.16.840.1.101.3.4.2.2" -> "SHA-384";
      case "2.16.840.1.101.3.4.2.3" -> "SHA-512";
      default -> throw Errors.malformed("EF.SOD", "an unknown hash algorithm");
    };
  }

  /**
   * Runs passive authentication.
   *
   * @param sod EF.SOD as read, or null when the card has none
   * @param dataGroups data group number to the bytes as read
   * @param anchors trusted CSCA certificates (may be empty)
   * @param crls CRLs to check (may be empty: no CRL is not a failure)
   * @param at the time at which certificates must be valid
   */
  static Verdict verify(
      byte[] sod,
      Map<Integer, byte[]> dataGroups,
      Collection<X509Certificate> anchors,
      Collection<X509CRL> crls,
      Instant at) {
    if (sod == null) {
      return Verdict.failed("the card has no EF.SOD: the data is unsigned");
    }
    CMSSignedData cms;
    SecurityObject so;
    try {
      cms = cms(sod);
      so = securityObject(cms);
    } catch (vn.id06.core.Id06Exception e) {
      return Verdict.failed("EF.SOD is malformed: " + e.getMessage());
    }
    for (Map.Entry<Integer, byte[]> dg : dataGroups.entrySet()) {
      byte[] expected = so.hashes().get(dg.getKey());
      if (expected == null) {
        return Verdict.failed("DG" + dg.getKey() + " is not listed in EF.SOD");
      }
      byte[] actual = Crypto.digest(so.digestAlgorithm(), dg.getValue());
      if (!MessageDigest.isEqual(expected, actual)) {
        return Verdict.failed("DG" + dg.getKey() + " does not match its hash in EF.SOD");
      }
    }
    List<SignerInformation> signers = List.copyOf(cms.getSignerInfos().getSigners());
    if (signers.size() != 1) {
      return Verdict.failed("EF.SOD has " + signers.size() + " signers, not one");
    }
    SignerInformation signer = signers.get(0);
    @SuppressWarnings("unchecked") // BouncyCastle's Store API is raw-typed for selectors
    Collection<X509CertificateHolder> matches =
        cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
    if (matches.isEmpty()) {
      return Verdict.failed("EF.SOD carries no document signer certificate");
    }
    X509Certificate ds;
    try {
      X509CertificateHolder holder = matches.iterator().next();
      ds = toJdk(holder.getEncoded());
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
        return Verdict.failed("the signature of EF.SOD does not verify");
      }
    } catch (CMSException | OperatorCreationException | CertificateException | IOException e) {
      return Verdict.failed("the signature of EF.SOD does not verify");
    } catch (RuntimeException e) {
      return Verdict.failed("the signature of EF.SOD cannot be checked");
    }
    if (anchors.isEmpty()) {
      return Verdict.notAvailable(
          "data hashes and EF.SOD signature verify, but no CSCA trust anchors were supplied");
    }
    String chain = chain(ds, anchors, crls, at);
    if (chain != null) {
      return Verdict.failed("the document signer is not trusted: " + chain);
    }
    return Verdict.proven(
        "data signed by a trusted CSCA: "
            + dataGroups.size()
            + " data groups match EF.SOD ("
            + so.digestAlgorithm()
            + ")");
  }

  static X509Certificate toJdk(byte[] der) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** Validates the chain; returns null when valid, else a reason without personal data. */
  static String chain(
      X509Certificate ds,
      Collection<X509Certificate> anchors,
      Collection<X509CRL> crls,
      Instant at) {
    try {
      Set<TrustAnchor> trust = new HashSet<>();
      for (X509Certificate a : anchors) {
        trust.add(new TrustAnchor(a, null));
      }
      PKIXParameters params = new PKIXParameters(trust);
      params.setDate(Date.from(at));
      params.setRevocationEnabled(!crls.isEmpty());
      if (!crls.isEmpty()) {
        params.addCertStore(
            CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
      }
      params.addCertPathChecker(new IcaoExtensions());
      CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(ds));
      CertPathValidator.getInstance("PKIX", BC).validate(path, params);
      return null;
    } catch (GeneralSecurityException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (m.contains("revoked")) {
        return "the certificate is revoked";
      }
      if (m.contains("expired") || m.contains("not yet valid") || m.contains("validity")) {
        return "a certificate is not valid at the time of the check";
      }
      return "no chain to a trusted CSCA";
    } catch (RuntimeException e) {
      return "the chain cannot be checked";
    }
  }

  /** Accepts the ICAO critical extensions of document signer certificates (document type list). */
  private static final class IcaoExtensions extends PKIXCertPathChecker {
    private static final Set<String> OIDS = Set.of("2.23.136.1.1.6.2", "2.23.136.1.1.6.1");

    @Override
    public void init(boolean forward) {}

    @Override
    public boolean isForwardCheckingSupported() {
      return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
      return OIDS;
    }

    @Override
    public void check(java.security.cert.Certificate cert, Collection<String> unresolved) {
      unresolved.removeAll(OIDS);
    }
  }

  /** Keeps the order of data groups stable for reasons and tests. */
  static Map<Integer, byte[]> ordered(Map<Integer, byte[]> in) {
    return new LinkedHashMap<>(new TreeMap<>(in));
  }
}
