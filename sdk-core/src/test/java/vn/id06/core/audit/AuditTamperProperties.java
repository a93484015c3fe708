package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import vn.id06.core.audit.AuditProblem.Kind;

/** Any single edit, deletion, insertion, swap or truncation of a trail is found and located. */
class AuditTamperProperties {
  // Generated trails by (events, checkpoint interval): writing one is the slow part.
  private static final java.util.Map<Integer, List<String>> TRAILS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Path dir;
  private final AuditVerifier verifier = AuditVerifier.of(AuditTrails.KEYS.getPublic());

  AuditTamperProperties() throws IOException {
    dir = Files.createTempDirectory("audit-props");
  }

  @AfterProperty
  void cleanUp() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(AuditTamperProperties::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A trail of single events, or (batched) of single events and batch calls' group records. */
  private List<String> trail(int events, int every, boolean batched) throws IOException {
    int key = (events * 100 + every) * 2 + (batched ? 1 : 0);
    List<String> cached = TRAILS.get(key);
    if (cached == null) {
      Path f = Files.createTempFile(dir, "t", ".jsonl");
      if (batched) {
        AuditTrails.writeBatched(f, events, every);
      } else {
        AuditTrails.write(f, events, every);
      }
      AuditReport clean = verifier.verify(List.of(f));
      assertThat(clean.ok()).isTrue();
      assertThat(clean.events()).isEqualTo(events);
      cached = List.copyOf(AuditTrails.lines(f));
      TRAILS.put(key, cached);
    }
    return new java.util.ArrayList<>(cached);
  }

  private AuditReport verify(List<String> lines) throws IOException {
    Path f = Files.createTempFile(dir, "m", ".jsonl");
    AuditTrails.writeLines(f, lines);
    return verifier.verify(List.of(f));
  }

  @Property(tries = 60)
  void anEditIsFoundAtItsLine(
      @ForAll @IntRange(min = 1, max = 30) int events,
      @ForAll @IntRange(min = 1, max = 8) int every,
      @ForAll boolean batched,
      @ForAll @IntRange(min = 0, max = 10_000) int lineSeed,
      @ForAll @IntRange(min = 0, max = 10_000) int posSeed,
      @ForAll @CharRange(from = ' ', to = '~') char replacement)
      throws IOException {
    List<String> lines = trail(events, every, batched);
    int k = lineSeed % lines.size();
    String line = lines.get(k);
    int pos = posSeed % line.length();
    if (line.charAt(pos) == replacement) {
      return;
    }
    lines.set(k, line.substring(0, pos) + replacement + line.substring(pos + 1));
    AuditReport r = verify(lines);
    assertThat(r.problem()).isPresent();
    assertThat(r.problem().get().line()).as(r.problem().get().toString()).isEqualTo(k + 1L);
  }

  @Property(tries = 50)
  void aDeletionIsFound(
      @ForAll @IntRange(min = 1, max = 30) int events,
      @ForAll @IntRange(min = 1, max = 8) int every,
      @ForAll boolean batched,
      @ForAll @IntRange(min = 0, max = 10_000) int lineSeed)
      throws IOException {
    List<String> lines = trail(events, every, batched);
    int k = lineSeed % lines.size();
    lines.remove(k);
    if (lines.isEmpty()) {
      return;
    }
    AuditReport r = verify(lines);
    assertThat(r.problem()).isPresent();
    long line = r.problem().get().line();
    if (k == lines.size()) {
      // The last line (the closing checkpoint) is gone: the tail is unsealed or not closed.
      assertThat(r.problem().get().kind()).isIn(Kind.UNSEALED_TAIL, Kind.NOT_CLOSED);
      assertThat(line).isLessThanOrEqualTo(k + 1L);
    } else {
      assertThat(line).as(r.problem().get().toString()).isEqualTo(k + 1L);
    }
  }

  @Property(tries = 50)
  void anInsertionIsFound(
      @ForAll @IntRange(min = 1, max = 30) int events,
      @ForAll @IntRange(min = 1, max = 8) int every,
      @ForAll boolean batched,
      @ForAll @IntRange(min = 0, max = 10_000) int fromSeed,
      @ForAll @IntRange(min = 0, max = 10_000) int atSeed)
      throws IOException {
    List<String> lines = trail(events, every, batched);
    int from = fromSeed % lines.size();
    int at = atSeed % (lines.size() + 1);
    lines.add(at, lines.get(from));
    AuditReport r = verify(lines);
    assertThat(r.problem()).isPresent();
    long line = r.problem().get().line();
    // A copy of a line placed right after or before itself: either copy is "the inserted one".
    assertThat(line).as(r.problem().get().toString()).isBetween(at + 1L, at + 2L);
  }

  @Property(tries = 50)
  void aSwapIsFound(
      @ForAll @IntRange(min = 1, max = 30) int events,
      @ForAll @IntRange(min = 1, max = 8) int every,
      @ForAll boolean batched,
      @ForAll @IntRange(min = 0, max = 10_000) int aSeed,
      @ForAll @IntRange(min = 0, max = 10_000) int bSeed)
      throws IOException {
    List<String> lines = trail(events, every, batched);
    int a = aSeed % lines.size();
    int b = bSeed % lines.size();
    if (a == b) {
      return;
    }
    String[] arr = lines.toArray(new String[0]);
    String t = arr[a];
    arr[a] = arr[b];
    arr[b] = t;
    AuditReport r = verify(Arrays.asList(arr));
    assertThat(r.problem()).isPresent();
    assertThat(r.problem().get().line())
        .as(r.problem().get().toString())
        .isEqualTo(Math.min(a, b) + 1L);
  }

  @Property(tries = 50)
  void aTruncationIsFound(
      @ForAll @IntRange(min = 1, max = 30) int events,
      @ForAll @IntRange(min = 1, max = 8) int every,
      @ForAll boolean batched,
      @ForAll @IntRange(min = 1, max = 1_000_000) int cutSeed)
      throws IOException {
    List<String> lines = trail(events, every, batched);
    byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    int cut = cutSeed % all.length; // keep [0, cut): always loses at least the final newline
    if (cut == 0) {
      return;
    }
    Path f = Files.createTempFile(dir, "c", ".jsonl");
    Files.write(f, Arrays.copyOf(all, cut));
    AuditReport r = verifier.verify(List.of(f));
    assertThat(r.problem()).isPresent();
    long completeLines = 0;
    for (int i = 0; i < cut; i++) {
      if (all[i] == '\n') {
        completeLines++;
      }
    }
    assertThat(r.problem().get().kind())
        .isIn(Kind.INCOMPLETE_LINE, Kind.UNSEALED_TAIL, Kind.NOT_CLOSED);
    assertThat(r.problem().get().line()).isLessThanOrEqualTo(completeLines + 1);
    if (r.problem().get().kind() == Kind.INCOMPLETE_LINE) {
      assertThat(r.problem().get().line()).isEqualTo(completeLines + 1);
    }
  }
}
