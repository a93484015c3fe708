package vn.id06.cardreader;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The symmetric primitives of ICAO 9303 part 11: 3DES and AES in CBC mode, the ISO 9797-1 MAC
 * algorithm 3 (retail MAC), AES-CMAC, ISO 9797-1 padding method 2, and the key derivation function
 * KDF(K, c) = H(K || c). BouncyCastle's lightweight API is used directly: no provider is
 * registered. Stateless and thread-safe.
 */
final class Crypto {
  /** The two cipher families of secure messaging. */
  enum Family {
    DES3(8),
    AES(16);

    final int block;

    Family(int block) {
      this.block = block;
    }
  }

  private Crypto() {}

  static byte[] sha1(byte[]... parts) {
    return digest("SHA-1", parts);
  }

  static byte[] sha256(byte[]... parts) {
    return digest("SHA-256", parts);
  }

  static byte[] digest(String algorithm, byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** KDF(K, c) of ICAO 9303-11 §9.7.1, cut to the key length of the cipher. */
  static byte[] kdf(byte[] secret, int counter, Family family, int keyBytes) {
    byte[] c = {
      (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
    };
    byte[] h = keyBytes <= 16 ? sha1(secret, c) : sha256(secret, c);
    byte[] key = new byte[keyBytes];
    System.arraycopy(h, 0, key, 0, keyBytes);
    return family == Family.DES3 ? adjustParity(key) : key;
  }

  /** Sets each byte's lowest bit so that the byte has odd parity (DES keys). */
  static byte[] adjustParity(byte[] key) {
    byte[] out = key.clone();
    for (int i = 0; i < out.length; i++) {
      int b = out[i] & 0xFE;
      out[i] = (byte) (b | ((Integer.bitCount(b) & 1) == 0 ? 1 : 0));
    }
    return out;
  }

  /** ISO 9797-1 padding method 2: 0x80 then zeros up to a multiple of the block size. */
  static byte[] pad(byte[] data, int block) {
    int n = (data.length / block + 1) * block;
    byte[] out = new byte[n];
    System.arraycopy(data, 0, out, 0, data.length);
    out[data.length] = (byte) 0x80;
    return out;
  }

  /** Removes ISO 9797-1 method 2 padding; bad padding is a secure-messaging failure. */
  static byte[] unpad(byte[] data) {
    int i = data.length - 1;
    while (i >= 0 && data[i] == 0) {
      i--;
    }
    if (i < 0 || data[i] != (byte) 0x80) {
      throw Errors.secureMessaging("bad padding in decrypted data");
    }
    byte[] out = new byte[i];
    System.arraycopy(data, 0, out, 0, i);
    return out;
  }

  static BlockCipher engine(Family family) {
    return family == Family.DES3 ? new DESedeEngine() : AESEngine.newInstance();
  }

  /** CBC with the given IV, no padding; the input must be a multiple of the block size. */
  static byte[] cbc(Family family, boolean encrypt, byte[] key, byte[] iv, byte[] data) {
    if (data.length % family.block != 0) {
      throw Errors.secureMessaging("encrypted data is not a whole number of blocks");
    }
    CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(engine(family));
    cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] out = new byte[data.length];
    for (int off = 0; off < data.length; off += family.block) {
      cbc.processBlock(data, off, out, off);
    }
    return out;
  }

  /** One block encrypted in ECB mode (AES secure messaging's IV). */
  static byte[] encryptBlock(Family family, byte[] key, byte[] block) {
    BlockCipher e = engine(family);
    e.init(true, new KeyParameter(key));
    byte[] out = new byte[family.block];
    e.processBlock(block, 0, out, 0);
    return out;
  }

  /**
   * The 8-byte MAC of secure messaging: retail MAC (ISO 9797-1 algorithm 3 with DES) for 3DES, and
   * AES-CMAC truncated to 8 bytes for AES. The caller pads where the protocol says so.
   */
  static byte[] mac(Family family, byte[] key, byte[] data) {
    Mac mac =
        family == Family.DES3
            ? new ISO9797Alg3Mac(new DESEngine())
            : new CMac(AESEngine.newInstance(), 64);
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  static byte[] slice(byte[] a, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(a, from, out, 0, out.length);
    return out;
  }
}
