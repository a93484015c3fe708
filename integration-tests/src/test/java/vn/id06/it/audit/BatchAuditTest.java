package vn.id06.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.audit.AuditEntry;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.AuditReport;
import vn.id06.core.audit.AuditSearch;
import vn.id06.core.audit.AuditSigner;
import vn.id06.core.audit.AuditVerifier;
import vn.id06.core.audit.FileAuditSink;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.audit.SubjectHasher;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.Sex;
import vn.id06.core.gateway.PopulationDataClient;
import vn.id06.core.gateway.VerificationOutcome;
import vn.id06.core.gateway.VerificationRequest;
import vn.id06.core.gateway.VerificationResult;
import vn.id06.it.gateway.Clients;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;
import vn.id06.testkit.population.SyntheticCitizen;

/**
 * A batch verification through the real client into a {@link FileAuditSink}: each request's
 * subjects land in group records, the trail verifies, and "who looked me up?" finds a subject
 * inside a group with its own outcome.
 */
class BatchAuditTest {
  private static final OperatorContext OFFICER =
      OperatorContext.of("000.00.00.H10", "CB-AUDIT-07", "1.004227", "test: batch reconciliation");

  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY = GatewaySimulatorExtension.defaults();

  @Test
  void aBatchIsAuditedInGroupRecordsThatVerifyAndAnswerWhoLooked(@TempDir Path dir)
      throws Exception {
    GatewaySimulator sim = GATEWAY.simulator();
    byte[] hmacKey = new byte[32];
    hmacKey[0] = 7;
    SubjectHasher hasher = SubjectHasher.of(new SecretKeySpec(hmacKey, "HmacSHA256"));
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path trail = dir.resolve("audit.jsonl");

    // 700 subjects; every fiftieth is an ID the population does not hold.
    List<String> ids = new ArrayList<>();
    List<VerificationRequest> batch = new ArrayList<>();
    int unknown = 0;
    for (int i = 0; i < 700; i++) {
      String id;
      Sex sex;
      if (i % 50 == 49) {
        id = unknownId(sim, unknown++);
        sex = Sex.FEMALE;
      } else {
        SyntheticCitizen c = sim.population().citizen(i);
        id = c.citizenId();
        sex = Sex.valueOf(c.sex());
      }
      ids.add(id);
      batch.add(VerificationRequest.of(CitizenId.parse(id), null, null, sex));
    }

    List<VerificationResult> results;
    try (FileAuditSink sink =
            FileAuditSink.builder(
                    trail, AuditSigner.of(keys.getPrivate(), keys.getPublic()), hasher)
                .build();
        PopulationDataClient client =
            Clients.builder(sim)
                .auditSink(sink)
                .subjectHasher(hasher)
                .buildPopulationDataClient()) {
      results = client.verifyBatch(OFFICER, batch);
    }
    assertThat(results).hasSize(700);
    assertThat(results.get(49).result()).isEqualTo(VerificationOutcome.NOT_FOUND);
    assertThat(results.get(450).result()).isEqualTo(VerificationOutcome.MATCH);

    // One call of 700 subjects: group records of 500 and 200, no line per subject.
    String text = Files.readString(trail, StandardCharsets.UTF_8);
    List<Integer> groups = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      int at = line.indexOf("\"subjects\":\"");
      if (line.contains("\"type\":\"events\"") && at >= 0) {
        groups.add(line.substring(at, line.indexOf('"', at + 12)).split(",", -1).length);
      }
    }
    assertThat(groups).containsExactly(500, 200);
    assertThat(text).doesNotContain("\"type\":\"event\"");
    for (String id : ids.subList(0, 60)) {
      assertThat(text).doesNotContain(id);
    }

    AuditVerifier verifier = AuditVerifier.of(keys.getPublic());
    AuditReport report = verifier.verify(List.of(trail));
    assertThat(report.problem()).isEmpty();
    assertThat(report.events()).isEqualTo(700);

    AuditSearch found = verifier.find(List.of(trail), hasher, ids.get(450));
    assertThat(found.entries()).hasSize(1);
    AuditEntry entry = found.entries().get(0);
    assertThat(entry.officerCode()).isEqualTo("CB-AUDIT-07");
    assertThat(entry.purpose()).isEqualTo("test: batch reconciliation");
    assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    AuditSearch notFound = verifier.find(List.of(trail), hasher, ids.get(549));
    assertThat(notFound.entries())
        .singleElement()
        .extracting(AuditEntry::outcome)
        .isEqualTo(AuditOutcome.NOT_FOUND);
    // Subject 549 is in the second group record, subject 450 in the first.
    assertThat(notFound.entries().get(0).line()).isNotEqualTo(entry.line());
  }

  /** The {@code n}-th valid 12-digit ID (Hà Nội, born 1999) that the population does not hold. */
  private static String unknownId(GatewaySimulator sim, int n) {
    int seen = 0;
    for (int serial = 1; ; serial++) {
      String id = String.format(Locale.ROOT, "001099%06d", serial);
      if (sim.population().byCitizenId(id).isEmpty() && seen++ == n) {
        return id;
      }
    }
  }
}
