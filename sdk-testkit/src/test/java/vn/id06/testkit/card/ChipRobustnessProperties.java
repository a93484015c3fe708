package vn.id06.testkit.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a terminal sends, the chip answers with a status word: never an exception. */
class ChipRobustnessProperties {
  private static final ChipKeys KEYS = ChipKeys.create(new SecureRandom());

  private static Chip chip() {
    return new Chip(
        Map.of(
            0x011E, Hex.parse("60145F0104303130365F36063034303030305C026175"),
            0x011C, Hex.parse("31143012060A04007F0007020204020202010202010D")),
        "L898902C<369080619406236",
        "123456",
        KEYS,
        new SecureRandom(),
        true,
        65538);
  }

  @Property(tries = 200)
  void arbitraryApdusGetAStatusWord(@ForAll @Size(max = 12) List<@Size(max = 300) byte[]> apdus) {
    Chip chip = chip();
    for (byte[] apdu : apdus) {
      byte[] r = chip.process(apdu);
      assertThat(r.length).isGreaterThanOrEqualTo(2);
    }
  }

  @Property(tries = 200)
  void arbitraryCommandBodiesGetAStatusWord(
      @ForAll byte cla,
      @ForAll byte ins,
      @ForAll byte p1,
      @ForAll byte p2,
      @ForAll @Size(max = 260) byte[] data) {
    Chip chip = chip();
    chip.process(Hex.parse("00A4040C07A0000002471001"));
    chip.process(Hex.parse("0022C1A40F800A04007F00070202040202830101"));
    byte[] header = {cla, ins, p1, p2};
    byte[] apdu =
        data.length == 0
            ? header
            : data.length < 256
                ? Hex.concat(header, new byte[] {(byte) data.length}, data, new byte[] {0})
                : Hex.concat(
                    header,
                    new byte[] {0, (byte) (data.length >> 8), (byte) data.length},
                    data,
                    new byte[] {0, 0});
    assertThat(chip.process(apdu).length).isGreaterThanOrEqualTo(2);
  }
}
