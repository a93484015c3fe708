package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import vn.id06.core.Id06Exception;

/** Arbitrary bytes into the TLV and LDS parsers: a result or a typed id06 error, nothing else. */
class ParserProperties {

  @Property(tries = 2000)
  void tlvGivesAResultOrATypedError(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      Tlv t = Tlv.parseWhole(bytes, "test");
      assertThat(t.end()).isEqualTo(bytes.length);
      t.children("test");
    } catch (Id06Exception e) {
      assertThat(e.getMessage()).startsWith("test");
    }
    try {
      long n = Tlv.declaredTotalLength(bytes, bytes.length, "test");
      assertThat(n).isGreaterThanOrEqualTo(-1);
    } catch (Id06Exception e) {
      assertThat(e.getMessage()).startsWith("test");
    }
  }

  @Property(tries = 2000)
  void ldsParsersGiveAResultOrATypedError(@ForAll @Size(max = 300) byte[] bytes) {
    expectTyped(() -> Dg13.parse(bytes));
    expectTyped(() -> Lds.mrz(bytes));
    expectTyped(() -> Lds.face(bytes));
    expectTyped(() -> Lds.comDataGroups(bytes));
    expectTyped(() -> Pace.parseCardAccess(bytes));
    expectTyped(() -> SecurityInfos.parseDg14(bytes));
    expectTyped(() -> PassiveAuthenticator.securityObject(PassiveAuthenticator.cms(bytes)));
  }

  @Property(tries = 1000)
  void prefixedWithTheRightTagStillTyped(@ForAll @Size(max = 200) byte[] body) {
    for (int tag : new int[] {0x6D, 0x61, 0x75, 0x60, 0x6E, 0x77, 0x31}) {
      byte[] file = TestDocument.der(tag, body);
      expectTyped(() -> Dg13.parse(file));
      expectTyped(() -> Lds.mrz(file));
      expectTyped(() -> Lds.face(file));
      expectTyped(() -> Lds.comDataGroups(file));
      expectTyped(() -> Pace.parseCardAccess(file));
      expectTyped(() -> SecurityInfos.parseDg14(file));
      expectTyped(() -> PassiveAuthenticator.securityObject(PassiveAuthenticator.cms(file)));
    }
  }

  @Property(tries = 300)
  void lyingLengthsNeverAllocate(@ForAll @Size(min = 1, max = 4) byte[] len) {
    byte[] file = TestDocument.cat(new byte[] {0x6D, (byte) (0x80 | len.length)}, len);
    expectTyped(() -> Dg13.parse(file));
  }

  private static void expectTyped(Runnable r) {
    try {
      r.run();
    } catch (Id06Exception e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
