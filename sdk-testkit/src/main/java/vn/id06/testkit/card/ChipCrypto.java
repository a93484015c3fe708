package vn.id06.testkit.card;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The chip side's symmetric primitives after ICAO Doc 9303 Part 11 (section 9.7 key derivation,
 * section 9.8 secure messaging): DES/3DES, ISO/IEC 9797-1 MAC algorithm 3, AES and AES-CMAC, the
 * padding of ISO/IEC 9797-1 method 2. Stateless.
 */
final class ChipCrypto {
  private ChipCrypto() {}

  /** Key derivation: hash(seed || counter), SHA-1 and truncated for 3DES and AES-128. */
  static byte[] kdf(byte[] seed, int counter, boolean aes, int keyLength) {
    byte[] c = {0, 0, 0, (byte) counter};
    try {
      if (!aes) {
        byte[] h = MessageDigest.getInstance("SHA-1").digest(Hex.concat(seed, c));
        return adjustParity(Arrays.copyOf(h, 16));
      }
      String alg = keyLength <= 16 ? "SHA-1" : "SHA-256";
      byte[] h = MessageDigest.getInstance(alg).digest(Hex.concat(seed, c));
      return Arrays.copyOf(h, keyLength);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] adjustParity(byte[] key) {
    byte[] k = key.clone();
    for (int i = 0; i < k.length; i++) {
      int b = k[i] & 0xFE;
      k[i] = (byte) (b | ((Integer.bitCount(b) & 1) == 0 ? 1 : 0));
    }
    return k;
  }

  static byte[] pad(byte[] data, int block) {
    int n = (data.length / block + 1) * block;
    byte[] out = Arrays.copyOf(data, n);
    out[data.length] = (byte) 0x80;
    return out;
  }

  /** Removes ISO/IEC 9797-1 method 2 padding; throws on malformed padding. */
  static byte[] unpad(byte[] data) {
    int i = data.length - 1;
    while (i >= 0 && data[i] == 0) {
      i--;
    }
    if (i < 0 || data[i] != (byte) 0x80) {
      throw new IllegalArgumentException("bad padding");
    }
    return Arrays.copyOf(data, i);
  }

  private static byte[] desKey24(byte[] key16) {
    return Hex.concat(key16, Arrays.copyOf(key16, 8));
  }

  static byte[] tdes(boolean encrypt, byte[] key16, byte[] data) {
    try {
      Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
      c.init(
          encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(desKey24(key16), "DESede"),
          new IvParameterSpec(new byte[8]));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES; the data is already padded. */
  static byte[] retailMac(byte[] key16, byte[] padded) {
    try {
      Cipher des = Cipher.getInstance("DES/CBC/NoPadding");
      des.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Arrays.copyOf(key16, 8), "DES"),
          new IvParameterSpec(new byte[8]));
      byte[] chain = des.doFinal(padded);
      byte[] last = Arrays.copyOfRange(chain, chain.length - 8, chain.length);
      Cipher ecb = Cipher.getInstance("DES/ECB/NoPadding");
      ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 8, 16), "DES"));
      byte[] d = ecb.doFinal(last);
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(key16, 8), "DES"));
      return ecb.doFinal(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] aesCbc(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
    try {
      Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
      c.init(
          encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(iv));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] aesEcb(byte[] key, byte[] block) {
    try {
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return c.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AES-CMAC (NIST SP 800-38B), truncated to 8 bytes as eMRTD secure messaging uses it. */
  static byte[] cmac8(byte[] key, byte[] data) {
    CMac mac = new CMac(AESEngine.newInstance(), 128);
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[16];
    mac.doFinal(out, 0);
    return Arrays.copyOf(out, 8);
  }
}
