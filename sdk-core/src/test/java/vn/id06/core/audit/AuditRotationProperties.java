package vn.id06.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import vn.id06.core.audit.AuditProblem.Kind;

/**
 * A trail rotated over several files: a file left out, or two files given in the wrong order, is a
 * gap at the first line of the file that does not continue its predecessor; an edit in any file is
 * found in that file, at its line.
 */
class AuditRotationProperties {
  private static List<Path> cached;
  private static Path cacheDir;
  private final AuditVerifier verifier = AuditVerifier.of(AuditTrails.KEYS.getPublic());
  private final Path dir;

  AuditRotationProperties() throws IOException {
    dir = Files.createTempDirectory("audit-rot");
  }

  @AfterProperty
  void cleanUp() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(AuditRotationProperties::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rotated trail, written once per run (oldest file first). */
  private static synchronized List<Path> trail() throws IOException {
    if (cached == null) {
      cacheDir = Files.createTempDirectory("audit-rot-trail");
      cacheDir.toFile().deleteOnExit();
      Path f = cacheDir.resolve("audit.jsonl");
      Clock clock = Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC);
      try (FileAuditSink s =
          AuditTrails.sink(f, clock).maxFileBytes(4096).checkpointEvery(4).build()) {
        for (int i = 0; i < 60; i++) {
          s.record(AuditTrails.event(i));
        }
      }
      List<Path> rotated;
      try (Stream<Path> files = Files.list(cacheDir)) {
        rotated =
            new ArrayList<>(
                files
                    .filter(p -> !p.equals(f))
                    .sorted(Comparator.comparingLong(AuditRotationProperties::seqOf))
                    .toList());
      }
      rotated.add(f);
      for (Path p : rotated) {
        p.toFile().deleteOnExit();
      }
      cached = List.copyOf(rotated);
    }
    return cached;
  }

  private static long seqOf(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring(n.lastIndexOf('-') + 1, n.length() - 6));
  }

  private List<Path> copy(List<Path> files) throws IOException {
    List<Path> out = new ArrayList<>();
    Path into = Files.createTempDirectory(dir, "try");
    for (Path p : files) {
      out.add(Files.copy(p, into.resolve(p.getFileName())));
    }
    return out;
  }

  @Property(tries = 15)
  void theWholeTrailVerifiesAndALeftOutFileIsAGap(@ForAll @IntRange(min = 0, max = 100) int seed)
      throws IOException {
    List<Path> all = trail();
    assertThat(all).hasSizeGreaterThan(3);
    assertThat(verifier.verify(all).ok()).isTrue();
    int k = 1 + seed % (all.size() - 1); // not the first: a later file would still be a gap
    List<Path> without = new ArrayList<>(all);
    without.remove(k);
    AuditReport r = verifier.verify(without);
    if (k == all.size() - 1) {
      // The current file left out: what remains ends at a closing checkpoint and is a whole trail.
      // Only checkpoints shipped elsewhere show that later files existed (docs/AUDIT.md).
      assertThat(r.ok()).isTrue();
      return;
    }
    AuditProblem p = r.problem().orElseThrow();
    assertThat(p.kind()).isEqualTo(Kind.GAP_BETWEEN_FILES);
    assertThat(p.file()).isEqualTo(all.get(k + 1));
    assertThat(p.line()).isEqualTo(1);
  }

  @Property(tries = 15)
  void filesInTheWrongOrderAreAGap(
      @ForAll @IntRange(min = 0, max = 100) int a, @ForAll @IntRange(min = 0, max = 100) int b)
      throws IOException {
    List<Path> all = new ArrayList<>(trail());
    int i = a % all.size();
    int j = b % all.size();
    if (i == j) {
      return;
    }
    Collections.swap(all, i, j);
    AuditProblem p = verifier.verify(all).problem().orElseThrow();
    int first = Math.min(i, j);
    assertThat(p.kind()).isIn(Kind.GAP_BETWEEN_FILES, Kind.BAD_FIRST_RECORD);
    assertThat(p.line()).isEqualTo(1);
    // The first misplaced file is named, or the one after it when the first misplaced file is the
    // genesis file's slot taken by a continuation read on its own.
    assertThat(all.indexOf(p.file())).isBetween(first, first + 1);
  }

  @Property(tries = 20)
  void anEditInAnyFileIsFoundThere(
      @ForAll @IntRange(min = 0, max = 1000) int fileSeed,
      @ForAll @IntRange(min = 0, max = 1000) int lineSeed)
      throws IOException {
    List<Path> files = copy(trail());
    Path target = files.get(fileSeed % files.size());
    List<String> lines = AuditTrails.lines(target);
    int k = lineSeed % lines.size();
    lines.set(k, lines.get(k).replace("\"seq\":", "\"seq\": "));
    AuditTrails.writeLines(target, lines);
    AuditProblem p = verifier.verify(files).problem().orElseThrow();
    assertThat(p.file()).isEqualTo(target);
    assertThat(p.line()).isEqualTo(k + 1L);
  }
}
