package vn.id06.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Names and place names of the Central Highlands (Tây Nguyên), written in Vietnamese letters
 * outside the Kinh syllable rules: Ê Đê, Jrai, Bahnar and M'nông words. The personal names are
 * synthetic, built from the public naming patterns (a gender word "Y" for men, "H'" for women
 * before the given name; family names such as Ksor, Rơ Châm, Niê, Kdăm, Êban); the place names are
 * public administrative names.
 */
final class CentralHighlands {
  private CentralHighlands() {}

  static final List<String> FAMILY =
      List.of(
          "Ksor",
          "Rơ Châm",
          "Rơ Mah",
          "Siu",
          "Kpă",
          "Nay",
          "Rah Lan",
          "Niê",
          "Mlô",
          "Êban",
          "Byă",
          "Ayun",
          "Adrơng",
          "Hwing",
          "Kdăm",
          "Niê Kdăm",
          "Buôn Yă",
          "Êya");

  static final List<String> GIVEN =
      List.of("Bơ", "Hen", "Moan", "Blôk", "Đăm", "Hră", "Thăm", "Nhi", "Jơ", "Yơn", "Kơ", "Drim");

  /** Place names as they appear in addresses. */
  static final List<String> PLACES =
      List.of(
          "Đắk Lắk",
          "Đăk Tô",
          "Krông Pắc",
          "Krông Bông",
          "Krông Năng",
          "Ea H'leo",
          "Ea Súp",
          "Chư Păh",
          "Chư Sê",
          "Buôn Đôn",
          "Buôn Ma Thuột",
          "Plei Kần",
          "Kon Plông",
          "Kbang",
          "Ia Grai",
          "Ayun Pa",
          "Cư M'gar",
          "M'Đrắk",
          "Đắk R'Lấp",
          "Cư Jút",
          "Tu Mơ Rông",
          "Ia H'Drai",
          "Đạ Tẻh",
          "Đam Rông",
          "Kông Chro",
          "Buôn Ko Siêr",
          "Plei Ơi",
          "Đăk Đoa");

  /** Synthetic personal names: Jrai order (family first) and Ê Đê order (given name first). */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < FAMILY.size(); i++) {
      String family = FAMILY.get(i);
      String given = GIVEN.get(i % GIVEN.size());
      String given2 = GIVEN.get((i + 5) % GIVEN.size());
      out.add("Y " + given + " " + family);
      out.add("H'" + given2 + " " + family);
      out.add(family + " H'" + given);
      out.add(family + " Y " + given2);
    }
    return out;
  }

  /** Every name and place, one entry each. */
  static List<String> all() {
    List<String> out = new ArrayList<>(names());
    out.addAll(PLACES);
    return out;
  }
}
