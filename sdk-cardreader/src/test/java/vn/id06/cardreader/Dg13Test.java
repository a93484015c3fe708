package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;

class Dg13Test {

  @Test
  void fieldsByNumberWithUnknownNumbersKeptRaw() {
    Dg13 dg13 = Dg13.parse(TestDocument.dg13("Nguyễn Văn A"));
    assertThat(dg13.text(1)).contains(TestDocument.CITIZEN_ID);
    assertThat(dg13.text(2)).contains("Nguyễn Văn A");
    assertThat(dg13.text(8)).contains("Xã Ea H'leo, Huyện Ea H'leo, Đắk Lắk");
    assertThat(dg13.texts(13)).containsExactly("Nguyễn Văn Cha", "Trần Thị Mẹ");
    assertThat(dg13.texts(14)).isEmpty();
    assertThat(dg13.fieldNumbers()).contains(42);
    assertThat(dg13.text(42)).contains("future field");
    assertThat(dg13.raw(42).orElseThrow()).startsWith(0x30);
    assertThat(dg13.toString()).doesNotContain("Nguyễn").doesNotContain(TestDocument.CITIZEN_ID);
  }

  @Test
  void fieldOrderDoesNotMatter() {
    byte[] a =
        TestDocument.der(
            0x30, TestDocument.cat(TestDocument.der(0x02, new byte[] {2}), TestDocument.utf8("B")));
    byte[] b =
        TestDocument.der(
            0x30,
            TestDocument.cat(
                TestDocument.der(0x02, new byte[] {1}), TestDocument.utf8("079099012345")));
    byte[] file = TestDocument.der(0x6D, TestDocument.der(0x31, TestDocument.cat(a, b)));
    Dg13 dg13 = Dg13.parse(file);
    assertThat(dg13.text(1)).contains("079099012345");
    assertThat(dg13.text(2)).contains("B");
    assertThat(List.copyOf(dg13.fieldNumbers())).containsExactly(2, 1);
  }

  @Test
  void repeatedFieldAndWrongTagAreTypedErrors() {
    byte[] a =
        TestDocument.der(
            0x30, TestDocument.cat(TestDocument.der(0x02, new byte[] {2}), TestDocument.utf8("B")));
    assertThatThrownBy(() -> Dg13.parse(TestDocument.der(0x6D, TestDocument.cat(a, a))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Dg13.parse(TestDocument.der(0x61, a)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void faceInAnUnknownFormatIsReturnedRaw() {
    byte[] bdb = {1, 2, 3, 4, 5};
    byte[] dg2 =
        TestDocument.der(
            0x75,
            TestDocument.cat(
                new byte[] {0x7F, 0x61},
                new byte[] {14},
                new byte[] {0x02, 1, 1},
                new byte[] {0x7F, 0x60, 8, 0x5F, 0x2E, 5},
                bdb));
    Lds.Face face = Lds.face(dg2);
    assertThat(face.format()).isEqualTo("UNKNOWN");
    assertThat(face.bytes()).isEqualTo(bdb);
  }
}
