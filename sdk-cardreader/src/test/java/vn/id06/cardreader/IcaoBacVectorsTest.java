package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.id06.cardreader.Crypto.Family;

/** ICAO 9303 part 11 appendix D.2-D.4, byte for byte, against a scripted card. */
class IcaoBacVectorsTest {

  private static final AccessKey KEY =
      AccessKey.ofDocument("L898902C", LocalDate.of(1969, 8, 6), LocalDate.of(1994, 6, 23));

  @Test
  void d2KeyDerivation() {
    assertThat(KEY.mrzInformation()).isEqualTo("L898902C<369080619406236");
    byte[] seed = Bac.keySeed(KEY.mrzInformation());
    assertThat(Hex.encode(seed)).isEqualTo("239AB9CB282DAF66231DC5A4DF6BFBAE");
    assertThat(Hex.encode(Crypto.kdf(seed, 1, Family.DES3, 16)))
        .isEqualTo("AB94FDECF2674FDFB9B391F85D7F76F2");
    assertThat(Hex.encode(Crypto.kdf(seed, 2, Family.DES3, 16)))
        .isEqualTo("7962D9ECE03D1ACD4C76089DCE131543");
  }

  @Test
  void d3MutualAuthenticationAndD4SecureMessaging() {
    ScriptedCard card =
        new ScriptedCard()
            .expect("0084000008", "4608F919887022129000")
            .expect(
                "0082000028 72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
                    + " 5F1448EEA8AD90A7 28",
                "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"
                    + "9000")
            .expect(
                "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
                "990290008E08FA855A5D4C50A8ED9000")
            .expect(
                "0CB000000D9701048E08ED6705417E96BA5500",
                "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")
            .expect(
                "0CB000040D9701128E082EA28A70F3C7B53500",
                "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D74"
                    + "9000");
    CardSession session = new CardSession(card, new ApduLog(), Clock.systemUTC(), null);
    Bac.authenticate(
        session, KEY, new ScriptedRandom("781723860C06C226", "0B795240CB7049B01C19B33E32804F0B"));
    assertThat(Hex.encode(session.secureMessaging().ssc())).isEqualTo("887022120C06C226");

    Response select = session.send(new Apdu(0, 0xA4, 2, 0x0C, Hex.decode("011E"), Apdu.NO_LE));
    assertThat(select.sw).isEqualTo(0x9000);
    Response first = session.send(new Apdu(0, 0xB0, 0, 0, new byte[0], 4));
    assertThat(Hex.encode(first.data())).isEqualTo("60145F01");
    Response rest = session.send(new Apdu(0, 0xB0, 0, 4, new byte[0], 0x12));
    assertThat(Hex.encode(rest.data())).isEqualTo("04303130365F36063034303030305C026175");
    assertThat(Hex.encode(session.secureMessaging().ssc())).isEqualTo("887022120C06C22C");
    assertThat(card.done()).isTrue();
    assertThat(session.log().count()).isEqualTo(5);
  }

  @Test
  void aesSecureMessagingVector() {
    SecureMessaging sm =
        new SecureMessaging(
            Family.AES,
            Hex.decode("cc86415f2ed7e8fd663b754265695ae1"),
            Hex.decode("581e84b8ee06c4d3eee30461498d7fb3"),
            Hex.decode("000000000000000000000000000000ba"));
    byte[] wrapped = sm.wrap(Apdu.parse(Hex.decode("002241A40F800a04007f000702020302028401c3")));
    assertThat(Hex.encode(wrapped))
        .isEqualTo("0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200");
  }
}
