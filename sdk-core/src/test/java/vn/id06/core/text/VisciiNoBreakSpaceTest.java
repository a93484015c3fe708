package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.citizen.Sex;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * VISCII stores the capital "Õ" at byte 0xA0, which ISO-8859-1 and Windows-1252 read as the
 * no-break space. The damage is made with glibc iconv's VISCII table (the committed fixture), not
 * with the production table.
 */
class VisciiNoBreakSpaceTest {
  private static final TextRepairer REPAIRER = TextRepairer.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lê Õn",
        "Hoàng Hữu Õn An",
        "Nguyễn Văn Õn",
        "Õn Văn Nam",
        "VÕ ANH",
        "Lê Thị Õn",
        "LÊ HÕN",
        "TÕN NAM",
      })
  void aVisciiCapitalOIsRepairedNotReadAsASpace(String name) {
    String damaged = IconvTables.VISCII.encodeAsLatin1(name);
    assertThat(damaged).as("the fixture writes Õ as 0xA0").contains("\u00a0");
    RepairedText r = REPAIRER.text("fullName", damaged);
    assertThat(r.value()).isEqualTo(name);
    assertThat(r.repairs()).containsExactly(RepairKind.VISCII);
  }

  /**
   * A no-break space between two words, or one standing alone, is a separator as web forms write
   * it. Between capitals it may be VISCII's "Õ", but no decoding reads here, so the text is kept.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lê\u00a0Văn An",
        "Số\u00a012 Lê Lợi",
        "Nguyễn Văn An \u00a0",
        "\u00a0 Trần Thị Hà",
        "Nguyen\u00a0Van\u00a0An",
        "NGUYEN\u00a0VAN\u00a0AN",
        "LÊ\u00a0VĂN\u00a0AN",
        "TP\u00a0HCM",
      })
  void aNoBreakSpaceBetweenWordsIsKept(String clean) {
    RepairedText r = REPAIRER.text("fullName", clean);
    assertThat(r.value()).isEqualTo(clean);
    assertThat(r.repairs()).isEmpty();
  }

  /** "à" in UTF-8 is C3 A0: read as Windows-1252 a final "à" became "Ã" and a no-break space. */
  @ParameterizedTest
  @ValueSource(strings = {"Phan Thu Hà", "Phan Minh Hà", "Phan Thanh Hà"})
  void aFinalAReadAsWindows1252IsRepaired(String name) {
    RepairedText r = REPAIRER.text("fullName", Damage.cp1252(name));
    assertThat(r.value()).isEqualTo(name);
    assertThat(r.repairs()).containsExactly(RepairKind.UTF8_READ_AS_CP1252);
  }

  /** In a QR line the name field may start with the damaged "Õ": field trimming keeps it. */
  @ParameterizedTest
  @ValueSource(strings = {"Õn Văn Nam", "Hoàng Hữu Õn An", "Lê Õn"})
  void aVisciiQrLineWithACapitalOComesBackExact(String name) {
    String line =
        "079090012345|271234567|"
            + IconvTables.VISCII.encodeAsLatin1(name)
            + "|14031990|Nam|"
            + IconvTables.VISCII.encodeAsLatin1("Số 12 Đường Lê Lợi, Phường Bến Thành")
            + "|01072021";
    CardQr qr = CardQrParser.standard().parse(line);
    assertThat(qr.record().fullName().orElseThrow().value()).isEqualTo(name);
    assertThat(qr.record().sex()).contains(Sex.MALE);
  }
}
