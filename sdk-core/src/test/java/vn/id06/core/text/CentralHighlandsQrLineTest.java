package vn.id06.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * Whole QR lines holding Central Highlands names and addresses, each field damaged the same way.
 * The Kinh words of the address ("Xã", "Huyện", "Tỉnh") and the sex field prove a legacy encoding
 * for the line, which then reads the Highlands words: each line comes back exact or is refused,
 * never with a name or address passed through damaged.
 */
class CentralHighlandsQrLineTest {
  private final CardQrParser parser = CardQrParser.standard();

  static List<String> addresses() {
    return CentralHighlands.PLACES.stream()
        .map(p -> "Buôn Ko Siêr, Xã " + p + ", Huyện Krông Pắc, Tỉnh Đắk Lắk")
        .toList();
  }

  private static UnaryOperator<String> damage(String encoding) {
    return switch (encoding) {
      case "TCVN3" -> Damage::tcvn3;
      case "VNI" -> Damage::vni;
      case "VISCII" -> Damage::viscii;
      case "NFD" -> Damage::nfd;
      case "ETH" -> Damage::eth;
      default -> throw new IllegalArgumentException(encoding);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TCVN3",
        "VNI",
        "VISCII",
        "NFD",
        "ETH",
        "windows-1252",
        "ISO-8859-1",
        "windows-1258"
      })
  void everyLineComesBackExactOrIsRefused(String encoding) {
    int exact = 0;
    int total = 0;
    List<String> names = CentralHighlands.names();
    List<String> addresses = addresses();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String address = addresses.get(i % addresses.size());
      String sex = name.contains("H'") ? "Nữ" : "Nam";
      String clean = "079190012345|271234567|" + name + "|14031990|" + sex + "|" + address;
      String line;
      if (encoding.contains("-")) {
        // As Windows shows it: the bytes a code page leaves undefined become C1 controls (Java's
        // decoders make them U+FFFD instead; GarbledNameTest covers that).
        line = Damage.utf8ReadAs(clean + "|01072021", encoding);
      } else {
        UnaryOperator<String> d = damage(encoding);
        line =
            "079190012345|271234567|"
                + d.apply(name)
                + "|14031990|"
                + d.apply(sex)
                + "|"
                + d.apply(address)
                + "|01072021";
      }
      total++;
      InvalidInputException refused =
          catchThrowableOfType(InvalidInputException.class, () -> parser.parse(line));
      if (refused != null) {
        assertThat(refused.reason())
            .as("%s: %s", encoding, name)
            .isEqualTo(InputReason.UNREPAIRABLE_TEXT);
        continue;
      }
      CardQr qr = parser.parse(line);
      assertThat(qr.record().fullName().orElseThrow().value())
          .as("%s: %s", encoding, name)
          .isEqualTo(name);
      assertThat(qr.record().permanentAddress().orElseThrow().text())
          .as("%s: %s", encoding, address)
          .isEqualTo(vn.id06.core.address.Address.parse(address).text());
      exact++;
    }
    System.out.printf("Central Highlands QR lines, %s: %d exact of %d%n", encoding, exact, total);
    // docs/TEXT-REPAIR.md: every line exact under every damage (72 of 72).
    assertThat(total).isEqualTo(CentralHighlands.names().size());
    assertThat(exact).as("%s exact", encoding).isEqualTo(total);
  }
}
