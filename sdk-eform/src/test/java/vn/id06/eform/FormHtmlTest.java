package vn.id06.eform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.id06.core.address.Address;
import vn.id06.eform.Fixtures.Source;

class FormHtmlTest {
  @Test
  void valuesAreEscapedAndNothingIsLoadedFromElsewhere() {
    String hostile = "<script>alert(1)</script>\"' onmouseover=x, Thành phố Hồ Chí Minh";
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(
                FormTemplates.builtIn().get("judicial-record"),
                Fixtures.record(Source.GATEWAY, b -> b.permanentAddress(Address.parse(hostile))));
    String html = p.toHtml();
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("\"' onmouseover")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=x");
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("http:")
        .doesNotContain("https:")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .contains("default-src 'none'");
  }

  @Test
  void lockedFieldsAreShownLockedWithTheirSource() {
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(
                FormTemplates.builtIn().get("permanent-residence"),
                Fixtures.record(Source.GATEWAY),
                Fixtures.record(Source.CITIZEN));
    String html = p.toHtml();
    assertThat(html)
        .contains("id=\"fullName\" name=\"fullName\" value=\"" + Fixtures.NAME + "\" readonly>")
        .contains("Locked")
        .contains("gateway (POPULATION_DATABASE")
        .contains("request req-0001");
    assertThat(html).contains("id=\"phone\" name=\"phone\">");
    assertThat(FormHtml.escape("a&b<c>\"'")).isEqualTo("a&amp;b&lt;c&gt;&quot;&#39;");
  }

  @Test
  void addressesToConfirmSayTheyAreToConfirm() {
    PrefilledForm p =
        Fixtures.prefiller()
            .prefill(
                FormTemplates.builtIn().get("permanent-residence"),
                Fixtures.record(
                    Source.QR, b -> b.permanentAddress(Address.parse(Fixtures.ADDRESS_OLD))));
    assertThat(p.toHtml())
        .contains("To confirm under today")
        .contains("value=\"Tỉnh Gia Lai\" readonly>")
        .contains(Fixtures.ADDRESS_OLD);
  }
}
