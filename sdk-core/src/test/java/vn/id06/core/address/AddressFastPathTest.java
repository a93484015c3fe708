package vn.id06.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.id06.core.internal.citizen.VietnameseText;

/** {@link Address#parse} answers as the regex-based parse it replaced. */
class AddressFastPathTest {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern DASH = Pattern.compile("\\s[-\u2013]\\s");
  private static final Pattern DISTRICT_ACCENTED =
      Pattern.compile("^(huyện|quận|thị xã|thành phố|tp|q|h|tx)(\\s|\\.|\\d).*");
  private static final Pattern DISTRICT_PLAIN =
      Pattern.compile("^(huyen|quan|thi xa|thanh pho)\\s.*");
  private static final Pattern VIET_NAM = Pattern.compile("(?i)vi[eệ]t\\s*nam|vn");

  /** The parse as first written; returns the province and the district flag. */
  private static Object[] reference(String freeText) {
    String text = VietnameseText.nfc(freeText).strip();
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    List<String> parts = new ArrayList<>();
    for (String p : COMMA.split(text, -1)) {
      String s = p.strip();
      if (s.isEmpty()) {
        continue;
      }
      String[] pieces = DASH.split(s, -1);
      if (pieces.length > 1 && units.lookup(s).isEmpty()) {
        for (String piece : pieces) {
          if (!piece.isBlank()) {
            parts.add(piece.strip());
          }
        }
      } else {
        parts.add(s);
      }
    }
    while (!parts.isEmpty() && VIET_NAM.matcher(parts.get(parts.size() - 1)).matches()) {
      parts.remove(parts.size() - 1);
    }
    AdministrativeUnit found = null;
    int provinceIndex = -1;
    if (!parts.isEmpty()) {
      found = units.lookup(parts.get(parts.size() - 1)).orElse(null);
      if (found != null) {
        provinceIndex = parts.size() - 1;
      }
    }
    boolean district = false;
    for (int i = 0; i < parts.size(); i++) {
      if (i != provinceIndex && isDistrict(parts.get(i))) {
        district = true;
      }
    }
    return new Object[] {text, Optional.ofNullable(found), district};
  }

  private static boolean isDistrict(String component) {
    String lower = component.toLowerCase(Locale.ROOT);
    if (DISTRICT_ACCENTED.matcher(lower).matches()) {
      return true;
    }
    return VietnameseText.stripDiacritics(component).equals(component)
        && DISTRICT_PLAIN.matcher(lower).matches();
  }

  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> part =
        Arbitraries.of(
            "Số 12 Đường Lê Lợi",
            "Phường Bến Thành",
            "Thành phố Hồ Chí Minh",
            "TP.HCM",
            "Q.1",
            "q1",
            "Quận 3",
            "QUẬN 3",
            "Huyện Tuy Phước",
            "H. Tuy Phước",
            "Huyền Trân",
            "huyen Tuy Phuoc",
            "huyện",
            "Thị xã An Nhơn",
            "thi xa An Nhon",
            "TX.Sơn Tây",
            "tx Sơn Tây",
            "Tp Vinh",
            "thanh pho Vinh",
            "thành phố\nVinh",
            "Quận\n1",
            "quan\u20281",
            "q\u00851",
            "Việt Nam",
            "VIỆT NAM",
            "viet  nam",
            "VN",
            "vn",
            "Vn",
            "Vietnam",
            "Bà Rịa - Vũng Tàu",
            "Xã A - Huyện B - Tỉnh Bình Định",
            "Tỉnh Bình Định",
            "Bình Định",
            "Ấp 3 – Xã Tân Phú",
            "Hà Nội",
            "Thua Thien Hue",
            "Đắk Lắk",
            "İstanbul",
            "x",
            "-",
            " - ",
            "Ð",
            "Quận\t1",
            "h.",
            "tp\u000B1",
            "q\f2",
            "Thành phố\rHuế",
            "ngõ 5",
            "thôn Đông",
            "Kiến Xương");
    Arbitrary<String> sep = Arbitraries.of(", ", ",", " , ", ",,", ", ");
    return Arbitraries.lazy(
        () ->
            part.list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .flatMap(
                    ps ->
                        sep.list()
                            .ofSize(ps.size())
                            .map(
                                ss -> {
                                  StringBuilder b = new StringBuilder();
                                  for (int i = 0; i < ps.size(); i++) {
                                    if (i > 0) {
                                      b.append(ss.get(i));
                                    }
                                    b.append(ps.get(i));
                                  }
                                  return b.toString();
                                })));
  }

  @Property(tries = 3000)
  void parseMatchesTheRegexParse(@ForAll("addresses") String text) {
    Address a = Address.parse(text);
    Object[] expected = reference(text);
    assertThat(a.text()).isEqualTo(expected[0]);
    assertThat(a.province()).isEqualTo(expected[1]);
    assertThat(a.hasDistrictLevel()).isEqualTo(expected[2]);
  }
}
