package vn.id06.testkit.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ICAO Doc 9303 Part 11 worked examples (appendices D.3, D.4 and G.1), reproduced byte for byte
 * from the chip side: the terminal's commands are the published ones, the chip's randoms are
 * injected, and the chip's answers must be the published answers.
 */
class ChipIcaoVectorsTest {
  private static final byte[] EF_COM = Hex.parse("60145F0104303130365F36063034303030305C026175");

  private static String send(Chip chip, String hex) {
    return Hex.of(chip.process(Hex.parse(hex)));
  }

  @Test
  void appendixD3AndD4BacAndSecureMessaging() {
    ScriptedRandom random =
        new ScriptedRandom("4608F91988702212", "0B4F80323EB3191CB04970CB4052790B");
    Chip chip =
        new Chip(
            Map.of(0x011E, EF_COM),
            "L898902C<369080619406236",
            "123456",
            ChipKeys.create(new SecureRandom()),
            random,
            true,
            65538);
    assertThat(send(chip, "00A4040C07A0000002471001")).isEqualTo("9000");
    assertThat(send(chip, "0084000008")).isEqualTo("4608F919887022129000");
    assertThat(
            send(
                chip,
                "0082000028"
                    + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
                    + "5F1448EEA8AD90A728"))
        .isEqualTo(
            "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"
                + "9000");
    // D.4: SELECT EF.COM and two READ BINARY under 3DES secure messaging.
    assertThat(send(chip, "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"))
        .isEqualTo("990290008E08FA855A5D4C50A8ED9000");
    assertThat(send(chip, "0CB000000D9701048E08ED6705417E96BA5500"))
        .isEqualTo("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
    assertThat(send(chip, "0CB000040D9701128E082EA28A70F3C7B53500"))
        .isEqualTo(
            "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000");
  }

  @Test
  void wrongMacEndsTheSessionWith6988() {
    ScriptedRandom random =
        new ScriptedRandom("4608F91988702212", "0B4F80323EB3191CB04970CB4052790B");
    Chip chip =
        new Chip(
            Map.of(0x011E, EF_COM),
            "L898902C<369080619406236",
            "123456",
            ChipKeys.create(new SecureRandom()),
            random,
            true,
            65538);
    send(chip, "00A4040C07A0000002471001");
    send(chip, "0084000008");
    send(
        chip,
        "0082000028"
            + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
            + "5F1448EEA8AD90A728");
    assertThat(send(chip, "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F900"))
        .isEqualTo("6988");
    // The session is gone: even the right command is now refused.
    assertThat(send(chip, "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"))
        .isEqualTo("6987");
  }

  @Test
  void wrongBacKeyIsRefused() {
    ScriptedRandom random = new ScriptedRandom("4608F91988702212");
    Chip chip =
        new Chip(
            Map.of(0x011E, EF_COM),
            "L898902C<369080619406237",
            "123456",
            ChipKeys.create(new SecureRandom()),
            random,
            true,
            65538);
    send(chip, "00A4040C07A0000002471001");
    send(chip, "0084000008");
    assertThat(
            send(
                chip,
                "0082000028"
                    + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
                    + "5F1448EEA8AD90A728"))
        .isEqualTo("6300");
  }

  @Test
  void appendixG1PaceEcdhGenericMapping() {
    ScriptedRandom random =
        new ScriptedRandom(
            "3F00C4D39D153F2B2A214A078D899B22",
            "498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560",
            "107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A");
    Chip chip =
        new Chip(
            Map.of(0x011C, Hex.parse("31143012060A04007F0007020204020202010202010D")),
            "T22000129364081251010318",
            "123456",
            ChipKeys.create(new SecureRandom()),
            random,
            true,
            65538);
    assertThat(send(chip, "0022C1A40F800A04007F00070202040202830101")).isEqualTo("9000");
    assertThat(send(chip, "10860000027C0000"))
        .isEqualTo("7C12801095A3A016522EE98D01E76CB6B98B42C39000");
    assertThat(
            send(
                chip,
                "10860000457C43814104"
                    + "7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                    + "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00"))
        .isEqualTo(
            "7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
                + "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000");
    assertThat(
            send(
                chip,
                "10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                    + "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200"))
        .isEqualTo(
            "7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                + "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000");
    assertThat(send(chip, "008600000C7C0A8508C2B0BD78D94BA86600"))
        .isEqualTo("7C0A86083ABB9674BCE93C089000");
  }

  @Test
  void paceWithAWrongTokenIsRefused() {
    ScriptedRandom random =
        new ScriptedRandom(
            "3F00C4D39D153F2B2A214A078D899B22",
            "498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560",
            "107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A");
    Chip chip =
        new Chip(
            Map.of(),
            "T22000129364081251010318",
            "123456",
            ChipKeys.create(new SecureRandom()),
            random,
            true,
            65538);
    send(chip, "0022C1A40F800A04007F00070202040202830101");
    send(chip, "10860000027C0000");
    send(
        chip,
        "10860000457C43814104"
            + "7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
            + "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00");
    send(
        chip,
        "10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
            + "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200");
    assertThat(send(chip, "008600000C7C0A8508C2B0BD78D94BA86700")).isEqualTo("6300");
  }
}
