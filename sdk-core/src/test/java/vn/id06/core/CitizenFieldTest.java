package vn.id06.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CitizenFieldTest {
  @Test
  void jsonNamesAreUniqueAndRoundTrip() {
    assertThat(Arrays.stream(CitizenField.values()).map(CitizenField::jsonName))
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[a-z][A-Za-z]+"));
    for (CitizenField f : CitizenField.values()) {
      assertThat(CitizenField.fromJsonName(f.jsonName())).contains(f);
    }
    assertThat(CitizenField.fromJsonName("dob")).isEmpty();
  }

  @Test
  void theCommandLinesNamesStay() {
    // The card QR's JSON has always printed these keys; the record's accessor keeps its long name.
    assertThat(CitizenField.PERMANENT_ADDRESS.jsonName()).isEqualTo("address");
    assertThat(CitizenField.EXPIRY.jsonName()).isEqualTo("expiryDate");
    assertThat(CitizenField.HEALTH_INSURANCE_CARD_NUMBER.jsonName()).isEqualTo("cardNumber");
  }

  @Test
  void invalidInputNamesItsCitizenField() {
    var e = new InvalidInputException(CitizenField.FULL_NAME, InputReason.EMPTY, "required");
    assertThat(e.field()).isEqualTo("fullName");
    assertThat(e.citizenField()).contains(CitizenField.FULL_NAME);
    var other = new InvalidInputException("mrz", InputReason.MALFORMED, "3 lines");
    assertThat(other.citizenField()).isEmpty();
    assertThat(other.getMessage()).isEqualTo("mrz: MALFORMED (3 lines)");
  }

  @Test
  void theExceptionTreeCarriesWhatCallersActOn() {
    var refusal = new RemoteRefusalException(429, "RATE", "req-1", true, "rate limited");
    assertThat(refusal).isInstanceOf(Id06Exception.class);
    assertThat(refusal.status()).isEqualTo(429);
    assertThat(refusal.gatewayCode()).isEqualTo("RATE");
    assertThat(refusal.requestId()).isEqualTo("req-1");
    assertThat(refusal.isRetryable()).isTrue();

    var cause = new IllegalStateException("excerpt: Nguyễn Văn An 079190012345");
    var down =
        new UnavailableException(
            UnavailableException.Kind.GATEWAY, 3, "gateway unavailable", cause);
    assertThat(down.attempts()).isEqualTo(3);
    assertThat(down.kind()).isEqualTo(UnavailableException.Kind.GATEWAY);
    // A cause's message may quote personal data: it never reaches getMessage().
    assertThat(down.getMessage()).isEqualTo("gateway unavailable").doesNotContain("079");
    assertThat(down.getCause()).isSameAs(cause);
    assertThatThrownBy(
            () -> new UnavailableException(UnavailableException.Kind.TRANSPORT, -1, "x", null))
        .isInstanceOf(IllegalArgumentException.class);

    var bad =
        new VerificationException(SecurityCheck.RESPONSE_SIGNATURE, "signature invalid", cause);
    assertThat(bad.check()).isEqualTo(SecurityCheck.RESPONSE_SIGNATURE);
    assertThat(bad.getMessage()).doesNotContain("Nguyễn");
  }
}
