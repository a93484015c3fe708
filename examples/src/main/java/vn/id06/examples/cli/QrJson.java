package vn.id06.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.IdInconsistency;
import vn.id06.core.qr.CardQr;
import vn.id06.core.text.Repair;

/** The JSON shape of a parsed card QR, as DESIGN.md's command-line contract gives it. */
final class QrJson {
  private QrJson() {}

  static void write(CardQr qr, PrintWriter out) {
    CitizenRecord r = qr.record();
    try (var json = Json.object(out)) {
      json.field("kind", qr.kind().name());
      r.citizenId().ifPresent(v -> json.field("citizenId", v.value()));
      r.legacyId().ifPresent(v -> json.field("legacyId", v.value()));
      r.fullName().ifPresent(v -> json.field("fullName", v.value()));
      r.dateOfBirth().ifPresent(v -> json.field("dateOfBirth", v.toIso()));
      r.sex().ifPresent(v -> json.field("sex", v.name()));
      r.permanentAddress().ifPresent(v -> json.field("address", v.text()));
      r.issueDate().ifPresent(v -> json.field("issueDate", iso(v)));
      r.expiry()
          .ifPresent(
              v -> {
                if (v instanceof DocumentExpiry.On on) {
                  json.field("expiryDate", iso(on.date()));
                }
              });
      qr.healthInsurance()
          .ifPresent(
              card -> {
                json.field("cardNumber", card.cardNumber())
                    .field("socialInsuranceNumber", card.socialInsuranceNumber());
                card.facilityCode().ifPresent(v -> json.field("facilityCode", v));
                card.validFrom().ifPresent(v -> json.field("validFrom", iso(v)));
                card.validTo().ifPresent(v -> json.field("validTo", iso(v)));
              });
      json.strings("extraFields", qr.extraFields());
      json.startArray("repairs");
      for (Repair repair : qr.repairs()) {
        json.element("field", repair.field().jsonName(), "kind", repair.kind().name());
      }
      json.endArray();
      json.startArray("inconsistencies");
      for (IdInconsistency inconsistency : qr.inconsistencies()) {
        json.element(
            "field", inconsistency.field().jsonName(), "kind", inconsistency.finding().code());
      }
      json.endArray();
    }
  }

  private static String iso(LocalDate date) {
    return date.toString();
  }
}
