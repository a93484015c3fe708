package vn.id06.eform;

import java.util.Optional;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.Provenance;

/**
 * Renders a prefilled form as one self-contained HTML page. Every text that reaches the page goes
 * through {@link #escape}; the page loads nothing (a content security policy forbids it).
 * Stateless.
 */
final class FormHtml {
  private static final String STYLE =
      "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
          + "label{display:block;font-weight:bold;margin-top:1em}"
          + "input{width:100%;box-sizing:border-box;padding:.3em}"
          + "input[readonly]{background:#eee;border:1px solid #888}"
          + ".src{font-size:.85em;color:#333}.confirm{color:#8a4b00}.conflict{color:#a00}"
          + "fieldset{margin-top:1em}";

  private FormHtml() {}

  static String render(PrefilledForm form) {
    FormDefinition d = form.definition();
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; form-action 'none'\">\n")
        .append("<title>")
        .append(escape(d.title().vi()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(d.title().vi()))
        .append(" / ")
        .append(escape(d.title().en()))
        .append("</h1>\n<p>")
        .append(escape(d.legalForm().instrument()))
        .append(" &mdash; ")
        .append(escape(d.legalForm().form()))
        .append("</p>\n");
    for (Conflict c : form.conflicts()) {
      h.append("<p class=\"conflict\">Nguồn dữ liệu không thống nhất / Sources disagree: ")
          .append(escape(c.path()))
          .append(" (");
      for (int i = 0; i < c.candidates().size(); i++) {
        PrefilledValue v = c.candidates().get(i);
        h.append(i == 0 ? "" : "; ")
            .append(escape(v.value()))
            .append(" &larr; ")
            .append(escape(source(v.provenance())));
      }
      h.append(")</p>\n");
    }
    h.append("<form>\n");
    for (FormField f : d.fields()) {
      if (f.type() == FieldType.PERSON) {
        h.append("<fieldset><legend>")
            .append(label(f))
            .append("</legend><p class=\"src\">")
            .append(f.repeatMin())
            .append("&ndash;")
            .append(f.repeatMax())
            .append(" &times;</p>");
        for (FormField p : f.fields()) {
          h.append("<label>").append(label(p)).append("</label>");
          input(h, f.id() + "[0]." + p.id(), Optional.empty());
        }
        h.append("</fieldset>\n");
        continue;
      }
      h.append("<label for=\"")
          .append(escape(f.id()))
          .append("\">")
          .append(label(f))
          .append(f.required() ? " *" : "")
          .append("</label>");
      Optional<PrefilledValue> province = form.value(f.id() + PrefilledForm.PROVINCE_SUFFIX);
      if (province.isPresent()) {
        input(h, f.id() + PrefilledForm.PROVINCE_SUFFIX, province);
      }
      input(h, f.id(), form.value(f.id()));
      h.append('\n');
    }
    h.append("</form>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void input(StringBuilder h, String id, Optional<PrefilledValue> value) {
    h.append("<input id=\"").append(escape(id)).append("\" name=\"").append(escape(id)).append('"');
    if (value.isPresent()) {
      PrefilledValue v = value.get();
      h.append(" value=\"").append(escape(v.value())).append('"');
      if (v.locked()) {
        h.append(" readonly");
      }
      h.append('>');
      h.append("<div class=\"src\">");
      if (v.locked()) {
        h.append("&#128274; Đã khóa / Locked &mdash; ");
      }
      h.append(escape(source(v.provenance())));
      h.append("</div>");
      if (v.toConfirm()) {
        h.append("<div class=\"confirm\">Cần xác nhận theo đơn vị hành chính hiện hành")
            .append(" / To confirm under today&#39;s administrative units");
        v.origin()
            .ifPresent(o -> h.append(" (trước đây / formerly: ").append(escape(o)).append(')'));
        h.append("</div>");
      }
    } else {
      h.append('>');
    }
  }

  private static String source(Optional<Provenance> p) {
    return p.map(
            x ->
                "Nguồn / source: "
                    + x.source()
                    + " ("
                    + x.level().name()
                    + ", "
                    + x.obtainedAt()
                    + (x instanceof GatewayProvenance g ? ", request " + g.requestId() : "")
                    + ")")
        .orElse("");
  }

  private static String label(FormField f) {
    return escape(f.label().vi()) + " / " + escape(f.label().en());
  }

  /** Escapes text for HTML element content and double- or single-quoted attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
