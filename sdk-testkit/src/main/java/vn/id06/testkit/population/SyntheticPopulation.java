package vn.id06.testkit.population;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;

/**
 * A synthetic population in which citizen {@code i} is a pure function of {@code (seed, i)}:
 * nothing is stored, so two million citizens cost no memory, and citizen {@code i} is the same for
 * any population size {@code N > i}.
 *
 * <p>All data is invented. Names follow public descriptions of Vietnamese naming: a family name,
 * middle names and a given name for the Kinh majority; for the Ê Đê and Jrai peoples of the Central
 * Highlands, the gender words "Y" (men) and "H'" (women) and their own family names (see the
 * Wikipedia articles "Vietnamese name", "Ê Đê people" and "Jarai people"). ID numbers follow the
 * structure of Decree 137/2015/NĐ-CP and Circular 07/2016/TT-BCA ({@code PPP G YY RRRRRR});
 * addresses use the 63 provincial units before and the 34 after Resolution 202/2025/QH15.
 *
 * <p>Look-ups by ID and by old ID are exact and need no index: the random part of the 12-digit
 * number and the whole old number are invertible permutations of the index.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticPopulation {

  private static final long BLOCK = 1_000_000L;
  private static final long LEGACY_SPACE = 1_000_000_000L;
  private static final long SIN_SPACE = 10_000_000_000L;

  private static final String[] FAMILY = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
    "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lưu", "Mai",
    "Tạ", "Trịnh", "Đoàn", "Lâm", "Quách", "Tô", "Thái", "Ông", "Âu", "Khổng", "Kiều", "Ứng", "Lã",
    "Giáp"
  };
  private static final String[] MIDDLE_MALE = {
    "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân", "Gia", "Ngọc", "Thế",
    "Đình", "Trọng", "Duy", "Quang", "Bá", "Khắc", "Mạnh"
  };
  private static final String[] MIDDLE_FEMALE = {
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bảo", "Mỹ", "Diệu", "Khánh", "Phương",
    "Hồng", "Ánh", "Tường", "Quỳnh", "Hoài"
  };
  private static final String[] GIVEN_MALE = {
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khải", "Khoa", "Kiên",
    "Lâm", "Lộc", "Long", "Mạnh", "Nam", "Nghĩa", "Phúc", "Quân", "Quý", "Sơn", "Tài", "Thắng",
    "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vĩnh", "Vỹ", "Ẩn", "Ước", "Lực",
    "Chiến", "Thuận", "Hưởng", "Khiêm", "Tiến", "Nhật", "Dư", "Ổn", "Hỷ"
  };
  private static final String[] GIVEN_FEMALE = {
    "Anh", "Ánh", "Chi", "Diễm", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng",
    "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh",
    "Phượng", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơ", "Thủy", "Thư", "Trang", "Trinh", "Tuyết",
    "Uyên", "Vân", "Yến", "Ý", "Ngữ", "Nhạn", "Khuê", "Ỷ Lan", "Lụa", "Cúc", "Thắm", "Ngọc Ẩn"
  };
  private static final String[] EDE_FAMILY = {
    "Niê", "Mlô", "Êban", "Byă", "Ayun", "Adrơng", "Hwing", "Kdăm", "Niê Kdăm", "Buôn Yă"
  };
  private static final String[] JRAI_FAMILY = {
    "Ksor", "Rơ Châm", "Rơ Mah", "Siu", "Kpă", "Nay", "Rah Lan", "Rơ Ô", "Puih"
  };
  private static final String[] HIGHLANDS_GIVEN_MALE = {
    "Bhin", "Blốc", "Thuôn", "Dhin", "Jút", "Kuênh", "Nuê", "Moan", "Wang", "Krông", "Đhiêng"
  };
  private static final String[] HIGHLANDS_GIVEN_FEMALE = {
    "Bơ", "Hen", "Nơ", "Yơn", "Lim", "Brui", "Juel", "Nhi", "Ngơn", "Blin", "Đăm"
  };
  private static final String[] COMMUNE = {
    "Tân Lập", "An Phú", "Hòa Bình", "Phước Hải", "Đông Hưng", "Yên Thế", "Thạch Bàn", "Nhơn Lý",
    "Cát Tiến", "Hưng Lợi", "Quảng Điền", "Vĩnh Thạnh", "Mỹ Đức", "Nghĩa Đô", "Ea Tu", "Ia Grai",
    "Đắk Mil", "Krông Búk", "Chư Păh", "Ea H'leo", "Tam Kỳ", "Ngũ Hiệp", "Bàu Bàng", "Ô Chợ Dừa"
  };
  private static final String[] DISTRICT = {
    "Tuy Phước", "Phù Cát", "Hoài Nhơn", "Thủ Đức", "Ba Đình", "Cầu Giấy", "Ninh Hải", "Krông Pắc",
    "Cư M'gar", "Đông Anh", "Châu Thành", "Lục Ngạn", "Ứng Hòa", "Ý Yên", "Đầm Dơi", "Kỳ Anh"
  };
  private static final String[] VILLAGE = {
    "Thôn", "Ấp", "Xóm", "Tổ dân phố", "Khu phố", "Bản", "Buôn", "Plei", "Làng"
  };
  private static final String[] STREET = {
    "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Điện Biên Phủ", "Lý Thường Kiệt",
    "Phạm Ngũ Lão", "Võ Thị Sáu", "Y Jút", "Phan Đình Phùng", "Ngô Quyền", "Đống Đa"
  };

  private final long seed;
  private final long size;
  private final List<AdministrativeUnit> oldProvinces;
  // The unit in force after the 2025 reform for each old province, by index: computed once.
  private final AdministrativeUnit[] successors;
  // Each old province's code, by index.
  private final String[] provinceCodes;
  private final AdministrativeUnits units;
  private final long idMul;
  private final long idAdd;
  private final long idInv;
  private final long legacyMul;
  private final long legacyAdd;
  private final long legacyInv;
  private final long sinMul;
  private final long sinAdd;

  private SyntheticPopulation(long seed, long size) {
    if (size < 1 || size > 100 * BLOCK) {
      throw new IllegalArgumentException("size must be between 1 and 100000000");
    }
    this.seed = seed;
    this.size = size;
    this.units = AdministrativeUnits.builtIn();
    this.oldProvinces = units.provincesOn(units.reformDate().minusDays(1));
    this.successors = new AdministrativeUnit[oldProvinces.size()];
    this.provinceCodes = new String[oldProvinces.size()];
    for (int k = 0; k < successors.length; k++) {
      successors[k] = units.successorOn(oldProvinces.get(k), units.reformDate());
      provinceCodes[k] = oldProvinces.get(k).code();
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x1d06_1d06_1d06_1d06L);
    this.idMul = coprimeTo10(r, BLOCK);
    this.idAdd = r.nextLong(BLOCK);
    this.idInv = BigInteger.valueOf(idMul).modInverse(BigInteger.valueOf(BLOCK)).longValueExact();
    this.legacyMul = coprimeTo10(r, LEGACY_SPACE);
    this.legacyAdd = r.nextLong(LEGACY_SPACE);
    this.legacyInv =
        BigInteger.valueOf(legacyMul).modInverse(BigInteger.valueOf(LEGACY_SPACE)).longValueExact();
    this.sinMul = coprimeTo10(r, SIN_SPACE);
    this.sinAdd = r.nextLong(SIN_SPACE);
  }

  /**
   * Creates a population.
   *
   * @param seed the seed; the same seed gives the same people
   * @param size the number of citizens, 1 to 100,000,000
   * @return the population
   */
  public static SyntheticPopulation of(long seed, long size) {
    return new SyntheticPopulation(seed, size);
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of citizens.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Generates citizen {@code i}.
   *
   * @param index 0 to {@code size() - 1}
   * @return the citizen
   * @throws IndexOutOfBoundsException if the index is outside the population
   */
  public SyntheticCitizen citizen(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index outside the population");
    }
    return generate(index);
  }

  /**
   * Finds a citizen by the 12-digit ID.
   *
   * @param citizenId the number
   * @return the citizen, or empty if nobody in this population has it
   */
  public Optional<SyntheticCitizen> byCitizenId(String citizenId) {
    if (citizenId == null || citizenId.length() != 12 || !digits(citizenId)) {
      return Optional.empty();
    }
    long rr = Long.parseLong(citizenId.substring(6));
    long low = Math.floorMod(multiplyMod(rr - idAdd, idInv, BLOCK), BLOCK);
    String wanted = citizenId.substring(0, 6);
    for (long i = low; i < size; i += BLOCK) {
      Demography d = demography(i);
      if (d.prefix(provinceCodes).equals(wanted)) {
        return Optional.of(generate(i, d));
      }
    }
    return Optional.empty();
  }

  /**
   * Finds a citizen by the 9-digit old ID.
   *
   * @param legacyId the number
   * @return the citizen, or empty if nobody in this population has it
   */
  public Optional<SyntheticCitizen> byLegacyId(String legacyId) {
    if (legacyId == null || legacyId.length() != 9 || !digits(legacyId)) {
      return Optional.empty();
    }
    long l = Long.parseLong(legacyId);
    long i = Math.floorMod(multiplyMod(l - legacyAdd, legacyInv, LEGACY_SPACE), LEGACY_SPACE);
    if (i >= size) {
      return Optional.empty();
    }
    SyntheticCitizen c = generate(i);
    return c.legacyId().filter(legacyId::equals).map(x -> c);
  }

  private static boolean digits(String s) {
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private static long coprimeTo10(SplittableRandom r, long space) {
    long m;
    do {
      m = r.nextLong(space / 3, space);
    } while (m % 2 == 0 || m % 5 == 0);
    return m;
  }

  /** {@code a * b mod m}, in {@code [0, m)}. */
  private static long multiplyMod(long a, long b, long m) {
    long product;
    try {
      product = Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      // Not reached for populations of up to 100 million; kept exact all the same.
      return BigInteger.valueOf(a)
          .multiply(BigInteger.valueOf(b))
          .mod(BigInteger.valueOf(m))
          .longValue();
    }
    return Math.floorMod(product, m);
  }

  /** {@code value} in decimal, zero-padded on the left to {@code width} ASCII digits. */
  static String pad(long value, int width) {
    return pad(new StringBuilder(width), value, width).toString();
  }

  private static StringBuilder pad(StringBuilder b, long value, int width) {
    String digits = Long.toString(value);
    for (int k = digits.length(); k < width; k++) {
      b.append('0');
    }
    return b.append(digits);
  }

  private SplittableRandom rng(long index, long stream) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream);
  }

  /** The demographic draw that fixes the ID prefix: province index, sex, birth year. */
  private record Demography(int province, boolean female, int year) {
    String prefix(String[] provinceCodes) {
      int century = year / 100;
      int g = (century - 19) * 2 + (female ? 1 : 0);
      return pad(new StringBuilder(6).append(provinceCodes[province]).append(g), year % 100, 2)
          .toString();
    }
  }

  private Demography demography(long index) {
    SplittableRandom r = rng(index, 1);
    long block = index / BLOCK;
    long low = index % BLOCK;
    while (true) {
      Demography d = drawDemography(r);
      String p = d.prefix(provinceCodes);
      boolean clash = false;
      for (long k = 0; k < block && !clash; k++) {
        clash = prefix(low + k * BLOCK).equals(p);
      }
      if (!clash) {
        return d;
      }
    }
  }

  private Demography drawDemography(SplittableRandom r) {
    int province = r.nextInt(oldProvinces.size());
    boolean female = r.nextBoolean();
    // Ages weighted towards working age: a triangular draw between 1935 and 2024.
    int year = 1935 + (r.nextInt(90) + r.nextInt(90)) / 2;
    return new Demography(province, female, year);
  }

  private String prefix(long index) {
    return demography(index).prefix(provinceCodes);
  }

  private SyntheticCitizen generate(long index) {
    return generate(index, demography(index));
  }

  private SyntheticCitizen generate(long index, Demography d) {
    SplittableRandom r = rng(index, 2);
    AdministrativeUnit birthProvince = oldProvinces.get(d.province());
    long rr = Math.floorMod(multiplyMod(index % BLOCK, idMul, BLOCK) + idAdd, BLOCK);
    String citizenId = pad(new StringBuilder(12).append(d.prefix(provinceCodes)), rr, 6).toString();

    boolean highlands = isHighlands(birthProvince.code()) && r.nextInt(100) < 35;
    String ethnicity;
    String name;
    if (highlands) {
      boolean ede = r.nextBoolean();
      ethnicity = ede ? "Ê Đê" : "Gia Rai";
      name = highlandsName(r, ede, d.female());
    } else {
      ethnicity = "Kinh";
      name = kinhName(r, d.female());
    }

    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(LocalDate.of(d.year(), month, 1).lengthOfMonth());
    int precisionDraw = r.nextInt(1000);
    String dob;
    if (precisionDraw < (d.year() < 1960 ? 60 : 15)) {
      dob = Integer.toString(d.year());
    } else if (precisionDraw < (d.year() < 1960 ? 90 : 25)) {
      dob = pad(pad(new StringBuilder(7), d.year(), 4).append('-'), month, 2).toString();
    } else {
      StringBuilder b = pad(new StringBuilder(10), d.year(), 4).append('-');
      dob = pad(pad(b, month, 2).append('-'), day, 2).toString();
    }

    Optional<String> legacy = Optional.empty();
    if (d.year() <= 2005 && r.nextInt(100) < 60) {
      long l = Math.floorMod(multiplyMod(index, legacyMul, LEGACY_SPACE) + legacyAdd, LEGACY_SPACE);
      legacy = Optional.of(pad(l, 9));
    }

    String origin = oldStyleAddress(r, oldProvinces.get(r.nextInt(oldProvinces.size())), false);
    String address;
    if (r.nextBoolean()) {
      address = oldStyleAddress(r, r.nextInt(3) == 0 ? birthProvince : randomOld(r), true);
    } else {
      address = newStyleAddress(r, successors[d.province()]);
    }

    int lifeDraw = r.nextInt(1000);
    int age = 2026 - d.year();
    String life = "ALIVE";
    if (lifeDraw < (age > 70 ? 150 : 12)) {
      life = "DECEASED";
    } else if (lifeDraw >= 997) {
      life = "MISSING";
    }

    Optional<SyntheticCitizen.InsuranceCard> card = Optional.empty();
    if (r.nextInt(100) < 88) {
      long sin = Math.floorMod(multiplyMod(index, sinMul, SIN_SPACE) + sinAdd, SIN_SPACE);
      String sinText = pad(sin, 10);
      int validYear = r.nextInt(100) < 85 ? 2026 : 2024;
      String facility = birthProvince.code().substring(1) + " - " + pad(1 + r.nextInt(250), 3);
      card =
          Optional.of(
              new SyntheticCitizen.InsuranceCard(
                  sinText,
                  sinText,
                  facility,
                  LocalDate.of(validYear, 1, 1),
                  LocalDate.of(validYear, 12, 31)));
    }
    LocalDate issue = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(365 * 5));
    String household =
        pad(new StringBuilder(12).append("HK").append(birthProvince.code()), index / 4, 7)
            .toString();
    return new SyntheticCitizen(
        index,
        citizenId,
        legacy,
        name,
        dob,
        d.female() ? "FEMALE" : "MALE",
        origin,
        address,
        ethnicity,
        life,
        household,
        card,
        issue);
  }

  private AdministrativeUnit randomOld(SplittableRandom r) {
    return oldProvinces.get(r.nextInt(oldProvinces.size()));
  }

  private static boolean isHighlands(String code) {
    return switch (code) {
      case "062", "064", "066", "067", "068" -> true;
      default -> false;
    };
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static String kinhName(SplittableRandom r, boolean female) {
    StringBuilder b = new StringBuilder(pick(r, FAMILY)).append(' ');
    b.append(pick(r, female ? MIDDLE_FEMALE : MIDDLE_MALE)).append(' ');
    if (r.nextInt(100) < 20) {
      b.append(pick(r, female ? MIDDLE_FEMALE : MIDDLE_MALE)).append(' ');
    }
    return b.append(pick(r, female ? GIVEN_FEMALE : GIVEN_MALE)).toString();
  }

  private static String highlandsName(SplittableRandom r, boolean ede, boolean female) {
    String given = pick(r, female ? HIGHLANDS_GIVEN_FEMALE : HIGHLANDS_GIVEN_MALE);
    if (ede) {
      // Ê Đê: gender word first, then the given name, then the family name (matrilineal).
      return (female ? "H'" : "Y ") + given + " " + pick(r, EDE_FAMILY);
    }
    // Jrai: family name first; women's given names carry the "H'" gender word.
    return pick(r, JRAI_FAMILY) + " " + (female ? "H'" : "") + given;
  }

  private static String provinceWord(AdministrativeUnit p) {
    return p.level() == AdministrativeUnit.Level.CITY ? "thành phố " : "tỉnh ";
  }

  private static String oldStyleAddress(
      SplittableRandom r, AdministrativeUnit province, boolean withStreet) {
    StringBuilder b = new StringBuilder();
    if (withStreet && r.nextBoolean()) {
      b.append("Số ").append(1 + r.nextInt(300)).append(" đường ").append(pick(r, STREET));
    } else {
      b.append(pick(r, VILLAGE)).append(' ').append(1 + r.nextInt(15));
    }
    b.append(", xã ").append(pick(r, COMMUNE));
    b.append(", huyện ").append(pick(r, DISTRICT));
    return b.append(", ").append(provinceWord(province)).append(province.name()).toString();
  }

  private static String newStyleAddress(SplittableRandom r, AdministrativeUnit province) {
    StringBuilder b = new StringBuilder();
    b.append(pick(r, VILLAGE)).append(' ').append(1 + r.nextInt(15));
    b.append(r.nextBoolean() ? ", xã " : ", phường ").append(pick(r, COMMUNE));
    return b.append(", ").append(provinceWord(province)).append(province.name()).toString();
  }

  @Override
  public String toString() {
    return "SyntheticPopulation[seed=" + seed + ", size=" + size + "]";
  }
}
