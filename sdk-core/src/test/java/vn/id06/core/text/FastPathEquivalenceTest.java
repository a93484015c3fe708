package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.id06.core.internal.text.Utf8;

/**
 * The fast paths of the text repairer (syllable table, UTF-8 check, compose shortcut, lost-byte
 * search piece by piece) answer exactly as the plain rules they replace.
 */
class FastPathEquivalenceTest {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzăâêôơưđ";

  // ---- syllable table

  @Test
  void syllableTableMatchesTheRuleOnEveryWordUpToFourLetters() {
    char[] w = new char[4];
    for (int len = 1; len <= 4; len++) {
      int total = (int) Math.pow(ALPHABET.length(), len);
      for (int n = 0; n < total; n++) {
        int rest = n;
        for (int i = 0; i < len; i++) {
          w[i] = ALPHABET.charAt(rest % ALPHABET.length());
          rest /= ALPHABET.length();
        }
        String word = new String(w, 0, len);
        for (int tone = 0; tone <= 5; tone++) {
          assertThat(Vietnamese.isBaseSyllable(word, tone))
              .as("%s tone %d", word, tone)
              .isEqualTo(Vietnamese.acceptsBase(word, tone));
        }
      }
    }
  }

  @Provide
  Arbitrary<String> syllableLike() {
    Arbitrary<String> onset =
        Arbitraries.of(
            "ngh", "ng", "gh", "gi", "kh", "ch", "nh", "ph", "th", "tr", "qu", "b", "đ", "");
    Arbitrary<String> vowels =
        Arbitraries.strings().withChars("aăâeêioôơuưy").ofMinLength(0).ofMaxLength(4);
    Arbitrary<String> coda =
        Arbitraries.strings().withChars(ALPHABET).ofMinLength(0).ofMaxLength(3);
    return Combinators.combine(onset, vowels, coda).as((o, v, c) -> o + v + c);
  }

  @Property(tries = 3000)
  void syllableTableMatchesTheRuleOnLongerWords(@ForAll("syllableLike") String word) {
    for (int tone = 0; tone <= 5; tone++) {
      assertThat(Vietnamese.isBaseSyllable(word, tone))
          .isEqualTo(Vietnamese.acceptsBase(word, tone));
    }
  }

  @Test
  void letterTableMatchesTheBaseLetterAndTheUnicodeCase() {
    for (char c = 0; c < 0x2000; c++) {
      if (!Vietnamese.isVietnameseLetter(c)) {
        continue;
      }
      // The toneless lower-case letter: drop the tone marks, keep the shape marks.
      String toneless =
          Normalizer.normalize(
                  Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                      .replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""),
                  Normalizer.Form.NFC)
              .toLowerCase(java.util.Locale.ROOT);
      assertThat(toneless).hasSize(1);
      char b = toneless.charAt(0);
      int expected = b <= 'z' ? b - 'a' + 1 : 27 + "ăâêôơưđ".indexOf(b);
      assertThat(Vietnamese.letterCode(c)).as("U+%04X", (int) c).isEqualTo(expected);
      assertThat(Vietnamese.isUpperLetter(c))
          .as("U+%04X", (int) c)
          .isEqualTo(Character.isUpperCase(c));
    }
  }

  // ---- strict UTF-8

  private static String decoderUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Test
  void anEncodedReplacementCharacterIsWellFormedButAReplacedByteIsNot() {
    byte[] encoded = "a\uFFFDb".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Utf8.strict(encoded)).isEqualTo("a\uFFFDb");
    byte[] truncated = {'a', (byte) 0xEF, (byte) 0xBF, 'b'};
    assertThat(Utf8.strict(truncated)).isNull();
    byte[] both = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xC3};
    assertThat(Utf8.strict(both)).isNull();
  }

  @Test
  void strictUtf8MatchesTheJdkDecoderOnEveryTwoByteInput() {
    byte[] b = new byte[2];
    for (int i = 0; i < 0x10000; i++) {
      b[0] = (byte) (i >> 8);
      b[1] = (byte) i;
      assertThat(Utf8.strict(b)).isEqualTo(decoderUtf8(b));
    }
  }

  @Test
  void strictUtf8MatchesTheJdkDecoderOnLeadBytesWithEdgeContinuations() {
    int[] edges = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
    byte[] b3 = new byte[3];
    byte[] b4 = new byte[4];
    for (int lead = 0xC0; lead <= 0xFF; lead++) {
      for (int x : edges) {
        for (int y : edges) {
          b3[0] = (byte) lead;
          b3[1] = (byte) x;
          b3[2] = (byte) y;
          assertThat(Utf8.strict(b3)).isEqualTo(decoderUtf8(b3));
          for (int z : edges) {
            b4[0] = (byte) lead;
            b4[1] = (byte) x;
            b4[2] = (byte) y;
            b4[3] = (byte) z;
            assertThat(Utf8.strict(b4)).isEqualTo(decoderUtf8(b4));
          }
        }
      }
    }
  }

  @Property(tries = 3000)
  void strictUtf8MatchesTheJdkDecoder(@ForAll byte[] bytes) {
    assertThat(Utf8.strict(bytes)).isEqualTo(decoderUtf8(bytes));
  }

  @Property(tries = 2000)
  void strictUtf8MatchesTheJdkDecoderOnText(@ForAll String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.strict(bytes)).isEqualTo(decoderUtf8(bytes));
  }

  // ---- compose shortcut

  @Test
  void everyCharacterOfTheShortcutRangesIsAlreadyComposed() {
    for (char c = 0; c < 0x300; c++) {
      assertComposedAlone(c);
    }
    for (char c = 0x1E00; c <= 0x1EFF; c++) {
      assertComposedAlone(c);
    }
  }

  private static void assertComposedAlone(char c) {
    String s = String.valueOf(c);
    assertThat(vn.id06.core.internal.citizen.VietnameseText.isPrecomposedOnly(s)).isTrue();
    assertThat(Nfc.composeSlow(s)).as("U+%04X", (int) c).isEqualTo(s);
    assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).isTrue();
    // The character's decomposition starts with a starter, so nothing composes across it.
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    assertThat(Character.getType(d.charAt(0))).isNotEqualTo((int) Character.NON_SPACING_MARK);
  }

  @Provide
  Arbitrary<String> vietnameseish() {
    return Arbitraries.strings()
        .withChars("aAeEoOuUyYđĐ ,.-\u0300\u0301\u0302\u0303\u0306\u0309\u0323")
        .withChars(TextRepairPropertiesTest.LETTERS)
        .ofMaxLength(12);
  }

  @Property(tries = 3000)
  void composeMatchesTheNormaliserPath(@ForAll("vietnameseish") String s) {
    assertThat(Nfc.compose(s)).isEqualTo(Nfc.composeSlow(s));
  }

  // ---- lost-byte search

  /** The search as first written: every choice of byte for every U+FFFD, over the whole text. */
  private static String recoverWholeText(String s) {
    String undefined = "\u0081\u008d\u008f\u0090\u009d";
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\ufffd') {
        count++;
      }
    }
    if (count > 4) {
      return null;
    }
    int combos = (int) Math.pow(undefined.length(), count);
    String found = null;
    char[] chars = s.toCharArray();
    for (int combo = 0; combo < combos; combo++) {
      int rest = combo;
      for (int i = 0; i < chars.length; i++) {
        if (s.charAt(i) == '\ufffd') {
          chars[i] = undefined.charAt(rest % undefined.length());
          rest /= undefined.length();
        }
      }
      byte[] bytes = new byte[chars.length];
      boolean ok = true;
      for (int i = 0; i < chars.length && ok; i++) {
        int b = Legacy.Table.CP1252.encode(chars[i]);
        ok = b >= 0;
        bytes[i] = (byte) b;
      }
      String decoded = ok ? decoderUtf8(bytes) : null;
      if (decoded == null || !Vietnamese.isLooseUndamaged(Nfc.composeSlow(decoded))) {
        continue;
      }
      if (found != null && !found.equals(decoded)) {
        return null;
      }
      found = decoded;
    }
    return found;
  }

  private static String cp1252(String s) {
    return new String(
        s.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));
  }

  @Provide
  Arbitrary<String> lostBytes() {
    Arbitrary<String> word =
        Arbitraries.of(
            "Đường", "Phường", "Đức", "Ánh", "Ý", "Í", "Lê", "Lợi", "Hồ", "Chí", "Minh", "Bến",
            "Thành", "Đỗ", "Quận", "Nguyễn", "Thị", "Hoà", "Ông", "Ờ", "Ấp", "Xã", "12", "", "Ä",
            "Ã", "Đắk", "Lắk", "Krông", "Êban", "H'Bơ");
    return word.list().ofMinSize(1).ofMaxSize(6).map(ws -> cp1252(String.join(" ", ws)));
  }

  @Property(tries = 1500)
  void pieceByPieceSearchMatchesTheWholeTextSearch(@ForAll("lostBytes") String s) {
    if (s.indexOf('\ufffd') < 0) {
      return;
    }
    assertThat(LostBytes.recoverUndefined(s)).isEqualTo(recoverWholeText(s));
  }

  @Test
  void theBenchmarkAddressIsRecovered() {
    String address = "Số 12 Đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh";
    String damaged = cp1252(address);
    assertThat(damaged).contains("\ufffd");
    assertThat(LostBytes.recoverUndefined(damaged)).isEqualTo(address);
    assertThat(recoverWholeText(damaged)).isEqualTo(address);
  }
}
