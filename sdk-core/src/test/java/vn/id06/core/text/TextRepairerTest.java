package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.id06.core.CitizenField;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

class TextRepairerTest {
  private final TextRepairer r = TextRepairer.standard();

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void knownAnswers() {
    assertThat(r.text("f", "Nguyá»…n VÄƒn HÃ²a").value()).isEqualTo("Nguyễn Văn Hòa");
    assertThat(r.text("f", "NguyÔn V¨n Hßa"))
        .isEqualTo(new RepairedText("Nguyễn Văn Hòa", List.of(RepairKind.TCVN3)));
    assertThat(r.text("f", "Nguyeãn Vaên Hoøa"))
        .isEqualTo(new RepairedText("Nguyễn Văn Hòa", List.of(RepairKind.VNI)));
    assertThat(r.text("f", "Ðặng Thị Hà"))
        .isEqualTo(new RepairedText("Đặng Thị Hà", List.of(RepairKind.ETH_AS_D_STROKE)));
    // ABC "H" fonts write capitals with the lower-case codes.
    assertThat(r.text("f", "NGUYÔN V¡N AN").value()).isEqualTo("NGUYỄN VĂN AN");
  }

  @Test
  void doubleMojibakeIsPeeledToTheEndEvenWhenTheFirstLayerLooksClean() {
    // Found by the doubleCp1252 property: one layer off, "Òn" reads "Ã’n", and ’ passes as
    // punctuation.
    String twice = cp1252(cp1252("Phan Minh Òn An"));
    assertThat(r.text("f", twice))
        .isEqualTo(
            new RepairedText(
                "Phan Minh Òn An",
                List.of(RepairKind.UTF8_READ_AS_CP1252, RepairKind.UTF8_READ_AS_CP1252)));
  }

  private static String cp1252(String s) {
    return new String(
        s.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));
  }

  @Test
  void toneBeforeCircumflexStillComposes() {
    assertThat(r.text("f", "Nguye\u0303\u0302n"))
        .isEqualTo(new RepairedText("Nguyễn", List.of(RepairKind.NFD_TO_NFC)));
  }

  @Test
  void javaDecodedUndefinedBytesAreRecoveredOnlyWhenUnique() {
    // "Đ" is C4 90: Java's windows-1252 decoder turns 0x90 into U+FFFD; only Đ fits.
    assertThat(r.text("f", "Ä\ufffdáº·ng").value()).isEqualTo("Đặng");
    // "Ã\ufffdnh" may be Ánh, Ính or Ýnh: refused, never guessed.
    assertThatThrownBy(() -> r.text("f", "Ã\ufffdnh"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT));
  }

  @Test
  void cleanAndForeignTextIsLeftAlone() {
    for (String s :
        List.of(
            "Nguyen Van A",
            "Ksor H'Bơ",
            "Y Moan Niê Kdăm",
            "H'Hen Niê",
            "Mlô",
            "Số 12, Đường 3/2, Q.10",
            "")) {
      assertThat(r.text("f", s)).isEqualTo(new RepairedText(s, List.of()));
    }
  }

  @Test
  void textOutsideTheVietnameseAlphabetThatALegacyDecodingWouldChangeIsRefused() {
    // "Müller" reads as TCVN3 "Mỹller" and as VISCII "Múller": not provable either way.
    assertThatThrownBy(() -> r.text("f", "Müller"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT));
  }

  @Test
  void theLookAlikeEthIsReportedInAWordOutsideTheKinhSyllables() {
    // Before: "Ðắk" (no Kinh syllable) came back with no repair, and the name types then replaced
    // the Ð silently.
    assertThat(r.text("f", "Ðắk Lắk"))
        .isEqualTo(new RepairedText("Đắk Lắk", List.of(RepairKind.ETH_AS_D_STROKE)));
  }

  @Test
  void vniDamageOfAHighlandsPlaceIsNeverPassedThrough() {
    // Before: "Ñaék Laék" (VNI for "Đắk Lắk") came back unchanged with no repair.
    assertThatThrownBy(() -> r.text("address", "Ñaék Laék"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT));
    // With a Kinh syllable that the decoding makes, one decoding is proved.
    assertThat(r.text("address", "Huyeän Kroâng Paéc"))
        .isEqualTo(new RepairedText("Huyện Krông Pắc", List.of(RepairKind.VNI)));
  }

  @Test
  void aStrictUtf8RoundTripIntoAnotherScriptIsNoRepair() {
    // VISCII "Cß¶ng" (Cường) re-encodes as Windows-1252 to DF B6, which is UTF-8 for U+07F6.
    assertThat(r.text("f", "Phan Minh Cß¶ng").value()).isEqualTo("Phan Minh Cường");
  }

  @Test
  void clearDamageWithoutProofIsRejectedWithoutEchoingTheText() {
    String damaged = "Nguy»…n \u0001Thá";
    assertThatThrownBy(() -> r.text("fullName", damaged))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("fullName");
              assertThat(e.reason()).isEqualTo(InputReason.UNREPAIRABLE_TEXT);
              assertThat(e.getMessage()).doesNotContain("Nguy").doesNotContain("Thá");
            });
  }

  @Test
  void toStringMasksTheValue() {
    RepairedText t = r.text("f", "Nguyá»…n");
    assertThat(t.toString()).doesNotContain("Nguy").contains("UTF8_READ_AS_CP1252");
    assertThat(t.repaired()).isTrue();
    assertThat(new Repair(CitizenField.FULL_NAME, RepairKind.VNI).toString())
        .contains("FULL_NAME", "VNI");
  }

  @Test
  void digits() {
    assertThat(r.digits("id", "079099012345").repairs()).isEmpty();
    assertThat(r.digits("id", "à&é\"'(-è_ç"))
        .isEqualTo(new RepairedText("0123456789", List.of(RepairKind.KEYBOARD_LAYOUT_IN_DIGITS)));
    assertThat(r.digits("id", "§!").value()).isEqualTo("68"); // Belgian AZERTY
    for (String bad : List.of("-", "12-03-1990", "079&é", "abc")) {
      assertThatThrownBy(() -> r.digits("id", bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.getMessage()).doesNotContain(bad));
    }
  }

  @Test
  void hexRepairs() {
    String h = hex("Nguyễn Văn Đạt"); // 4e677579e1bb856e2056c4836e20c490e1baa174
    assertThat(r.hexUtf8("name", h)).isEqualTo(new RepairedText("Nguyễn Văn Đạt", List.of()));
    assertThat(r.hexUtf8("name", h.replace("e6", "ê").replace("a1", "á")).value())
        .isEqualTo("Nguyễn Văn Đạt");
    assertThat(r.hexUtf8("name", h.replace("e6", "ê").replace("a1", "á")).repairs())
        .containsExactly(RepairKind.VNI_IN_HEX);
    String azerty =
        h.replace('a', 'q')
            .replace('1', '&')
            .replace('2', 'é')
            .replace('3', '"')
            .replace('4', '\'')
            .replace('5', '(')
            .replace('6', '-')
            .replace('7', 'è')
            .replace('8', '_')
            .replace('9', 'ç')
            .replace('0', 'à');
    assertThat(r.hexUtf8("name", azerty).repairs())
        .containsExactly(RepairKind.KEYBOARD_LAYOUT_IN_HEX);
    String dd = hex("Hà Nội Đông"); // has "dd"? no: use a text whose hex has dd
    assertThat(r.hexUtf8("addr", dd).value()).isEqualTo("Hà Nội Đông");
  }

  @Test
  void telexInHex() {
    String h = hex("Ðinh Thị Thủy").replace("c390", "c4 90".replace(" ", "")); // Đinh
    String telex = h.replace("ee", "ê").replace("dd", "đ").replace("aa", "â");
    if (!telex.equals(h)) {
      assertThat(r.hexUtf8("name", telex).value()).isEqualTo("Đinh Thị Thủy");
    }
    // "ễ" is e1 bb 85: hex "...e1bb85..." has no Telex pair, but "ee" arises across bytes.
    String s = hex("Nguyễn Hồng");
    assertThat(r.hexUtf8("name", s.replace("ee", "ê")).value()).isEqualTo("Nguyễn Hồng");
  }

  @Test
  void decode() {
    assertThat(r.decode("f", "Nguyễn".getBytes(StandardCharsets.UTF_8)).repairs()).isEmpty();
    // TCVN3 bytes: "NguyÔn V¨n" (Ô=0xD4 is ễ, ¨=0xA8 is ă).
    byte[] tcvn = "NguyÔn V¨n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(r.decode("f", tcvn))
        .isEqualTo(new RepairedText("Nguyễn Văn", List.of(RepairKind.TCVN3)));
    // Windows-1258: ê (0xEA) + tilde (0xDE) is ễ; ă is 0xE3.
    byte[] cp1258 = {'N', 'g', 'u', 'y', (byte) 0xEA, (byte) 0xDE, 'n', ' ', 'V', (byte) 0xE3, 'n'};
    assertThat(r.decode("f", cp1258))
        .isEqualTo(new RepairedText("Nguyễn Văn", List.of(RepairKind.CP1258)));
    assertThatThrownBy(() -> r.decode("f", new byte[] {1, 0, (byte) 0xFF, 7}))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.BINARY_DATA));
    assertThatThrownBy(() -> r.decode("f", new byte[] {(byte) 0x89, (byte) 0xFE, 3, 4, 5, 6}))
        .isInstanceOf(InvalidInputException.class);
  }
}
