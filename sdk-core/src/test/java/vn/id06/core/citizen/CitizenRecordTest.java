package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.id06.core.address.Address;

class CitizenRecordTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
  private static final String ID = "052301004567";
  private static final String NAME = "Phạm Thị Thuý Hoà";
  private static final String ADDRESS =
      "Thôn Synthetic, Xã Phước Thuận, Huyện Tuy Phước, Bình Định";

  private static CitizenRecord full() {
    return CitizenRecord.builder(Provenance.cardQr(T))
        .citizenId(CitizenId.parse(ID))
        .legacyId(LegacyId.parse("215678901"))
        .fullName(VietnameseName.of(NAME))
        .dateOfBirth(PartialDate.of(2001, 7, 23))
        .sex(Sex.FEMALE)
        .permanentAddress(Address.parse(ADDRESS))
        .placeOfOrigin(Address.parse("Xã Synthetic, Tỉnh Gia Lai"))
        .issueDate(LocalDate.of(2021, 4, 12))
        .expiry(DocumentExpiry.on(LocalDate.of(2026, 7, 23)))
        .build();
  }

  @Test
  void gettersReturnWhatWasSet() {
    CitizenRecord r = full();
    assertThat(r.provenance().level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(r.citizenId()).contains(CitizenId.parse(ID));
    assertThat(r.legacyId()).contains(LegacyId.parse("215678901"));
    assertThat(r.fullName()).contains(VietnameseName.of(NAME));
    assertThat(r.dateOfBirth()).contains(PartialDate.of(2001, 7, 23));
    assertThat(r.sex()).contains(Sex.FEMALE);
    assertThat(r.permanentAddress()).contains(Address.parse(ADDRESS));
    assertThat(r.placeOfOrigin()).isPresent();
    assertThat(r.issueDate()).contains(LocalDate.of(2021, 4, 12));
    assertThat(r.expiry()).contains(DocumentExpiry.on(LocalDate.of(2026, 7, 23)));
    assertThat(r).isEqualTo(full()).hasSameHashCodeAs(full());
  }

  @Test
  void emptyRecord() {
    CitizenRecord r = CitizenRecord.builder(Provenance.selfDeclared(T)).build();
    assertThat(r.citizenId()).isEmpty();
    assertThat(r.fullName()).isEmpty();
    assertThat(r.dateOfBirth()).isEmpty();
    assertThat(r.sex()).isEmpty();
    assertThat(r.permanentAddress()).isEmpty();
    assertThat(r.expiry()).isEmpty();
    assertThat(r).isNotEqualTo(full());
    assertThat(r.toString()).contains("citizenId=none").contains("SELF_DECLARED");
  }

  @Test
  void toStringMasksEverything() {
    CitizenRecord r = full();
    String s = r.toString();
    assertThat(s).contains("052*******67").doesNotContain(ID).doesNotContain("3010045");
    assertThat(s)
        .doesNotContain("Phạm")
        .doesNotContain("Thuý")
        .doesNotContain("Hoà")
        .doesNotContain("2001")
        .doesNotContain("2021")
        .doesNotContain("2026")
        .doesNotContain("Synthetic")
        .doesNotContain("Phước")
        .doesNotContain("Bình Định")
        .doesNotContain("FEMALE")
        .doesNotContain("215678901")
        .doesNotContain("5678");
    assertThat(s).contains("fullName").contains("dateOfBirth");
    String builder =
        CitizenRecord.builder(Provenance.cardQr(T))
            .citizenId(CitizenId.parse(ID))
            .fullName(VietnameseName.of(NAME))
            .toString();
    assertThat(builder).doesNotContain(ID).doesNotContain("Phạm");
  }
}
