package vn.id06.cardreader;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import vn.id06.core.Id06Exception;
import vn.id06.core.VerificationException;

/**
 * Active authentication with the key of DG15 (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE with a
 * fresh 8-byte challenge, and the answer really verified: RSA with ISO/IEC 9796-2 scheme 1 (message
 * recovery; SHA-1, SHA-224/256/384/512 by the trailer), or ECDSA with the hash named in DG14's
 * ActiveAuthenticationInfo. Stateless and thread-safe.
 */
final class ActiveAuthenticator {
  private ActiveAuthenticator() {}

  static Verdict authenticate(CardSession session, byte[] dg15, byte[] dg14, SecureRandom random) {
    if (dg15 == null) {
      return Verdict.notAvailable("the card has no DG15");
    }
    AsymmetricKeyParameter key;
    try {
      Tlv root = Tlv.parseWhole(dg15, "DG15");
      if (root.tag() != 0x6F) {
        return Verdict.failed("DG15 does not start with tag 6F");
      }
      key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(root.value()));
    } catch (IOException | RuntimeException e) {
      return Verdict.failed("the DG15 key cannot be decoded");
    }
    byte[] challenge = new byte[8];
    random.nextBytes(challenge);
    Response r;
    try {
      r = session.send(new Apdu(0x00, 0x88, 0, 0, challenge, 256));
    } catch (VerificationException e) {
      return Verdict.failed("the answer to INTERNAL AUTHENTICATE breaks secure messaging");
    }
    if (!r.ok() || r.length() == 0) {
      return Verdict.failed(
          "the chip refused active authentication (" + String.format("%04X", r.sw) + ")");
    }
    byte[] sig = r.data();
    boolean ok;
    if (key instanceof RSAKeyParameters rsa) {
      ok = verifyRsa(rsa, challenge, sig);
    } else if (key instanceof ECPublicKeyParameters ec) {
      String hash = "SHA-256";
      if (dg14 != null) {
        try {
          String alg = SecurityInfos.parseDg14(dg14).aaSignatureAlgorithm;
          if (alg != null) {
            hash = ecdsaHash(alg);
          }
        } catch (Id06Exception e) {
          return Verdict.failed("DG14's active authentication info is malformed");
        }
      }
      ok = hash != null && verifyEcdsa(ec, hash, challenge, sig);
    } else {
      return Verdict.notAvailable("a DG15 key type this reader does not verify");
    }
    return ok
        ? Verdict.proven("chip genuine: it signed a fresh challenge with the key of DG15")
        : Verdict.failed("the chip's active authentication signature does not verify");
  }

  static String ecdsaHash(String oid) {
    return switch (oid) {
      case "1.2.840.10045.4.1" -> "SHA-1";
      case "1.2.840.10045.4.3.1" -> "SHA-224";
      case "1.2.840.10045.4.3.2" -> "SHA-256";
      case "1.2.840.10045.4.3.3" -> "SHA-384";
      case "1.2.840.10045.4.3.4" -> "SHA-512";
      default -> null;
    };
  }

  static boolean verifyEcdsa(ECPublicKeyParameters key, String hash, byte[] message, byte[] sig) {
    if (sig.length % 2 != 0 || sig.length == 0) {
      return false;
    }
    int half = sig.length / 2;
    BigInteger r = new BigInteger(1, Crypto.slice(sig, 0, half));
    BigInteger s = new BigInteger(1, Crypto.slice(sig, half, sig.length));
    ECDSASigner v = new ECDSASigner();
    v.init(false, key);
    return v.verifySignature(Crypto.digest(hash, message), r, s);
  }

  /** ISO/IEC 9796-2 digital signature scheme 1, partial message recovery, M2 = the challenge. */
  static boolean verifyRsa(RSAKeyParameters key, byte[] m2, byte[] sig) {
    BigInteger n = key.getModulus();
    BigInteger s = new BigInteger(1, sig);
    if (s.signum() <= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    int k = (n.bitLength() + 7) / 8;
    byte[] f = Pace.unsigned(s.modPow(key.getExponent(), n), k);
    int last = f[k - 1] & 0xFF;
    String hash;
    int trailer;
    if (last == 0xBC) {
      hash = "SHA-1";
      trailer = 1;
    } else if (last == 0xCC) {
      trailer = 2;
      hash =
          switch (f[k - 2] & 0xFF) {
            case 0x33 -> "SHA-1";
            case 0x38 -> "SHA-224";
            case 0x34 -> "SHA-256";
            case 0x36 -> "SHA-384";
            case 0x35 -> "SHA-512";
            default -> null;
          };
      if (hash == null) {
        return false;
      }
    } else {
      return false;
    }
    int hLen = Crypto.digest(hash).length;
    if ((f[0] & 0xFF) != 0x6A || k < 1 + hLen + trailer) {
      return false;
    }
    byte[] m1 = Crypto.slice(f, 1, k - hLen - trailer);
    byte[] h = Crypto.slice(f, k - hLen - trailer, k - trailer);
    return MessageDigest.isEqual(h, Crypto.digest(hash, m1, m2));
  }
}
