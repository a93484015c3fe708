package vn.id06.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** The wire mapping: every value is checked, unknown keys and bad files are refused. */
class WireMappingTest {

  @TempDir Path dir;

  static void refused(String key, String value) {
    assertThatThrownBy(() -> WireMapping.defaults().with(key, value))
        .as(key + "=" + value)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("wireMapping"));
  }

  @Test
  void valuesOfTheWrongShapeAreRefused() {
    refused("lgsp.field.fullName", "Ho Ten");
    refused("lgsp.field.fullName", "<x>");
    refused("lgsp.operation.verify", "1abc");
    refused("bhxh.field.fullName", "ho-ten");
    refused("lgsp.value.match", "a b");
    refused("bhxh.code.valid", "000;004");
    refused("bhxh.tokenPath", "/api/token");
    refused("bhxh.tokenPath", "api/../token");
    refused("bhxh.cardCheckPath", "http://evil/");
    refused("lgsp.endpoint", "a//b");
    refused("bhxh.passwordDigest", "SHA1");
    refused("bhxh.credentialsIn", "cookie");
    refused("lgsp.namespace", "urn:a\"b");
    refused("lgsp.namespace", "");
    refused("lgsp.soapActionPrefix", "a b");
    assertThatThrownBy(() -> WireMapping.defaults().with("lgsp.field.nope", "x"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.UNKNOWN_VALUE));
  }

  @Test
  void goodValuesAreKeptAndCounted() {
    WireMapping m =
        WireMapping.defaults()
            .with("bhxh.code.valid", " 000 , 004,007 ")
            .with("lgsp.value.female", "Nữ")
            .with("lgsp.namespace", "urn:tinh:dancu");
    assertThat(m.codes("bhxh.code.valid")).containsExactly("000", "004", "007");
    assertThat(m.asMap()).containsEntry("lgsp.namespace", "urn:tinh:dancu");
    assertThat(m.toString()).contains("2 names changed");
    assertThat(m).isNotEqualTo(WireMapping.defaults()).isNotEqualTo("x");
    assertThat(WireMapping.defaults().with("lgsp.namespace", "http://dancuquocgia.bca"))
        .isEqualTo(WireMapping.defaults())
        .hasSameHashCodeAs(WireMapping.defaults());
    assertThatThrownBy(() -> m.name("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filesAreBoundedUtf8PropertiesWithKnownKeys() throws IOException {
    Path ok = dir.resolve("ok.properties");
    Files.writeString(ok, "# a province\nlgsp.field.fullName = HoTen\n", StandardCharsets.UTF_8);
    assertThat(WireMapping.load(ok).asMap()).containsEntry("lgsp.field.fullName", "HoTen");

    Path unknown = dir.resolve("unknown.properties");
    Files.writeString(unknown, "lgsp.field.fullname=HoTen\n");
    assertThatThrownBy(() -> WireMapping.load(unknown)).isInstanceOf(InvalidInputException.class);

    Path binary = dir.resolve("binary.properties");
    Files.write(binary, new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> WireMapping.load(binary))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.BINARY_DATA));

    Path escape = dir.resolve("escape.properties");
    Files.writeString(escape, "lgsp.field.fullName=\\uZZZZ\n");
    assertThatThrownBy(() -> WireMapping.load(escape))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.MALFORMED));

    Path big = dir.resolve("big.properties");
    Files.writeString(big, "#" + "x".repeat(70_000));
    assertThatThrownBy(() -> WireMapping.load(big))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.reason()).isEqualTo(InputReason.TOO_LONG));

    assertThatThrownBy(() -> WireMapping.load(dir.resolve("missing")))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo(InputReason.EMPTY));
  }

  @Test
  void textThatXmlCannotCarryIsRefusedBeforeSending() {
    assertThat(SafeXml.escape("f", "a&b<c>\"d'")).isEqualTo("a&amp;b&lt;c&gt;&quot;d&apos;");
    assertThat(SafeXml.escape("f", "tab\tok")).isEqualTo("tab\tok");
    assertThatThrownBy(() -> SafeXml.escape("fullName", "a\u0001b"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fullName"));
    assertThatThrownBy(() -> SafeXml.escape("fullName", "a\uFFFEb"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            SafeXml.declaresDoctype(
                "<?xml version=\"1.0\"?>\n<!doctype x>\n<x/>".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(SafeXml.declaresDoctype("<a><!DOCTYPE x></a>".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }
}
