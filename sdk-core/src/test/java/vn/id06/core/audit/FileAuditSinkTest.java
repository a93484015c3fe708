package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.Id06Exception;
import vn.id06.core.InvalidInputException;
import vn.id06.core.VerificationException;
import vn.id06.core.audit.AuditProblem.Kind;

class FileAuditSinkTest {
  @TempDir Path dir;
  private final AuditVerifier verifier = AuditVerifier.of(AuditTrails.KEYS.getPublic());

  private AuditReport verify(Path... files) {
    return verifier.verify(List.of(files));
  }

  @Test
  void aClosedTrailVerifies() throws Exception {
    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 7, 3);
    AuditReport r = verify(f);
    assertThat(r.problem()).isEmpty();
    assertThat(r.ok()).isTrue();
    // genesis + its checkpoint, 7 events, checkpoints after 3 and 6, the final one.
    assertThat(r.events()).isEqualTo(7);
    assertThat(r.checkpoints()).isEqualTo(4);
    assertThat(r.records()).isEqualTo(12);
    assertThat(r.unsealed()).isZero();
    String text = Files.readString(f, StandardCharsets.UTF_8);
    // No ID, and no officer personal data, in the file.
    assertThat(text).doesNotContain("00109000000").contains("\"type\":\"genesis\"");
    assertThat(AuditTrails.lines(f).get(0)).startsWith("{\"v\":1,\"seq\":0,\"type\":\"genesis\"");
  }

  @Test
  void aSecondRunContinuesTheChain() {
    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 4, 10);
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
    try (FileAuditSink s = AuditTrails.sink(f, clock).build()) {
      s.record(AuditTrails.event(100));
      s.flush();
      s.flush();
      s.record(AuditTrails.event(101));
      assertThat(s.file()).isEqualTo(f);
      assertThat(s.toString()).contains("closed=false");
    }
    AuditReport r = verify(f);
    assertThat(r.problem()).isEmpty();
    assertThat(r.events()).isEqualTo(6);
  }

  @Test
  void aClosedSinkRefusesEvents() {
    FileAuditSink s = AuditTrails.sink(dir.resolve("a.jsonl"), Clock.systemUTC()).build();
    s.close();
    s.close();
    assertThatThrownBy(() -> s.record(AuditTrails.event(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTrailEndingInAPartialLineIsNotContinued() throws Exception {
    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 2, 10);
    Files.writeString(f, "{\"v\":1", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> AuditTrails.sink(f, Clock.systemUTC()).build())
        .isInstanceOf(VerificationException.class);
    AuditReport r = verify(f);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.INCOMPLETE_LINE);
    assertThat(r.problem().get().line()).isEqualTo(AuditTrails.lines(f).size());
    assertThat(r.unsealed()).isEqualTo(1);
  }

  @Test
  void aCrashLosesOnlyTheUnsealedTailAndTheVerifierCountsIt() throws Exception {
    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 5, 3);
    List<String> lines = AuditTrails.lines(f);
    // Drop the final checkpoint: events 4 and 5 follow the checkpoint after event 3.
    lines.remove(lines.size() - 1);
    AuditTrails.writeLines(f, lines);
    AuditReport r = verify(f);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.UNSEALED_TAIL);
    assertThat(r.unsealed()).isEqualTo(2);
    assertThat(r.problem().get().line()).isEqualTo(lines.size() - 1);
  }

  /**
   * A batch call's subjects share group records: at most 500 subjects each, never across a
   * checkpoint (so checkpoints still come every N events exactly), and a search still finds each
   * subject with its own outcome.
   */
  @Test
  void aBatchCallIsWrittenAsGroupRecords() throws Exception {
    Path f = dir.resolve("batch.jsonl");
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
    List<AuditEvent> call = AuditTrails.call(0, 1234);
    try (FileAuditSink s = AuditTrails.sink(f, clock).checkpointEvery(700).build()) {
      s.record(AuditTrails.event(5000)); // a single lookup stays an event record
      s.recordAll(call);
    }
    List<String> types = new java.util.ArrayList<>();
    List<Integer> sizes = new java.util.ArrayList<>();
    List<Long> checkpointEvents = new java.util.ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : AuditTrails.lines(f)) {
      JsonNode r = json.readTree(line);
      String type = r.get("type").asText();
      types.add(type);
      if (type.equals("events")) {
        sizes.add(r.get("subjects").asText().split(",").length);
      } else if (type.equals("checkpoint")) {
        checkpointEvents.add(r.get("events").asLong());
      }
    }
    assertThat(types)
        .containsExactly(
            "genesis",
            "checkpoint",
            "event",
            "events",
            "events",
            "checkpoint",
            "events",
            "events",
            "checkpoint");
    // 1 + 500 + 199 = 700 events to the first checkpoint; then 500 + 35 to the closing one.
    assertThat(sizes).containsExactly(500, 199, 500, 35);
    assertThat(checkpointEvents).containsExactly(0L, 700L, 535L);

    AuditReport r = verify(f);
    assertThat(r.problem()).isEmpty();
    assertThat(r.events()).isEqualTo(1235);
    AuditEvent wanted = call.get(777);
    List<AuditEntry> found =
        AuditVerifier.of(AuditTrails.KEYS.getPublic())
            .find(List.of(f), AuditTrails.HASHER, String.format("0010900%05d", 777))
            .entries();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).outcome()).isEqualTo(wanted.outcome());
    assertThat(found.get(0).requestId()).isEqualTo("batch-0");
    assertThat(found.get(0).line()).isEqualTo(7);
  }

  /** A group record that lies about its subjects is refused, even when its chain is intact. */
  @Test
  void aMalformedGroupRecordIsRefused() throws Exception {
    int round = 0;
    for (String[] change :
        new String[][] {
          {"\"outcomes\":\"SUCCESS,", "\"outcomes\":\""}, // one outcome short
          {"\"subjects\":\"", "\"subjects\":\"zz"}, // not a hash
          {"\"outcomes\":\"SUCCESS", "\"outcomes\":\"MAYBE"} // no such outcome
        }) {
      Path f = dir.resolve("group-" + round++ + ".jsonl");
      Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
      try (FileAuditSink s = AuditTrails.sink(f, clock).build()) {
        s.recordAll(AuditTrails.call(0, 3));
      }
      List<String> lines = AuditTrails.lines(f);
      assertThat(lines.get(2)).contains(change[0]);
      lines.set(2, lines.get(2).replaceFirst(java.util.regex.Pattern.quote(change[0]), change[1]));
      AuditTrails.writeLines(f, lines);
      AuditReport r = verify(f);
      assertThat(r.problem().get().line()).as(change[1]).isEqualTo(3);
      assertThat(r.problem().get().kind()).as(change[1]).isIn(Kind.BAD_FIELD, Kind.BROKEN_CHAIN);
    }
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsFound() throws Exception {
    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 1, 1);
    // The genesis checkpoint re-signed, over the same fields, by a key the trail does not name.
    List<String> lines = AuditTrails.lines(f);
    JsonNode checkpoint = new ObjectMapper().readTree(lines.get(1));
    Signature impostor = Signature.getInstance("Ed25519");
    impostor.initSign(AuditTrails.OTHER_KEYS.getPrivate());
    impostor.update(
        AuditRecords.checkpointPayload(
            checkpoint.get("seq").asLong(),
            checkpoint.get("time").asText(),
            checkpoint.get("prev").asText(),
            checkpoint.get("events").asLong(),
            checkpoint.get("final").asBoolean(),
            checkpoint.get("alg").asText()));
    String forged = Base64.getEncoder().encodeToString(impostor.sign());
    lines.set(1, lines.get(1).replace(checkpoint.get("sig").asText(), forged));
    AuditTrails.writeLines(f, lines);
    AuditReport r = verify(f);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.BAD_SIGNATURE);
    assertThat(r.problem().get().line()).isEqualTo(2);
    AuditReport other =
        AuditVerifier.of(AuditTrails.OTHER_KEYS.getPublic())
            .verify(List.of(AuditTrails.write(dir.resolve("b.jsonl"), 1, 1)));
    assertThat(other.problem().get().kind()).isEqualTo(Kind.WRONG_KEY);
    assertThat(other.problem().get().line()).isEqualTo(1);
  }

  @Test
  void rotatesBySizeAndLinksTheFiles() throws Exception {
    Path f = dir.resolve("audit.jsonl");
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
    try (FileAuditSink s =
        AuditTrails.sink(f, clock).maxFileBytes(4096).checkpointEvery(5).build()) {
      for (int i = 0; i < 40; i++) {
        s.record(AuditTrails.event(i));
      }
    }
    List<Path> rotated;
    try (Stream<Path> files = Files.list(dir)) {
      rotated = files.filter(p -> !p.equals(f)).sorted(FileAuditSinkTest::bySeq).toList();
    }
    assertThat(rotated).hasSizeGreaterThan(1);
    Path[] all = Stream.concat(rotated.stream(), Stream.of(f)).toArray(Path[]::new);
    AuditReport r = verify(all);
    assertThat(r.problem()).isEmpty();
    assertThat(r.events()).isEqualTo(40);
    // The current file alone verifies as a continuation; a missing middle file is a gap.
    assertThat(verify(f).problem()).isEmpty();
    AuditReport gap = verify(all[0], all[2]);
    assertThat(gap.problem().get().kind()).isEqualTo(Kind.GAP_BETWEEN_FILES);
    assertThat(gap.problem().get().file()).isEqualTo(all[2]);
    assertThat(gap.problem().get().line()).isEqualTo(1);
    AuditReport twoGeneses = verify(AuditTrails.write(dir.resolve("x.jsonl"), 1, 1), all[0]);
    assertThat(twoGeneses.problem().get().kind()).isEqualTo(Kind.GAP_BETWEEN_FILES);
  }

  private static int bySeq(Path a, Path b) {
    return Long.compare(seqOf(a), seqOf(b));
  }

  private static long seqOf(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring(n.lastIndexOf('-') + 1, n.length() - 6));
  }

  @Test
  void rotatesWhenTheDayChanges() throws Exception {
    Path f = dir.resolve("audit.jsonl");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T16:59:00Z"));
    try (FileAuditSink s =
        FileAuditSink.builder(f, AuditTrails.SIGNER, AuditTrails.HASHER)
            .clock(clock)
            .rotateDaily(true, ZoneId.of("Asia/Ho_Chi_Minh"))
            .build()) {
      s.record(AuditTrails.event(1));
      clock.now = Instant.parse("2026-03-01T17:00:00Z"); // midnight in Hà Nội
      s.record(AuditTrails.event(2));
    }
    Path old = dir.resolve("audit-20260302T000000-3.jsonl");
    assertThat(old).exists();
    assertThat(verify(old, f).problem()).isEmpty();
  }

  @Test
  void refusesBadSettings() {
    FileAuditSink.Builder b = AuditTrails.sink(dir.resolve("a.jsonl"), Clock.systemUTC());
    assertThatThrownBy(() -> b.checkpointEvery(0)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> b.maxFileBytes(10)).isInstanceOf(RuntimeException.class);
    assertThat(b.maxFileBytes(0)).isSameAs(b);
    assertThatThrownBy(() -> b.syncInterval(Duration.ofMillis(-1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.syncInterval(Duration.ofHours(2)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(b.syncInterval(Duration.ZERO)).isSameAs(b);
  }

  /**
   * Events go through the writer's queue (half a checkpoint interval long, so with an interval of 1
   * or 2 every event waits for room): the file has every event once, in the order recorded, and
   * each checkpoint exactly after its interval.
   */
  @Test
  void eventsAreWrittenOnceInOrderWithEachCheckpointInPlace() throws Exception {
    for (int every : new int[] {1, 2, 5, 64}) {
      Path f = dir.resolve("held-" + every + ".jsonl");
      Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
      try (FileAuditSink s =
          AuditTrails.sink(f, clock).checkpointEvery(every).syncInterval(Duration.ZERO).build()) {
        for (int i = 0; i < 300; i++) {
          s.record(AuditTrails.event(i));
        }
      }
      AuditReport r = verify(f);
      assertThat(r.problem()).as("every %d", every).isEmpty();
      assertThat(r.events()).isEqualTo(300);
      List<String> lines = AuditTrails.lines(f);
      int event = 0;
      int sinceCheckpoint = 0;
      // After the genesis record and its checkpoint.
      for (String line : lines.subList(2, lines.size())) {
        if (line.contains("\"type\":\"checkpoint\"")) {
          boolean last = line.contains("\"final\":true");
          assertThat(sinceCheckpoint).as(line).isEqualTo(last ? 300 % every : every);
          sinceCheckpoint = 0;
        } else {
          assertThat(line).contains("\"requestId\":\"req-" + event + "\"");
          event++;
          sinceCheckpoint++;
        }
      }
      assertThat(event).isEqualTo(300);
    }
  }

  /**
   * A checkpoint that cannot be signed breaks the sink: the next flush says so with the cause,
   * later events are refused, and close releases the file without sealing what it cannot.
   */
  @Test
  void aSignatureThatFailsInTheBackgroundIsReported() throws Exception {
    Path f = dir.resolve("broken.jsonl");
    // Checked against its public key and signs the genesis checkpoint, then stops working.
    ScriptedKey key = new ScriptedKey(AuditTrails.KEYS.getPrivate(), 2, new CountDownLatch(0));
    AuditSigner signer = AuditSigner.of(key, AuditTrails.KEYS.getPublic());
    FileAuditSink s =
        FileAuditSink.builder(f, signer, AuditTrails.HASHER)
            .checkpointEvery(2)
            .rotateDaily(false, ZoneOffset.UTC)
            .build();
    s.record(AuditTrails.event(0));
    s.record(AuditTrails.event(1)); // due: the writer's signature fails
    assertThatThrownBy(
            () -> {
              s.record(AuditTrails.event(2));
              s.flush();
            })
        .isInstanceOf(Id06Exception.class)
        .hasMessageContaining("failed earlier")
        .hasRootCauseInstanceOf(java.security.InvalidKeyException.class);
    assertThatThrownBy(() -> s.record(AuditTrails.event(3)))
        .isInstanceOf(Id06Exception.class)
        .hasMessageContaining("failed earlier");
    s.close();
    // The file is free again, and what was written verifies up to its unsealed tail.
    AuditReport r = verify(f);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.UNSEALED_TAIL);
    assertThat(r.events()).isEqualTo(2);
    AuditTrails.sink(f, Clock.systemUTC()).build().close();
  }

  /**
   * Regression: a failed trail's written lines survive its close even when a background sync runs
   * at that moment (stopping the syncer by interrupting it closed the file's channel, and the lines
   * still buffered were lost). Many rounds, since the sync's timing decides.
   */
  @Test
  @Timeout(120)
  void aFailedTrailKeepsItsLinesWhileASyncRuns() throws Exception {
    for (int round = 0; round < 150; round++) {
      Path f = dir.resolve("sync-" + round + ".jsonl");
      ScriptedKey key = new ScriptedKey(AuditTrails.KEYS.getPrivate(), 2, new CountDownLatch(0));
      FileAuditSink s =
          FileAuditSink.builder(
                  f, AuditSigner.of(key, AuditTrails.KEYS.getPublic()), AuditTrails.HASHER)
              .checkpointEvery(2)
              .syncInterval(Duration.ZERO)
              .rotateDaily(false, ZoneOffset.UTC)
              .build();
      s.record(AuditTrails.event(0));
      s.record(AuditTrails.event(1)); // its checkpoint cannot be signed
      assertThatThrownBy(s::flush).isInstanceOf(Id06Exception.class);
      s.close();
      AuditReport r = verify(f);
      assertThat(r.problem().get().kind()).as("round %d", round).isEqualTo(Kind.UNSEALED_TAIL);
      assertThat(r.events()).as("round %d", round).isEqualTo(2);
    }
  }

  /**
   * A caller interrupted while it waits for the writer (here, busy signing a checkpoint) gets an
   * error, but the sink is not broken: what was recorded is written once the writer goes on.
   */
  @Test
  @Timeout(60)
  void anInterruptedCallerLosesNothing() throws Exception {
    Path f = dir.resolve("interrupted.jsonl");
    CountDownLatch release = new CountDownLatch(1);
    // Checked against its public key and signs the genesis checkpoint at once; the next signature
    // waits for the latch.
    ScriptedKey key = new ScriptedKey(AuditTrails.KEYS.getPrivate(), Integer.MAX_VALUE, release);
    key.waitAfter(2);
    AuditSigner signer = AuditSigner.of(key, AuditTrails.KEYS.getPublic());
    try (FileAuditSink s =
        FileAuditSink.builder(f, signer, AuditTrails.HASHER)
            .checkpointEvery(4)
            .rotateDaily(false, ZoneOffset.UTC)
            .build()) {
      for (int i = 0; i < 4; i++) {
        s.record(AuditTrails.event(i)); // the fourth is due: its signature waits for the latch
      }
      s.record(AuditTrails.event(4)); // queued (two fit)
      Thread.currentThread().interrupt();
      assertThatThrownBy(s::flush)
          .isInstanceOf(Id06Exception.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
      release.countDown();
      s.record(AuditTrails.event(5));
      s.flush();
    }
    AuditReport r = verify(f);
    assertThat(r.problem()).isEmpty();
    assertThat(r.events()).isEqualTo(6);
  }

  /**
   * Closing from an interrupted thread still seals and releases the file, and keeps the interrupt.
   */
  @Test
  @Timeout(60)
  void closingWhileInterruptedStillSeals() {
    Path f = dir.resolve("interrupted-close.jsonl");
    FileAuditSink s = AuditTrails.sink(f, Clock.systemUTC()).checkpointEvery(10).build();
    for (int i = 0; i < 25; i++) {
      s.record(AuditTrails.event(i));
    }
    Thread.currentThread().interrupt();
    s.close();
    assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    AuditReport r = verify(f);
    assertThat(r.problem()).isEmpty();
    assertThat(r.events()).isEqualTo(25);
    AuditTrails.sink(f, Clock.systemUTC()).build().close();
  }

  /**
   * An Ed25519 private key that gives its value {@code uses} times, then none (so signing fails),
   * and from its {@code waitAfter}-th use on waits for a latch first.
   */
  private static final class ScriptedKey implements EdECPrivateKey {
    private static final long serialVersionUID = 1L;
    private final transient EdECPrivateKey key;
    private final transient AtomicInteger left;
    private final transient AtomicInteger used = new AtomicInteger();
    private final transient CountDownLatch latch;
    private volatile int waitAfter = Integer.MAX_VALUE;

    ScriptedKey(PrivateKey key, int uses, CountDownLatch latch) {
      this.key = (EdECPrivateKey) key;
      this.left = new AtomicInteger(uses);
      this.latch = latch;
    }

    void waitAfter(int uses) {
      this.waitAfter = uses;
    }

    @Override
    public Optional<byte[]> getBytes() {
      if (used.getAndIncrement() >= waitAfter) {
        try {
          latch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return left.getAndDecrement() > 0 ? key.getBytes() : Optional.empty();
    }

    @Override
    public NamedParameterSpec getParams() {
      return key.getParams();
    }

    @Override
    public String getAlgorithm() {
      return key.getAlgorithm();
    }

    @Override
    public String getFormat() {
      return key.getFormat();
    }

    @Override
    public byte[] getEncoded() {
      return key.getEncoded();
    }
  }

  @Test
  void neverTrustsTheFile() throws Exception {
    Path huge = dir.resolve("huge.jsonl");
    try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
      raf.setLength(1L << 30); // a 1 GB line of zero bytes (sparse)
    }
    AuditReport r = verify(huge);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.LINE_TOO_LONG);
    assertThat(r.problem().get().line()).isEqualTo(1);

    Path f = AuditTrails.write(dir.resolve("audit.jsonl"), 2, 10);
    List<String> lines = AuditTrails.lines(f);
    String shortHash =
        lines.get(2).replaceFirst("\"prev\":\"([0-9a-f]{63})[0-9a-f]\"", "\"prev\":\"$1\"");
    lines.set(2, shortHash);
    AuditTrails.writeLines(f, lines);
    r = verify(f);
    assertThat(r.problem().get().kind()).isEqualTo(Kind.BAD_FIELD);
    assertThat(r.problem().get().line()).isEqualTo(3);

    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "who looked me up?\n");
    assertThat(verify(text).problem().get().kind()).isEqualTo(Kind.NOT_JSON);
    Path binary = dir.resolve("bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(verify(binary).problem().get().kind()).isEqualTo(Kind.NOT_JSON);
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThat(verify(empty).problem().get().kind()).isEqualTo(Kind.UNREADABLE);
    assertThat(verify(dir.resolve("missing")).problem().get().kind()).isEqualTo(Kind.UNREADABLE);
    Path array = dir.resolve("array");
    Files.writeString(array, "[1,2]\n");
    assertThat(verify(array).problem().get().kind()).isEqualTo(Kind.NOT_JSON);
    Path eventFirst = dir.resolve("event-first");
    List<String> l = AuditTrails.lines(AuditTrails.write(dir.resolve("c.jsonl"), 1, 10));
    AuditTrails.writeLines(eventFirst, l.subList(2, l.size()));
    assertThat(verify(eventFirst).problem().get().kind()).isEqualTo(Kind.BAD_FIRST_RECORD);
    assertThatThrownBy(() -> verifier.verify(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditVerifier.of(AuditTrails.KEYS.getPublic(), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(verifier.toString()).contains("maxLineBytes=65536");
  }

  /** A clock tests can set. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
