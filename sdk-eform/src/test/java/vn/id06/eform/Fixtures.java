package vn.id06.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import vn.id06.core.address.Address;
import vn.id06.core.citizen.AccessProtocol;
import vn.id06.core.citizen.ChipProvenance;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.GatewayProvenance;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofOutcome;
import vn.id06.core.citizen.Provenance;
import vn.id06.core.citizen.ResponseSignature;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.VietnameseName;

/** Synthetic citizens and sources (no real person's data). */
final class Fixtures {
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, VN);

  /** Male, born 1985 (century-sex digit 0, year 85), HCM prefix 079. */
  static final String ID = "079085001234";

  static final String NAME = "Trần Văn Thử";
  static final String ADDRESS_TODAY = "Số 12 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh";

  /** A pre-reform commune that was divided (mapping rows 21997 to two communes, both "part"). */
  static final String ADDRESS_OLD = "Thôn 3, Xã Canh Liên, Huyện Vân Canh, Tỉnh Bình Định";

  private Fixtures() {}

  enum Source {
    GATEWAY,
    CHIP,
    QR,
    CITIZEN
  }

  static Provenance provenance(Source s, Instant at) {
    return switch (s) {
      case GATEWAY ->
          new GatewayProvenance(
              "rest", "req-0001", at, new ResponseSignature.Verified("gw-key-1", "ES256"));
      case CHIP ->
          new ChipProvenance(
              AccessProtocol.PACE,
              ProofOutcome.PROVEN,
              ProofOutcome.PROVEN,
              ProofOutcome.NOT_AVAILABLE,
              at);
      case QR -> Provenance.cardQr(at);
      case CITIZEN -> Provenance.selfDeclared(at);
    };
  }

  static CitizenRecord record(Source s) {
    return record(s, b -> {});
  }

  static CitizenRecord record(Source s, Consumer<CitizenRecord.Builder> change) {
    CitizenRecord.Builder b =
        CitizenRecord.builder(provenance(s, NOW.minusSeconds(60)))
            .citizenId(CitizenId.parse(ID))
            .fullName(VietnameseName.of(NAME))
            .dateOfBirth(PartialDate.of(1985, 3, 14))
            .sex(Sex.MALE)
            .permanentAddress(Address.parse(ADDRESS_TODAY))
            .issueDate(LocalDate.of(2021, 7, 10));
    change.accept(b);
    return b.build();
  }

  static Prefiller prefiller() {
    return Prefiller.builder().clock(CLOCK).build();
  }

  /** Edits a form's JSON as a front end would before posting it back. */
  static String edit(String formJson, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JsonSupport.MAPPER.readTree(formJson);
      change.accept(root);
      return JsonSupport.write(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The field item with this id in a form's JSON. */
  static ObjectNode item(ObjectNode root, String id) {
    for (JsonNode f : root.get("fields")) {
      if (f.get("id").asText().equals(id)) {
        return (ObjectNode) f;
      }
    }
    throw new IllegalArgumentException(id);
  }

  /** The object holding a path's value: the item, or its province object. */
  static ObjectNode holder(ObjectNode root, String path) {
    if (path.endsWith(PrefilledForm.PROVINCE_SUFFIX)) {
      return (ObjectNode)
          item(root, path.substring(0, path.length() - PrefilledForm.PROVINCE_SUFFIX.length()))
              .get("province");
    }
    return item(root, path);
  }
}
