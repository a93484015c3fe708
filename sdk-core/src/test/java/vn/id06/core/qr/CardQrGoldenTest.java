package vn.id06.core.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/**
 * Golden samples in {@code src/test/resources/qr}: each {@code NAME.qr} holds the exact bytes a
 * scanner delivered and {@code NAME.expected} the expected result field by field (UTF-8 {@code
 * key=value}); a field not listed must be absent. Every sample is parsed both as bytes and as text.
 * All people are synthetic.
 */
class CardQrGoldenTest {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

  private final CardQrParser parser = CardQrParser.builder().clock(CLOCK).build();

  @TestFactory
  Stream<DynamicTest> goldenSamples() throws IOException, URISyntaxException {
    List<Path> samples = samples();
    return samples.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> {
                      byte[] bytes = Files.readAllBytes(p);
                      Properties expected = expected(p);
                      check(expected, () -> parser.parse(bytes));
                      String text = utf8(bytes);
                      if (text != null) {
                        check(expected, () -> parser.parse(text));
                      }
                    }));
  }

  @Test
  void everyKindAndDamageHasASample() throws IOException, URISyntaxException {
    List<String> names =
        samples().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    assertThat(names)
        .contains(
            "cccd2021-clean.qr",
            "cccd2021-short.qr",
            "cancuoc2024.qr",
            "bhyt-old-card.qr",
            "bhyt-new-card-year-only.qr",
            "cccd2021-cp1252-name.qr",
            "cccd2021-nfd.qr",
            "cccd2021-eth.qr");
  }

  private static List<Path> samples() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(CardQrGoldenTest.class.getResource("/qr")).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".qr")).sorted().collect(Collectors.toList());
    }
  }

  /** The text of UTF-8 bytes; null for the legacy-encoded samples, which only bytes can carry. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Properties expected(Path qr) throws IOException {
    String name = qr.getFileName().toString();
    Path exp = qr.resolveSibling(name.substring(0, name.length() - 3) + ".expected");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(exp, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private interface Parse {
    CardQr run();
  }

  private static void check(Properties e, Parse parse) {
    String error = e.getProperty("error");
    if (error != null) {
      InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, parse::run);
      assertThat(ex).as("expected " + error).isNotNull();
      assertThat(ex.field() + ":" + ex.reason()).isEqualTo(error);
      return;
    }
    CardQr qr = parse.run();
    CitizenRecord r = qr.record();
    assertThat(qr.kind()).hasToString(e.getProperty("kind"));
    assertThat(r.provenance().level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(r.citizenId().map(CitizenId::value)).isEqualTo(opt(e, "citizenId"));
    assertThat(r.legacyId().map(LegacyId::value)).isEqualTo(opt(e, "legacyId"));
    assertThat(r.fullName().map(VietnameseName::value)).isEqualTo(opt(e, "fullName"));
    assertThat(r.dateOfBirth().map(PartialDate::toIso)).isEqualTo(opt(e, "dateOfBirth"));
    assertThat(r.sex().map(Sex::name)).isEqualTo(opt(e, "sex"));
    assertThat(r.permanentAddress().map(Address::text)).isEqualTo(opt(e, "address"));
    assertThat(r.issueDate().map(LocalDate::toString)).isEqualTo(opt(e, "issueDate"));
    assertThat(
            r.expiry()
                .filter(DocumentExpiry.On.class::isInstance)
                .map(x -> ((DocumentExpiry.On) x).date().toString()))
        .isEqualTo(opt(e, "expiryDate"));
    assertThat(String.join("|", qr.extraFields())).isEqualTo(e.getProperty("extraFields", ""));
    assertThat(
            qr.repairs().stream()
                .map(x -> x.field().jsonName() + ":" + x.kind())
                .collect(Collectors.joining(",")))
        .isEqualTo(e.getProperty("repairs", ""));
    assertThat(
            qr.inconsistencies().stream()
                .map(x -> x.field().jsonName() + ":" + x.finding())
                .collect(Collectors.joining(",")))
        .isEqualTo(e.getProperty("inconsistencies", ""));
    assertThat(qr.healthInsurance().isPresent()).isEqualTo(e.getProperty("cardNumber") != null);
    qr.healthInsurance()
        .ifPresent(
            h -> {
              assertThat(h.cardNumber()).isEqualTo(e.getProperty("cardNumber"));
              assertThat(h.socialInsuranceNumber())
                  .isEqualTo(e.getProperty("socialInsuranceNumber"));
              assertThat(h.fullName().value()).isEqualTo(e.getProperty("fullName"));
              assertThat(h.dateOfBirth().toIso()).isEqualTo(e.getProperty("dateOfBirth"));
              assertThat(h.sex().name()).isEqualTo(e.getProperty("sex"));
              assertThat(h.address().map(Address::text)).isEqualTo(opt(e, "address"));
              assertThat(h.facilityCode()).isEqualTo(opt(e, "facilityCode"));
              assertThat(h.validFrom().map(LocalDate::toString)).isEqualTo(opt(e, "validFrom"));
              assertThat(h.validTo().map(LocalDate::toString)).isEqualTo(opt(e, "validTo"));
            });
  }

  private static Optional<String> opt(Properties e, String key) {
    return Optional.ofNullable(e.getProperty(key));
  }
}
