package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;

/** The whole read against the stateful test chip, with LDS files and SOD made by JMRTD. */
class ReadFlowTest {
  private static TestDocument doc;
  private static final AccessKey KEY =
      AccessKey.ofCitizenId(
          TestDocument.CITIZEN_ID, LocalDate.of(1999, 1, 1), LocalDate.of(2039, 1, 1));

  @BeforeAll
  static void setUp() throws Exception {
    doc = new TestDocument();
  }

  static ReadFlow.Settings settings(boolean extended, boolean anchors) {
    return new ReadFlow.Settings(
        Clock.fixed(TestDocument.NOW, ZoneOffset.UTC),
        new SecureRandom(),
        null,
        8192,
        extended,
        true,
        ReadListener.NONE,
        anchors ? List.of(doc.csca) : List.of(),
        List.of());
  }

  @Test
  void readsAndProvesEverythingOverBac() {
    TestChip chip = new TestChip(doc);
    ReadFlow.Outcome o = ReadFlow.run(chip, KEY, settings(true, true));
    assertThat(o.accessProtocol()).isEqualTo("BAC");
    assertThat(o.dataGroups().get(1)).isEqualTo(doc.dg1);
    assertThat(o.dataGroups().get(2)).isEqualTo(doc.dg2);
    assertThat(o.dataGroups().get(13)).isEqualTo(doc.dg13);
    assertThat(o.sod()).isEqualTo(doc.sod);
    assertThat(o.passive().status()).as(o.passive().reason()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(o.active().status()).as(o.active().reason()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(o.chip().status()).as(o.chip().reason()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(Lds.face(o.dataGroups().get(2)).bytes()).isEqualTo(doc.jpeg);
    assertThat(Lds.face(o.dataGroups().get(2)).format()).isEqualTo("JPEG");
  }

  @Test
  void pacePreferredWhenCardAccessOffersItWithAesSecureMessaging() {
    TestChip chip = new TestChip(doc);
    chip.pace = true;
    ReadFlow.Outcome o = ReadFlow.run(chip, KEY, settings(true, true));
    assertThat(o.accessProtocol()).isEqualTo("PACE");
    assertThat(o.dataGroups().get(2)).isEqualTo(doc.dg2);
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(o.active().status()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(o.chip().status()).as(o.chip().reason()).isEqualTo(Verdict.Status.PROVEN);
  }

  @Test
  void paceWithTheCanAndAWrongCan() {
    TestChip chip = new TestChip(doc);
    chip.pace = true;
    ReadFlow.Outcome o = ReadFlow.run(chip, AccessKey.ofCan("123456"), settings(true, true));
    assertThat(o.accessProtocol()).isEqualTo("PACE");
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.PROVEN);
    TestChip other = new TestChip(doc);
    other.pace = true;
    assertThatThrownBy(() -> ReadFlow.run(other, AccessKey.ofCan("654321"), settings(true, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the CAN does not match this card");
  }

  @Test
  void canWithoutPaceIsRefusedClearly() {
    assertThatThrownBy(
            () -> ReadFlow.run(new TestChip(doc), AccessKey.ofCan("123456"), settings(true, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PACE");
  }

  @Test
  void extendedLengthNeedsFewerApdusThanFixedBlocks() {
    TestChip ext = new TestChip(doc);
    int withExtended = ReadFlow.run(ext, KEY, settings(true, true)).log().count();
    TestChip shortOnly = new TestChip(doc);
    shortOnly.extendedLength = false;
    ReadFlow.Outcome o = ReadFlow.run(shortOnly, KEY, settings(true, true));
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.PROVEN);
    int fallback = o.log().count();
    // A fixed 223-byte reader: SELECT, an 8-byte header read, then 223-byte blocks, per file.
    int fixed = 4 + 1; // EF.CardAccess select; SELECT AID; GET CHALLENGE; EXTERNAL AUTHENTICATE
    for (byte[] f : List.of(doc.com, doc.dg1, doc.dg2, doc.dg13, doc.dg14, doc.dg15, doc.sod)) {
      fixed += 2 + (f.length - 8 + 222) / 223;
    }
    assertThat(withExtended).isLessThan(fixed / 2 + 8);
    assertThat(fallback).isLessThanOrEqualTo(fixed + 6);
  }

  @Test
  void wrongBirthDateIsAccessRefused() {
    AccessKey wrong =
        AccessKey.ofCitizenId(
            TestDocument.CITIZEN_ID, LocalDate.of(1999, 1, 2), LocalDate.of(2039, 1, 1));
    assertThatThrownBy(() -> ReadFlow.run(new TestChip(doc), wrong, settings(true, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the birth date or expiry does not match this card");
  }

  @Test
  void tamperedDataGroupIsNotProven() throws Exception {
    TestDocument tampered = new TestDocument(new SecureRandom(new byte[] {1}), true);
    ReadFlow.Outcome o = ReadFlow.run(new TestChip(tampered), KEY, settings(true, true));
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(o.passive().reason()).contains("DG13 does not match");
  }

  @Test
  void untrustedSignerIsNotProven() throws Exception {
    TestDocument other = new TestDocument(new SecureRandom(new byte[] {2}), false);
    ReadFlow.Settings s =
        new ReadFlow.Settings(
            Clock.fixed(TestDocument.NOW, ZoneOffset.UTC),
            new SecureRandom(),
            null,
            8192,
            true,
            true,
            ReadListener.NONE,
            List.of(other.csca),
            List.of());
    ReadFlow.Outcome o = ReadFlow.run(new TestChip(doc), KEY, s);
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(o.passive().reason()).contains("not trusted");
  }

  @Test
  void noTrustAnchorsIsNotAvailable() {
    ReadFlow.Outcome o = ReadFlow.run(new TestChip(doc), KEY, settings(true, false));
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.NOT_AVAILABLE);
  }

  @Test
  void clonedChipFailsChipAndActiveAuthentication() throws Exception {
    TestChip clone = new TestChip(doc);
    clone.cloneCaKey = true;
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    clone.otherAaKey = g.generateKeyPair();
    ReadFlow.Outcome o = ReadFlow.run(clone, KEY, settings(true, true));
    assertThat(o.passive().status()).isEqualTo(Verdict.Status.PROVEN);
    assertThat(o.chip().status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(o.active().status()).isEqualTo(Verdict.Status.FAILED);
  }

  @Test
  void wrongMacIsASecureMessagingError() {
    TestChip chip = new TestChip(doc);
    chip.corruptMacAt = 3;
    assertThatThrownBy(() -> ReadFlow.run(chip, KEY, settings(true, true)))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.check()).isEqualTo(SecurityCheck.SECURE_MESSAGING))
        .hasMessageContaining("MAC");
  }

  @Test
  void responseLargerThanAskedIsRefused() {
    TestChip chip = new TestChip(doc);
    chip.oversize = true;
    assertThatThrownBy(() -> ReadFlow.run(chip, KEY, settings(true, true)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("to a read of");
  }

  @Test
  void cardPulledMidReadIsCardRemoved() {
    TestChip chip = new TestChip(doc);
    chip.pullAfter = 9;
    assertThatThrownBy(() -> ReadFlow.run(chip, KEY, settings(true, true)))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("card removed");
  }
}
