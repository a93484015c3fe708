package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.core.citizen.AccessProtocol;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.FaceImage;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.citizen.Sex;

/** The public API through a javax.smartcardio terminal holding the test chip. */
class ChipCardReaderTest {
  private static TestDocument doc;
  private static final AccessKey KEY =
      AccessKey.ofCitizenId(
          TestDocument.CITIZEN_ID, LocalDate.of(1999, 1, 1), LocalDate.of(2039, 1, 1));

  @BeforeAll
  static void setUp() throws Exception {
    doc = new TestDocument();
  }

  private static ChipCardReader.Builder builder(FakeTerminal t) {
    return ChipCardReader.builder()
        .terminal(t)
        .trustAnchors(List.of(doc.csca))
        .clock(Clock.fixed(TestDocument.NOW, ZoneOffset.UTC));
  }

  @Test
  void readsTheCitizenWithFullProof() {
    List<String> progress = new ArrayList<>();
    try (ChipCardReader reader =
        builder(new FakeTerminal(new TestChip(doc)))
            .listener((file, read, total) -> progress.add(file + " " + read + "/" + total))
            .build()) {
      assertThat(reader.waitForCard(Duration.ofSeconds(1))).isTrue();
      ChipReadResult r = reader.read(KEY);
      assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_AUTHENTICATED);
      assertThat(r.citizen().citizenId().orElseThrow().value()).isEqualTo(TestDocument.CITIZEN_ID);
      assertThat(r.citizen().fullName().orElseThrow().value()).isEqualTo("Nguyễn Văn A");
      assertThat(r.citizen().sex()).contains(Sex.MALE);
      assertThat(r.citizen().expiry()).contains(DocumentExpiry.on(LocalDate.of(2039, 1, 1)));
      assertThat(r.accessProtocol()).isEqualTo(AccessProtocol.BAC);
      assertThat(r.citizen().nationality().orElseThrow().code()).isEqualTo("VNM");
      assertThat(r.citizen().ethnicity().orElseThrow().name()).isEqualTo("Kinh");
      assertThat(r.citizen().religion().orElseThrow().isNone()).isTrue();
      assertThat(r.citizen().identifyingMarks()).contains("Nốt ruồi cách 2cm dưới đuôi mắt trái");
      assertThat(r.citizen().fatherName().orElseThrow().value()).isEqualTo("Nguyễn Văn Cha");
      assertThat(r.citizen().motherName().orElseThrow().value()).isEqualTo("Trần Thị Mẹ");
      assertThat(r.citizen().spouseName()).isEmpty();
      assertThat(r.citizen().documentNumber()).contains(TestDocument.DOCUMENT_NUMBER);
      assertThat(r.citizen().legacyId()).isPresent();
      assertThat(r.provenance().passiveAuthentication()).isEqualTo(ProofOutcome.PROVEN);
      assertThat(r.citizen().legacyId().orElseThrow().toString()).doesNotContain("123456789");
      assertThat(r.face().orElseThrow().format()).isEqualTo(FaceImage.Format.JPEG);
      assertThat(r.face().orElseThrow().bytes()).isEqualTo(doc.jpeg);
      assertThat(r.consistency()).isEmpty();
      assertThat(r.dg13().orElseThrow().text(42)).contains("future field");
      assertThat(r.toString()).doesNotContain(TestDocument.CITIZEN_ID);
      assertThat(r.apduLog().masked()).doesNotContain(Hex.encode(doc.dg1).substring(10, 30));
      assertThat(progress).anyMatch(p -> p.startsWith("DG2 ") && p.endsWith("/" + doc.dg2.length));
    }
  }

  @Test
  void tamperedDataGroupGivesUnverifiedLevelAndDiscrepancy() throws Exception {
    TestDocument tampered = new TestDocument(new java.security.SecureRandom(), true);
    try (ChipCardReader reader = builder(new FakeTerminal(new TestChip(tampered))).build()) {
      ChipReadResult r = reader.read(ChipCardReaderTest.KEY);
      assertThat(r.passiveAuthentication().outcome()).isEqualTo(ProofOutcome.FAILED);
      assertThat(r.proofLevel()).isEqualTo(ProofLevel.CHIP_UNVERIFIED);
      assertThat(r.consistency())
          .extracting(Discrepancy::field)
          .contains(java.util.Optional.of(vn.id06.core.CitizenField.FULL_NAME));
    }
  }

  @Test
  void wrongBirthDateIsAccessRefused() {
    AccessKey wrong =
        AccessKey.ofCitizenId(
            TestDocument.CITIZEN_ID, LocalDate.of(1999, 1, 2), LocalDate.of(2039, 1, 1));
    try (ChipCardReader reader = builder(new FakeTerminal(new TestChip(doc))).build()) {
      assertThatThrownBy(() -> reader.read(wrong))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.reason()).isEqualTo(InputReason.ACCESS_REFUSED))
          .hasMessageContaining("the birth date or expiry does not match this card");
    }
  }

  @Test
  void noExpiryIsMapped() {
    assertThat(CitizenMapper.isNoExpiry("Không thời hạn")).isTrue();
    assertThat(CitizenMapper.isNoExpiry("01/01/2039")).isFalse();
  }

  @Test
  void noCardIsATypedError() {
    try (ChipCardReader reader = builder(new FakeTerminal(null)).build()) {
      assertThat(reader.waitForCardRemoval(Duration.ZERO)).isTrue();
      assertThatThrownBy(() -> reader.read(KEY))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.CARD_REMOVED));
    }
  }

  @Test
  void cardPulledMidReadIsATypedError() {
    TestChip chip = new TestChip(doc);
    chip.pullAfter = 12;
    try (ChipCardReader reader = builder(new FakeTerminal(chip)).build()) {
      assertThatThrownBy(() -> reader.read(KEY))
          .isInstanceOfSatisfying(
              UnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(UnavailableException.Kind.CARD_REMOVED));
    }
  }

  @Test
  void trustAnchorsFromADirectoryOfPemAndDer(@TempDir Path dir) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(doc.csca.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    Files.writeString(dir.resolve("csca.pem"), pem);
    Files.write(dir.resolve("csca.der"), doc.csca.getEncoded());
    try (ChipCardReader reader =
        ChipCardReader.builder()
            .terminal(new FakeTerminal(new TestChip(doc)))
            .trustAnchors(dir)
            .clock(Clock.fixed(TestDocument.NOW, ZoneOffset.UTC))
            .build()) {
      assertThat(reader.read(KEY).passiveAuthentication().outcome()).isEqualTo(ProofOutcome.PROVEN);
    }
    Files.writeString(dir.resolve("junk.txt"), "not a certificate");
    assertThatThrownBy(() -> ChipCardReader.builder().trustAnchors(dir))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void expiredChainIsNotProven() {
    try (ChipCardReader reader =
        builder(new FakeTerminal(new TestChip(doc)))
            .clock(Clock.fixed(TestDocument.NOW.plus(Duration.ofDays(20_000)), ZoneOffset.UTC))
            .build()) {
      Proof pa = reader.read(KEY).passiveAuthentication();
      assertThat(pa.outcome()).isEqualTo(ProofOutcome.FAILED);
      assertThat(pa.reason()).contains("not trusted");
    }
  }

  @Test
  void accessKeysAreValidated() {
    assertThatThrownBy(
            () ->
                AccessKey.ofCitizenId("12345", LocalDate.of(1999, 1, 1), LocalDate.of(2039, 1, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AccessKey.ofCan("12a")).isInstanceOf(InvalidInputException.class);
    assertThat(
            AccessKey.ofMrz(
                    "IDVNM0990123459001099012345<<0\n9901018M3901016VNM<<<<<<<<<<<0\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<")
                .mrzInformation())
        .isEqualTo(
            AccessKey.ofCitizenId(
                    "001099012345", LocalDate.of(1999, 1, 1), LocalDate.of(2039, 1, 1))
                .mrzInformation());
    assertThat(AccessKey.ofCan("123456").toString()).doesNotContain("123456");
  }
}
