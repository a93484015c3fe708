package vn.id06.cardreader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import vn.id06.cardreader.Crypto.Family;

/**
 * Basic Access Control (ICAO 9303-11 §4.3): keys from the MRZ information, mutual authentication
 * with GET CHALLENGE and EXTERNAL AUTHENTICATE, and session keys for 3DES secure messaging.
 * Stateless and thread-safe; the session it runs on is not.
 */
final class Bac {
  private Bac() {}

  /** Kseed = the first 16 bytes of SHA-1(MRZ information). */
  static byte[] keySeed(String mrzInformation) {
    return Crypto.slice(Crypto.sha1(mrzInformation.getBytes(StandardCharsets.US_ASCII)), 0, 16);
  }

  /** Runs BAC on the session and switches it to secure messaging. */
  static void authenticate(CardSession session, AccessKey key, SecureRandom random) {
    byte[] seed = keySeed(key.mrzInformation());
    byte[] kEnc = Crypto.kdf(seed, 1, Family.DES3, 16);
    byte[] kMac = Crypto.kdf(seed, 2, Family.DES3, 16);

    Response challenge = session.sendPlain(new Apdu(0x00, 0x84, 0, 0, new byte[0], 8));
    if (!challenge.ok() || challenge.length() != 8) {
      throw Errors.unexpectedStatus("GET CHALLENGE", challenge.sw);
    }
    byte[] rndIc = challenge.data();
    byte[] rndIfd = new byte[8];
    random.nextBytes(rndIfd);
    byte[] kIfd = new byte[16];
    random.nextBytes(kIfd);

    byte[] s = Crypto.concat(rndIfd, rndIc, kIfd);
    byte[] eIfd = Crypto.cbc(Family.DES3, true, kEnc, new byte[8], s);
    byte[] mIfd = Crypto.mac(Family.DES3, kMac, Crypto.pad(eIfd, 8));
    Response auth = session.sendPlain(new Apdu(0x00, 0x82, 0, 0, Crypto.concat(eIfd, mIfd), 40));
    if (auth.sw == 0x6300
        || auth.sw == 0x6982
        || auth.sw == 0x6985
        || (auth.sw & 0xFFF0) == 0x63C0) {
      throw Errors.accessRefused("the birth date or expiry does not match this card");
    }
    if (!auth.ok() || auth.length() != 40) {
      throw Errors.unexpectedStatus("EXTERNAL AUTHENTICATE", auth.sw);
    }
    byte[] r = auth.data();
    byte[] eIc = Crypto.slice(r, 0, 32);
    byte[] mIc = Crypto.slice(r, 32, 40);
    if (!MessageDigest.isEqual(mIc, Crypto.mac(Family.DES3, kMac, Crypto.pad(eIc, 8)))) {
      throw Errors.secureMessaging("the chip's BAC answer has a wrong MAC");
    }
    byte[] plain = Crypto.cbc(Family.DES3, false, kEnc, new byte[8], eIc);
    if (!MessageDigest.isEqual(Crypto.slice(plain, 0, 8), rndIc)
        || !MessageDigest.isEqual(Crypto.slice(plain, 8, 16), rndIfd)) {
      throw Errors.secureMessaging("the chip's BAC answer does not match the challenge");
    }
    byte[] kIc = Crypto.slice(plain, 16, 32);
    byte[] sessionSeed = new byte[16];
    for (int i = 0; i < 16; i++) {
      sessionSeed[i] = (byte) (kIfd[i] ^ kIc[i]);
    }
    byte[] ksEnc = Crypto.kdf(sessionSeed, 1, Family.DES3, 16);
    byte[] ksMac = Crypto.kdf(sessionSeed, 2, Family.DES3, 16);
    byte[] ssc = Crypto.concat(Crypto.slice(rndIc, 4, 8), Crypto.slice(rndIfd, 4, 8));
    session.secure(new SecureMessaging(Family.DES3, ksEnc, ksMac, ssc));
  }
}
