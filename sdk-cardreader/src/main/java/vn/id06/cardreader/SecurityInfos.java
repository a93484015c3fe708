package vn.id06.cardreader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The security infos of DG14 that the reader uses: chip authentication infos and public keys, and
 * the active authentication info. Immutable; thread-safe.
 */
final class SecurityInfos {
  static final String CA_PREFIX = "0.4.0.127.0.7.2.2.3.";
  static final String PK_DH = "0.4.0.127.0.7.2.2.1.1";
  static final String PK_ECDH = "0.4.0.127.0.7.2.2.1.2";
  static final String AA_INFO = "2.23.136.1.1.5";

  record ChipAuthInfo(String oid, int version, Integer keyId) {}

  record ChipAuthKey(String oid, SubjectPublicKeyInfo key, Integer keyId) {}

  final List<ChipAuthInfo> caInfos = new ArrayList<>();
  final List<ChipAuthKey> caKeys = new ArrayList<>();
  String aaSignatureAlgorithm;

  private SecurityInfos() {}

  static SecurityInfos parseDg14(byte[] dg14) {
    Tlv root = Tlv.parseWhole(dg14, "DG14");
    if (root.tag() != 0x6E) {
      throw Errors.malformed("DG14", "the file does not start with tag 6E");
    }
    SecurityInfos out = new SecurityInfos();
    try {
      ASN1Set set = ASN1Set.getInstance(ASN1Primitive.fromByteArray(root.value()));
      for (ASN1Encodable e : set) {
        if (!(e instanceof ASN1Sequence seq) || seq.size() < 2) {
          continue;
        }
        if (!(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oidObj)) {
          continue;
        }
        String oid = oidObj.getId();
        if (oid.startsWith(CA_PREFIX)) {
          int version = ASN1Integer.getInstance(seq.getObjectAt(1)).intValueExact();
          Integer keyId =
              seq.size() > 2 ? ASN1Integer.getInstance(seq.getObjectAt(2)).intValueExact() : null;
          out.caInfos.add(new ChipAuthInfo(oid, version, keyId));
        } else if (oid.equals(PK_DH) || oid.equals(PK_ECDH)) {
          SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(seq.getObjectAt(1));
          Integer keyId =
              seq.size() > 2 ? ASN1Integer.getInstance(seq.getObjectAt(2)).intValueExact() : null;
          out.caKeys.add(new ChipAuthKey(oid, spki, keyId));
        } else if (oid.equals(AA_INFO) && seq.size() > 2) {
          out.aaSignatureAlgorithm = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(2)).getId();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw Errors.malformed("DG14", "the security infos are malformed");
    }
    return out;
  }
}
