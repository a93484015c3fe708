package vn.id06.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * VISCII and TCVN 5712 as glibc's {@code iconv} writes and reads them, from fixture files generated
 * once with iconv and committed (see the header of each file). An oracle independent of the
 * production tables: the test damage is made with these, and the production tables are checked
 * against them.
 */
final class IconvTables {
  static final IconvTables VISCII = load("iconv-viscii.tsv");
  static final IconvTables TCVN3 = load("iconv-tcvn5712-1.tsv");

  /** Letter (one of the 134 Vietnamese letters with a diacritic, and đ/Đ) to its byte. */
  final Map<Character, Integer> letterToByte;

  /** What iconv decodes each byte alone to (a code point), or -1 when it refuses the byte. */
  final int[] byteToChar;

  private IconvTables(Map<Character, Integer> letterToByte, int[] byteToChar) {
    this.letterToByte = Map.copyOf(letterToByte);
    this.byteToChar = byteToChar;
  }

  private static IconvTables load(String name) {
    Map<Character, Integer> letters = new HashMap<>();
    int[] bytes = new int[256];
    try (InputStream in = IconvTables.class.getResourceAsStream(name);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, name), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("letter")) {
          if (f[2].length() != 2) {
            throw new IllegalStateException("one byte expected: " + line);
          }
          letters.put((char) Integer.parseInt(f[1].substring(2), 16), Integer.parseInt(f[2], 16));
        } else {
          int b = Integer.parseInt(f[1], 16);
          bytes[b] = f[2].equals("none") ? -1 : Integer.parseInt(f[2].substring(2), 16);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new IconvTables(letters, bytes);
  }

  /** Encodes text: ASCII as itself, letters by the fixture; shows each byte as a Latin-1 char. */
  String encodeAsLatin1(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        sb.append(c);
        continue;
      }
      Integer b = letterToByte.get(c);
      if (b == null) {
        throw new IllegalArgumentException("not encodable: U+" + Integer.toHexString(c));
      }
      sb.append((char) b.intValue());
    }
    return sb.toString();
  }

  /** Decodes bytes shown as Latin-1 chars, byte by byte; null when iconv refuses a byte. */
  String decodeLatin1(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || byteToChar[c] < 0) {
        return null;
      }
      sb.append((char) byteToChar[c]);
    }
    return java.text.Normalizer.normalize(sb, java.text.Normalizer.Form.NFC);
  }
}
