package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** id06 parses and passively authenticates LDS files and an SOD produced by JMRTD's own classes. */
class JmrtdInteropTest {
  private static TestDocument doc;

  @BeforeAll
  static void setUp() throws Exception {
    doc = new TestDocument();
  }

  @Test
  void passiveAuthenticationOfJmrtdSod() {
    Verdict v =
        PassiveAuthenticator.verify(
            doc.sod,
            Map.of(1, doc.dg1, 2, doc.dg2, 13, doc.dg13, 14, doc.dg14, 15, doc.dg15),
            List.of(doc.csca),
            List.of(),
            TestDocument.NOW);
    assertThat(v.status()).as(v.reason()).isEqualTo(Verdict.Status.PROVEN);
    // The explicit provider instance was enough: nothing was registered globally.
    assertThat(Security.getProvider("BC")).isNull();
  }

  @Test
  void hashesAgreeWithJmrtdsReading() throws Exception {
    SODFile sod = new SODFile(new ByteArrayInputStream(doc.sod));
    PassiveAuthenticator.SecurityObject so =
        PassiveAuthenticator.securityObject(PassiveAuthenticator.cms(doc.sod));
    assertThat(so.hashes().keySet())
        .containsExactlyInAnyOrderElementsOf(sod.getDataGroupHashes().keySet());
    for (int dg : so.hashes().keySet()) {
      assertThat(so.hashes().get(dg)).isEqualTo(sod.getDataGroupHashes().get(dg));
    }
  }

  @Test
  void mrzOfJmrtdDg1() throws Exception {
    String jmrtd =
        new DG1File(new ByteArrayInputStream(doc.dg1)).getMRZInfo().toString().replace("\n", "");
    String id06 = Lds.mrz(doc.dg1);
    assertThat(id06).isEqualTo(jmrtd);
    MrzData m = MrzData.parseTd1(id06);
    assertThat(m.citizenId()).isEqualTo(TestDocument.CITIZEN_ID);
    assertThat(m.documentNumber()).isEqualTo(TestDocument.DOCUMENT_NUMBER);
    assertThat(m.name()).isEqualTo("NGUYEN VAN A");
  }

  @Test
  void faceOfJmrtdDg2() {
    Lds.Face face = Lds.face(doc.dg2);
    assertThat(face.format()).isEqualTo("JPEG");
    assertThat(face.bytes()).isEqualTo(doc.jpeg);
  }

  @Test
  void tamperedByteFailsAgainstJmrtdSod() {
    byte[] dg1 = doc.dg1.clone();
    dg1[dg1.length - 1] ^= 1;
    Verdict v =
        PassiveAuthenticator.verify(
            doc.sod, Map.of(1, dg1), List.of(doc.csca), List.of(), TestDocument.NOW);
    assertThat(v.status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(v.reason()).contains("DG1 does not match");
  }
}
