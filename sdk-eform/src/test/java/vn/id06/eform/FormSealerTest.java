package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.id06.eform.Fixtures.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;
import vn.id06.core.address.Address;
import vn.id06.eform.Fixtures.Source;

class FormSealerTest {
  private static final KeyPair KEYS = SealKeys.generate();
  private static final FormSealer SEALER =
      FormSealer.builder().keyPair(KEYS).clock(Fixtures.CLOCK).build();

  private static PrefilledForm prefill(String template, Source... sources) {
    var records = java.util.Arrays.stream(sources).map(s -> record(s)).toList();
    return Fixtures.prefiller().prefill(FormTemplates.builtIn().get(template), records);
  }

  @Test
  void anUnchangedSubmissionVerifiesForEveryTemplateAndSource() {
    for (FormDefinition form : FormTemplates.builtIn().all()) {
      for (Source s : Source.values()) {
        PrefilledForm p = Fixtures.prefiller().prefill(form, record(s));
        String seal = SEALER.seal(p);
        FormSubmission sub = FormSubmission.parse(form, p.toJson());
        SealVerification v = SEALER.verify(sub, seal);
        assertThat(v.clean()).as(form.id() + " from " + s).isTrue();
        assertThat(v.formId()).isEqualTo(form.id());
      }
    }
  }

  @Test
  void citizenValuesMayChange() {
    PrefilledForm p = prefill("permanent-residence", Source.GATEWAY);
    String json =
        Fixtures.edit(
            p.toJson(),
            r -> {
              Fixtures.item(r, "phone").put("value", "0901234567");
              Fixtures.item(r, "request").put("value", "Đăng ký thường trú");
            });
    assertThat(SEALER.verify(FormSubmission.parse(p.definition(), json), SEALER.seal(p)).clean())
        .isTrue();
  }

  @Test
  void changingOrRemovingEachLockedFieldIsDetected() {
    for (FormDefinition form : FormTemplates.builtIn().all()) {
      CitizenRecord2 twoAddresses = new CitizenRecord2();
      PrefilledForm p =
          Fixtures.prefiller().prefill(form, record(Source.GATEWAY, twoAddresses::oldAddress));
      String seal = SEALER.seal(p);
      assertThat(p.lockedValues()).as(form.id()).hasSizeGreaterThanOrEqualTo(4);
      for (PrefilledValue locked : p.lockedValues()) {
        String changed =
            Fixtures.edit(
                p.toJson(),
                r -> Fixtures.holder(r, locked.path()).put("value", different(locked.value())));
        assertThat(SEALER.verify(FormSubmission.parse(form, changed), seal).tampered())
            .as(form.id() + " " + locked.path())
            .containsExactly(new Tampering(locked.path(), Tampering.Reason.CHANGED));
        String removed =
            Fixtures.edit(p.toJson(), r -> Fixtures.holder(r, locked.path()).remove("value"));
        assertThat(SEALER.verify(FormSubmission.parse(form, removed), seal).tampered())
            .containsExactly(new Tampering(locked.path(), Tampering.Reason.REMOVED));
      }
    }
  }

  /** Another well-formed value of the same kind (a malformed one is refused before the seal). */
  private static String different(String value) {
    return switch (value) {
      case "MALE" -> "FEMALE";
      case "1985-03-14" -> "1985-03-15";
      case "2021-07-10" -> "2021-07-11";
      case Fixtures.ID -> "079085001235";
      default -> value + "x";
    };
  }

  /** Gives the fixture record a pre-reform address, so forms carry a locked province too. */
  private static final class CitizenRecord2 {
    void oldAddress(vn.id06.core.citizen.CitizenRecord.Builder b) {
      b.permanentAddress(Address.parse(Fixtures.ADDRESS_OLD));
    }
  }

  @Test
  void aFieldClaimedLockedThatThePrefillDidNotLockIsAdded() {
    PrefilledForm p = prefill("judicial-record", Source.QR);
    String json =
        Fixtures.edit(
            p.toJson(),
            r -> Fixtures.item(r, "fatherName").put("value", "Trần Văn Cha").put("locked", true));
    List<Tampering> t =
        SEALER.verify(FormSubmission.parse(p.definition(), json), SEALER.seal(p)).tampered();
    assertThat(t).containsExactly(new Tampering("fatherName", Tampering.Reason.ADDED));
  }

  @Test
  void aSealFromAnotherKeyIsASecurityFailureNamingTheSeal() {
    PrefilledForm p = prefill("driving-licence-renewal", Source.CHIP);
    String foreign = FormSealer.builder().keyPair(SealKeys.generate()).build().seal(p);
    FormSubmission sub = FormSubmission.parse(p.definition(), p.toJson());
    assertThatThrownBy(() -> SEALER.verify(sub, foreign))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.check()).isEqualTo(SecurityCheck.SEAL))
        .hasMessageStartingWith("seal:");
  }

  @Test
  void aSealWithAnAlteredPayloadDoesNotVerify() {
    PrefilledForm p = prefill("permanent-residence", Source.GATEWAY);
    String[] parts = SEALER.seal(p).split("\\.", -1);
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace(Fixtures.NAME, "Trần Văn Khác");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    FormSubmission sub = FormSubmission.parse(p.definition(), p.toJson());
    assertThatThrownBy(() -> SEALER.verify(sub, forged))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("seal:");
  }

  @Test
  void aSealForAnotherFormIsRefused() {
    PrefilledForm residence = prefill("permanent-residence", Source.GATEWAY);
    PrefilledForm temporary = prefill("temporary-residence", Source.GATEWAY);
    FormSubmission sub = FormSubmission.parse(temporary.definition(), temporary.toJson());
    assertThatThrownBy(() -> SEALER.verify(sub, SEALER.seal(residence)))
        .hasMessageContaining("another form");
  }

  @Test
  void somethingThatIsNotAJwsIsBadInput() {
    PrefilledForm p = prefill("permanent-residence", Source.GATEWAY);
    FormSubmission sub = FormSubmission.parse(p.definition(), p.toJson());
    assertThatThrownBy(() -> SEALER.verify(sub, "not a seal"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("seal"));
  }

  @Test
  void pemKeysRoundTrip(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("seal-key.pem");
    Files.writeString(pem, SealKeys.toPem(KEYS));
    KeyPair loaded = SealKeys.load(pem, new char[0]);
    assertThat(loaded.getPublic()).isEqualTo(KEYS.getPublic());
    PrefilledForm p = prefill("permanent-residence", Source.GATEWAY);
    FormSealer again = FormSealer.builder().keyFile(pem, null).build();
    assertThat(
            again.verify(FormSubmission.parse(p.definition(), p.toJson()), SEALER.seal(p)).clean())
        .isTrue();
  }

  @Test
  void rsaPemWithoutPublicBlockDerivesThePublicKey(@TempDir Path dir) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair rsa = g.generateKeyPair();
    String pem = SealKeys.toPem(rsa);
    Path file = dir.resolve("rsa.pem");
    Files.writeString(file, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY")));
    FormSealer s = FormSealer.builder().keyFile(file, null).build();
    PrefilledForm p = prefill("judicial-record", Source.GATEWAY);
    assertThat(s.verify(FormSubmission.parse(p.definition(), p.toJson()), s.seal(p)).clean())
        .isTrue();
    assertThat(s.toString()).contains("PS256");
  }

  @Test
  void pkcs12FromKeytool(@TempDir Path dir) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool");
    Path p12 = dir.resolve("portal.p12");
    Process proc =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-alias",
                "portal",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Portal Test",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    proc.getInputStream().readAllBytes();
    assertThat(proc.waitFor()).isZero();
    FormSealer s = FormSealer.builder().keyFile(p12, "changeit".toCharArray()).build();
    PrefilledForm p = prefill("permanent-residence", Source.QR);
    assertThat(s.verify(FormSubmission.parse(p.definition(), p.toJson()), s.seal(p)).clean())
        .isTrue();
    assertThatThrownBy(() -> SealKeys.load(p12, "wrong".toCharArray()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sealKey"));
  }

  @Test
  void aPemWithOnlyAnEcPrivateKeyIsRefused(@TempDir Path dir) throws Exception {
    String pem = SealKeys.toPem(KEYS);
    Path file = dir.resolve("ec.pem");
    Files.writeString(file, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY")));
    assertThatThrownBy(() -> SealKeys.load(file, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sealKey"));
  }

  @Test
  void mismatchedKeysAreRefusedWhenBuilt() {
    KeyPair other = SealKeys.generate();
    assertThatThrownBy(
            () ->
                FormSealer.builder()
                    .keyPair(new KeyPair(other.getPublic(), KEYS.getPrivate()))
                    .build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theSealCarriesTheLockedValuesWithProvenance() throws Exception {
    PrefilledForm p = prefill("permanent-residence", Source.GATEWAY);
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(SEALER.seal(p).split("\\.", -1)[1]),
            StandardCharsets.UTF_8);
    ObjectNode o = (ObjectNode) JsonSupport.MAPPER.readTree(payload);
    assertThat(o.get("form").asText()).isEqualTo("permanent-residence");
    assertThat(o.get("locked")).hasSize(p.lockedValues().size());
    assertThat(o.get("locked").get(0).get("provenance").get("requestId").asText())
        .isEqualTo("req-0001");
  }
}
