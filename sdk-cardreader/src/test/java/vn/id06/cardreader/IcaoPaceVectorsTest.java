package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.id06.cardreader.Crypto.Family;
import vn.id06.core.VerificationException;

/** ICAO 9303 part 11 appendix G.1 (ECDH, brainpoolP256r1) and G.2 (DH), against a scripted card. */
class IcaoPaceVectorsTest {
  private static final AccessKey KEY =
      AccessKey.ofDocument("T22000129", LocalDate.of(1964, 8, 12), LocalDate.of(2010, 10, 31));

  private static final String PCD_MAP_EC =
      "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
          + "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";
  private static final String PICC_MAP_EC =
      "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
          + "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
  private static final String PCD_EPH_EC =
      "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
          + "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462";
  private static final String PICC_EPH_EC =
      "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
          + "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";

  @Test
  void g1CardAccessAndPassword() {
    List<Pace.PaceInfo> infos =
        Pace.parseCardAccess(Hex.decode("31143012060A04007F0007020204020202010202010D"));
    assertThat(infos).hasSize(1);
    assertThat(infos.get(0).parameterId()).isEqualTo(13);
    assertThat(infos.get(0).supported()).isTrue();
    assertThat(KEY.mrzInformation()).isEqualTo("T22000129364081251010318");
    assertThat(Hex.encode(KEY.pacePassword()))
        .isEqualTo("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
    assertThat(Hex.encode(Crypto.kdf(KEY.pacePassword(), 3, Family.AES, 16)))
        .isEqualTo("89DED1B26624EC1E634C1989302849DD");
  }

  @Test
  void g1EcdhGenericMappingBrainpoolP256r1() {
    ScriptedCard card =
        new ScriptedCard()
            .expect("0022C1A40F800A04007F00070202040202830101", "9000")
            .expect("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000")
            .expect("10860000457C438141" + PCD_MAP_EC + "00", "7C438241" + PICC_MAP_EC + "9000")
            .expect("10860000457C438341" + PCD_EPH_EC + "00", "7C438441" + PICC_EPH_EC + "9000")
            .expect("008600000C7C0A8508C2B0BD78D94BA86600", "7C0A86083ABB9674BCE93C089000");
    CardSession session = new CardSession(card, new ApduLog(), Clock.systemUTC(), null);
    Pace.authenticate(
        session,
        Pace.parseCardAccess(Hex.decode("31143012060A04007F0007020204020202010202010D")).get(0),
        KEY,
        new ScriptedRandom(
            "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
            "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"));
    assertThat(card.done()).isTrue();
    assertThat(session.secureMessaging().family()).isEqualTo(Family.AES);
    assertThat(Hex.encode(session.secureMessaging().ssc())).isEqualTo("00".repeat(16));
    byte[] k = Hex.decode("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
    assertThat(Hex.encode(Crypto.kdf(k, 1, Family.AES, 16)))
        .isEqualTo("F5F0E35C0D7161EE6724EE513A0D9A7F");
    assertThat(Hex.encode(Crypto.kdf(k, 2, Family.AES, 16)))
        .isEqualTo("FE251C7858B356B24514B3BD5F4297D1");
  }

  @Test
  void g1WrongTokenFromTheChipIsASecurityFailure() {
    ScriptedCard card =
        new ScriptedCard()
            .expect("0022C1A40F800A04007F00070202040202830101", "9000")
            .expect("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000")
            .expect("10860000457C438141" + PCD_MAP_EC + "00", "7C438241" + PICC_MAP_EC + "9000")
            .expect("10860000457C438341" + PCD_EPH_EC + "00", "7C438441" + PICC_EPH_EC + "9000")
            .expect("008600000C7C0A8508C2B0BD78D94BA86600", "7C0A86083ABB9674BCE93C099000");
    CardSession session = new CardSession(card, new ApduLog(), Clock.systemUTC(), null);
    assertThatThrownBy(
            () ->
                Pace.authenticate(
                    session,
                    Pace.parseCardAccess(Hex.decode("31143012060A04007F0007020204020202010202010D"))
                        .get(0),
                    KEY,
                    new ScriptedRandom(
                        "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
                        "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595")))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("token");
    assertThat(session.secureMessaging()).isNull();
  }

  private static final String PCD_MAP_DH =
      "23FB3749EA030D2A25B278D2A562047ADE3F01B74F17A15402CB7352CA7D2B3EB71C343DB13D1DEBCE9A3666DBCFC920"
          + "B49174A602CB47965CAA73DC702489A44D41DB914DE9613DC5E98C94160551C0DF86274B9359BC0490D01B03AD5402"
          + "2DCB4F57FAD6322497D7A1E28D46710F461AFE710FBBBC5F8BA166F4311975EC6C";
  private static final String PICC_MAP_DH =
      "78879F57225AA8080D52ED0FC890A4B25336F699AA89A2D3A189654AF70729E623EA5738B26381E4DA19E004706FACE7"
          + "B235C2DBF2F38748312F3C98C2DD4882A41947B324AA1259AC22579DB93F7085655AF30889DBB845D9E6783FE42C9F"
          + "2449400306254C8AE8EE9DD812A804C0B66E8CAFC14F84D8258950A91B44126EE6";
  private static final String PCD_EPH_DH =
      "907D89E2D425A178AA81AF4A7774EC8E388C115CAE67031E85EECE520BD911551B9AE4D04369F29A02626C86FBC6747C"
          + "C7BC352645B6161A2A42D44EDA80A08FA8D61B76D3A154AD8A5A51786B0BC07147057871A922212C5F67F431731722"
          + "36B7747D1671E6D692A3C7D40A0C3C5CE397545D015C175EB5130551EDBC2EE5D4";
  private static final String PICC_EPH_DH =
      "075693D9AE941877573E634B6E644F8E60AF17A0076B8B123D9201074D36152BD8B3A213F53820C42ADC79AB5D0AEEC3"
          + "AEFB91394DA476BD97B9B14D0A65C1FC71A0E019CB08AF55E1F729005FBA7E3FA5DC41899238A250767A6D46DB9740"
          + "64386CD456743585F8E5D90CC8B4004B1F6D866C79CE0584E49687FF61BC29AEA1";

  @Test
  void g2DhGenericMappingRfc5114() {
    ScriptedCard card =
        new ScriptedCard()
            .expect("0022C1A40F800A04007F00070202040102830101", "9000")
            .expect("10860000027C0000", "7C128010854D8DF5827FA6852D1A4FA701CDDDCA9000")
            .expect(
                "10860000867C8183818180" + PCD_MAP_DH + "00", "7C8183828180" + PICC_MAP_DH + "9000")
            .expect(
                "10860000867C8183838180" + PCD_EPH_DH + "00", "7C8183848180" + PICC_EPH_DH + "9000")
            .expect(
                "008600000C7C0A8508B46DD9BD4D98381F00",
                "7C1B8608917F37B5C0E6D8D1870F4445544553544356434130303030339000");
    CardSession session = new CardSession(card, new ApduLog(), Clock.systemUTC(), null);
    Pace.authenticate(
        session,
        Pace.parseCardAccess(Hex.decode("31143012060A04007F00070202040102020102020100")).get(0),
        KEY,
        new ScriptedRandom(
            "5265030F751F4AD18B08AC565FC7AC952E41618D",
            "89CCD99B0E8D3B1F11E1296DCA68EC53411CF2CA"));
    assertThat(card.done()).isTrue();
    byte[] k =
        Hex.decode(
            "6BABC7B3A72BCD7EA385E4C62DB2625BD8613B24149E146A629311C4CA6698E38B834B6A9E9CD7184BA8834AFF5043D4"
                + "36950C4C1E7832367C10CB8C314D40E5990B0DF7013E64B4549E2270923D06F08CFF6BD3E977DDE6ABE4C31D"
                + "55C0FA2E465E553E77BDF75E3193D3834FC26E8EB1EE2FA1E4FC97C18C3F6CFFFE2607FD");
    assertThat(Hex.encode(Crypto.kdf(k, 1, Family.AES, 16)))
        .isEqualTo("2F7F46ADCC9E7E521B45D192FAFA9126");
    assertThat(Hex.encode(Crypto.kdf(k, 2, Family.AES, 16)))
        .isEqualTo("805A1D27D45A5116F73C54469462B7D8");
  }
}
