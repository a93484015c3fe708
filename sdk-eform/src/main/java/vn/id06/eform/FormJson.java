package vn.id06.eform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.id06.core.citizen.ChipProvenance;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.Provenance;

/** Writes a prefilled form as JSON (camelCase keys, absent rather than null). Stateless. */
final class FormJson {
  private FormJson() {}

  static String write(PrefilledForm form) {
    FormDefinition d = form.definition();
    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("form", d.id());
    root.put("formVersion", d.version());
    root.set("title", text(d.title()));
    ObjectNode legal = root.putObject("legalForm");
    legal.put("instrument", d.legalForm().instrument());
    legal.put("form", d.legalForm().form());
    d.legalForm().name().ifPresent(n -> legal.set("name", text(n)));
    root.put("preparedAt", form.preparedAt().toString());
    ArrayNode fields = root.putArray("fields");
    for (FormField f : d.fields()) {
      ObjectNode o = field(f);
      form.value(f.id()).ifPresent(v -> value(o, v));
      form.value(f.id() + PrefilledForm.PROVINCE_SUFFIX)
          .ifPresent(v -> value(o.putObject("province"), v));
      if (f.type() == FieldType.PERSON) {
        o.putArray("entries");
      }
      fields.add(o);
    }
    ArrayNode conflicts = root.putArray("conflicts");
    for (Conflict c : form.conflicts()) {
      ObjectNode o = conflicts.addObject();
      o.put("field", c.path());
      ArrayNode values = o.putArray("values");
      for (PrefilledValue v : c.candidates()) {
        ObjectNode cv = values.addObject();
        cv.put("value", v.value());
        v.provenance().ifPresent(p -> cv.set("provenance", provenance(p)));
      }
    }
    return JsonSupport.write(root);
  }

  private static ObjectNode field(FormField f) {
    ObjectNode o = JsonSupport.MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("type", f.type().jsonName());
    o.set("label", text(f.label()));
    if (f.required()) {
      o.put("required", true);
    }
    f.binding().ifPresent(b -> o.put("binding", b.path()));
    FieldValidation v = f.validation();
    if (!v.equals(FieldValidation.NONE)) {
      ObjectNode vo = o.putObject("validation");
      v.maxLength().ifPresent(m -> vo.put("maxLength", m));
      v.pattern().ifPresent(p -> vo.put("pattern", p.pattern()));
      if (v.notInFuture()) {
        vo.put("notInFuture", true);
      }
      v.dateOfBirthField().ifPresent(s -> vo.put("dateOfBirthField", s));
      v.sexField().ifPresent(s -> vo.put("sexField", s));
    }
    if (!f.options().isEmpty()) {
      ArrayNode opts = o.putArray("options");
      for (ChoiceOption c : f.options()) {
        ObjectNode oo = opts.addObject();
        oo.put("value", c.value());
        oo.set("label", text(c.label()));
      }
    }
    if (f.type() == FieldType.PERSON) {
      ObjectNode r = o.putObject("repeat");
      r.put("min", f.repeatMin());
      r.put("max", f.repeatMax());
      ArrayNode parts = o.putArray("fields");
      List<FormField> ps = f.fields();
      ps.forEach(p -> parts.add(field(p)));
    }
    return o;
  }

  private static void value(ObjectNode o, PrefilledValue v) {
    o.put("value", v.value());
    o.put("locked", v.locked());
    v.provenance().ifPresent(p -> o.set("provenance", provenance(p)));
    v.origin().ifPresent(s -> o.put("origin", s));
    if (v.toConfirm()) {
      o.put("toConfirm", true);
    }
  }

  /** Source, level, time and what the source proved: the request id, the chip's checks. */
  static ObjectNode provenance(Provenance p) {
    ObjectNode o = JsonSupport.MAPPER.createObjectNode();
    o.put("source", p.source());
    o.put("level", p.level().name());
    o.put("obtainedAt", p.obtainedAt().toString());
    // Java 17: no pattern switch; a card QR or a declaration proves nothing beyond its level.
    if (p instanceof GatewayProvenance g) {
      o.put("profile", g.profile());
      o.put("requestId", g.requestId());
      o.put("responseSigned", g.signature().verified());
    } else if (p instanceof ChipProvenance c) {
      o.put("accessProtocol", c.accessProtocol().name());
      o.put("passiveAuthentication", c.passiveAuthentication().name());
      o.put("chipAuthentication", c.chipAuthentication().name());
      o.put("activeAuthentication", c.activeAuthentication().name());
    }
    return o;
  }

  private static ObjectNode text(LocalizedText t) {
    ObjectNode o = JsonSupport.MAPPER.createObjectNode();
    o.put("vi", t.vi());
    o.put("en", t.en());
    return o;
  }
}
