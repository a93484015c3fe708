package vn.id06.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.audit.AuditProblem.Kind;

/**
 * Checks audit trails written by {@link FileAuditSink}, never trusting the file: every line is read
 * with a length limit, parsed strictly, compared with how the writer writes it, and linked to the
 * line before by its hash; checkpoints are verified with the public key given here. Finds edited,
 * removed, inserted and reordered lines, an unsealed tail, a checkpoint signed by another key, a
 * gap between rotated files and a bad first record, and names the first bad line.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditVerifier {
  /** The default longest line, in bytes. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  private final PublicKey publicKey;
  private final String keyId;
  private final String algorithm;
  private final int maxLineBytes;

  private AuditVerifier(PublicKey publicKey, int maxLineBytes) {
    this.publicKey = publicKey;
    this.keyId = AuditRecords.keyId(publicKey);
    this.algorithm = AuditSigner.algorithmFor(publicKey);
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Creates a verifier for trails signed by the key matching {@code publicKey}.
   *
   * @param publicKey the signer's public key (RSA, EC or Ed25519)
   * @return the verifier
   */
  public static AuditVerifier of(PublicKey publicKey) {
    return of(publicKey, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * Creates a verifier with another line-length limit.
   *
   * @param publicKey the signer's public key
   * @param maxLineBytes the longest acceptable line, 256 bytes to 16 MiB
   * @return the verifier
   */
  public static AuditVerifier of(PublicKey publicKey, int maxLineBytes) {
    if (maxLineBytes < 256 || maxLineBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxLineBytes must be between 256 and 16 MiB");
    }
    return new AuditVerifier(Objects.requireNonNull(publicKey, "publicKey"), maxLineBytes);
  }

  /**
   * Verifies one trail made of {@code files}, oldest first (rotated files, then the current one).
   *
   * @param files the files in order
   * @return the report
   */
  public AuditReport verify(List<Path> files) {
    return run(files, new Run(null, null));
  }

  /**
   * Verifies a trail and finds the events about one subject ("who looked me up?"): the events whose
   * subject hash is the subject's under {@code hasher}'s key, from the lines that verified.
   *
   * @param files the files in order, oldest first
   * @param hasher the subject hasher with the trail's HMAC key
   * @param subjectId the subject's ID (e.g. the 12-digit ID)
   * @return the report and the subject's events
   * @throws InvalidInputException (field {@code hmacKey}) when the trail's subjects were hashed
   *     with another key: the search would find nothing
   */
  public AuditSearch find(List<Path> files, SubjectHasher hasher, String subjectId) {
    Objects.requireNonNull(hasher, "hasher");
    Run run = new Run(hasher, hasher.hash(subjectId));
    AuditReport report = run(files, run);
    if (run.otherHmacKey) {
      throw new InvalidInputException(
          "hmacKey",
          InputReason.UNKNOWN_VALUE,
          "the trail's subjects were hashed with another key");
    }
    // An edited line verifies on its own and is found bad only at the next one: keep nothing from
    // the problem's line on.
    List<AuditEntry> before =
        report
            .problem()
            .map(
                p ->
                    run.found.stream()
                        .filter(e -> !(e.file().equals(p.file()) && e.line() >= p.line()))
                        .toList())
            .orElse(run.found);
    return new AuditSearch(report, before);
  }

  private static AuditReport run(List<Path> files, Run run) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files");
    }
    for (int i = 0; i < files.size(); i++) {
      Optional<AuditProblem> p = run.file(files.get(i), i == 0 ? null : files.get(i - 1));
      if (p.isPresent()) {
        return run.report(p);
      }
    }
    return run.report(Optional.empty());
  }

  /** The state of one verification. Confined to one thread. */
  private final class Run {
    private final JsonFactory json = AuditRecords.newFactory(maxLineBytes);
    private long records;
    private long events;
    private long checkpoints;
    private long unsealed;
    private long expectedSeq = -1;
    private String prevHash;
    private boolean lastWasFinal;
    private final SubjectHasher hasher;
    private final byte[] wanted;
    private final List<AuditEntry> found = new ArrayList<>();
    private boolean otherHmacKey;

    Run(SubjectHasher hasher, String wantedHash) {
      this.hasher = hasher;
      this.wanted = wantedHash == null ? null : wantedHash.getBytes(StandardCharsets.US_ASCII);
    }

    AuditReport report(Optional<AuditProblem> problem) {
      return new AuditReport(records, events, checkpoints, unsealed, problem);
    }

    Optional<AuditProblem> file(Path file, Path predecessor) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
        return lines(file, predecessor, in);
      } catch (IOException e) {
        return Optional.of(new AuditProblem(file, 1, Kind.UNREADABLE, "cannot be read"));
      }
    }

    private Optional<AuditProblem> lines(Path file, Path predecessor, InputStream in)
        throws IOException {
      long n = 0;
      long firstUnsealed = 0;
      long pendingBreak = 0;
      Map<String, Object> pendingRecord = null;
      String pendingLine = null;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      while (true) {
        buf.reset();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
          if (buf.size() >= maxLineBytes) {
            tooLong = true;
            break;
          }
          buf.write(c);
        }
        if (c == -1 && buf.size() == 0) {
          break;
        }
        n++;
        if (tooLong) {
          return problem(file, n, Kind.LINE_TOO_LONG, "longer than " + maxLineBytes + " bytes");
        }
        if (c == -1) {
          unsealed++;
          return problem(file, n, Kind.INCOMPLETE_LINE, "the file ends inside this line");
        }
        String line;
        try {
          line =
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(buf.toByteArray()))
                  .toString();
        } catch (CharacterCodingException e) {
          return problem(file, n, Kind.NOT_JSON, "not UTF-8");
        }
        if (pendingBreak != 0) {
          // Line pendingBreak did not link to the line before it. If this line does not link to
          // it either, it was itself changed; otherwise the line before it was.
          String thisPrev = prevOf(line);
          long bad =
              AuditRecords.hashOfLine(pendingLine).equals(thisPrev)
                  ? pendingBreak - 1
                  : pendingBreak;
          return problem(file, bad, Kind.BROKEN_CHAIN, "line " + bad + " was changed");
        }
        Optional<Map<String, Object>> parsed = AuditRecords.parse(json, line);
        if (parsed.isEmpty()) {
          return problem(file, n, Kind.NOT_JSON, "not a flat JSON object");
        }
        Map<String, Object> r = parsed.get();
        if (!AuditRecords.line(r).equals(line)) {
          return problem(file, n, Kind.NOT_CANONICAL, "not as the writer writes it");
        }
        Optional<String> bad = header(r);
        if (bad.isPresent()) {
          return problem(file, n, Kind.BAD_FIELD, bad.get());
        }
        String type = (String) r.get("type");
        long seq = ((Number) r.get("seq")).longValue();
        String prev = (String) r.get("prev");
        if (n == 1) {
          Optional<AuditProblem> p = first(file, predecessor, r, type, seq, prev);
          if (p.isPresent()) {
            return p;
          }
        } else {
          if (type.equals(AuditRecords.GENESIS) || type.equals(AuditRecords.CONTINUATION)) {
            return problem(file, n, Kind.BAD_FIRST_RECORD, "a first record in the middle");
          }
          if (seq != expectedSeq) {
            return problem(
                file, n, Kind.BAD_SEQUENCE, "expected record " + expectedSeq + ", found " + seq);
          }
          if (!prev.equals(prevHash)) {
            pendingBreak = n;
            pendingRecord = r;
            pendingLine = line;
            continue;
          }
        }
        switch (type) {
          case AuditRecords.EVENT, AuditRecords.EVENTS -> {
            // One subject's record, or a group of a batch call's subjects.
            String[][] subjects = subjectsAndOutcomes(r, type.equals(AuditRecords.EVENTS));
            Optional<String> e = callFields(r, subjects);
            if (e.isPresent()) {
              return problem(file, n, Kind.BAD_FIELD, e.get());
            }
            events += subjects[0].length;
            unsealed++;
            collect(file, n, r, subjects);
            if (firstUnsealed == 0) {
              firstUnsealed = n;
            }
            lastWasFinal = false;
          }
          case AuditRecords.CHECKPOINT -> {
            Optional<AuditProblem> p = checkpoint(file, n, r);
            if (p.isPresent()) {
              return p;
            }
            checkpoints++;
            unsealed = 0;
            firstUnsealed = 0;
            lastWasFinal = (Boolean) r.get("final");
          }
          case AuditRecords.GENESIS, AuditRecords.CONTINUATION -> {
            unsealed++;
            firstUnsealed = n;
            lastWasFinal = false;
          }
          default -> {
            return problem(file, n, Kind.BAD_FIELD, "unknown record type");
          }
        }
        records++;
        expectedSeq = seq + 1;
        prevHash = AuditRecords.hashOfLine(line);
      }
      if (pendingBreak != 0) {
        // The last line did not link: its own signature tells whether it was changed.
        boolean selfOk =
            AuditRecords.CHECKPOINT.equals(pendingRecord.get("type"))
                && checkpoint(file, pendingBreak, pendingRecord).isEmpty();
        long bad = selfOk ? pendingBreak - 1 : pendingBreak;
        return problem(file, bad, Kind.BROKEN_CHAIN, "line " + bad + " was changed");
      }
      if (n == 0) {
        return problem(file, 1, Kind.UNREADABLE, "the file is empty");
      }
      if (unsealed > 0) {
        return problem(
            file,
            firstUnsealed,
            Kind.UNSEALED_TAIL,
            unsealed + " record(s) after the last checkpoint");
      }
      if (!lastWasFinal) {
        return problem(
            file, n + 1, Kind.NOT_CLOSED, "the trail ends at an intermediate checkpoint");
      }
      return Optional.empty();
    }

    /** The entries of an event or group record whose subject is the one searched for. */
    private void collect(Path file, long n, Map<String, Object> r, String[][] subjects) {
      if (wanted == null) {
        return;
      }
      for (int i = 0; i < subjects[0].length; i++) {
        if (MessageDigest.isEqual(wanted, subjects[0][i].getBytes(StandardCharsets.US_ASCII))) {
          found.add(
              new AuditEntry(
                  file,
                  n,
                  Instant.parse((String) r.get("time")),
                  (String) r.get("op"),
                  (String) r.get("agency"),
                  (String) r.get("officer"),
                  (String) r.get("procedure"),
                  (String) r.get("purpose"),
                  AuditOutcome.valueOf(subjects[1][i]),
                  (Long) r.get("attempts"),
                  (String) r.get("requestId")));
        }
      }
    }

    private Optional<AuditProblem> first(
        Path file, Path predecessor, Map<String, Object> r, String type, long seq, String prev) {
      if (!type.equals(AuditRecords.GENESIS) && !type.equals(AuditRecords.CONTINUATION)) {
        return problem(file, 1, Kind.BAD_FIRST_RECORD, "neither a genesis nor a continuation");
      }
      Optional<String> keys = headerFields(r, type.equals(AuditRecords.CONTINUATION));
      if (keys.isPresent()) {
        return problem(file, 1, Kind.BAD_FIELD, keys.get());
      }
      if (!keyId.equals(r.get("signingKey")) || !algorithm.equals(r.get("alg"))) {
        return problem(file, 1, Kind.WRONG_KEY, "the trail names another signing key");
      }
      if (hasher != null && !hasher.keyId().equals(r.get("hmacKey"))) {
        otherHmacKey = true;
      }
      if (type.equals(AuditRecords.GENESIS)) {
        if (predecessor != null) {
          return problem(file, 1, Kind.GAP_BETWEEN_FILES, "a new trail, not a continuation");
        }
        if (seq != 0 || !prev.equals(AuditRecords.ZERO_HASH)) {
          return problem(file, 1, Kind.BAD_FIRST_RECORD, "a genesis must be record 0");
        }
        return Optional.empty();
      }
      if (predecessor == null) {
        return Optional.empty(); // A continuation verified on its own: its link is not checked.
      }
      if (!lastWasFinal
          || seq != expectedSeq
          || !prev.equals(prevHash)
          || !predecessor.getFileName().toString().equals(r.get("predecessor"))) {
        return problem(file, 1, Kind.GAP_BETWEEN_FILES, "does not continue the file before it");
      }
      return Optional.empty();
    }

    private Optional<AuditProblem> checkpoint(Path file, long n, Map<String, Object> r) {
      if (!(r.get("events") instanceof Number ev)
          || !(r.get("final") instanceof Boolean fin)
          || !(r.get("alg") instanceof String alg)
          || !(r.get("sig") instanceof String sig)
          || r.size() != 9) {
        return problem(file, n, Kind.BAD_FIELD, "a checkpoint's fields");
      }
      if (!alg.equals(algorithm)) {
        return problem(file, n, Kind.BAD_SIGNATURE, "signed with another algorithm");
      }
      try {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(publicKey);
        s.update(
            AuditRecords.checkpointPayload(
                ((Number) r.get("seq")).longValue(),
                (String) r.get("time"),
                (String) r.get("prev"),
                ev.longValue(),
                fin,
                alg));
        if (!s.verify(Base64.getDecoder().decode(sig))) {
          return problem(file, n, Kind.BAD_SIGNATURE, "the signature does not verify");
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return problem(file, n, Kind.BAD_SIGNATURE, "the signature is malformed");
      }
      return Optional.empty();
    }
  }

  private static String prevOf(String line) {
    int i = line.indexOf("\"prev\":\"");
    if (i < 0 || line.length() < i + 8 + 64) {
      return "";
    }
    return line.substring(i + 8, i + 8 + 64);
  }

  private static Optional<String> header(Map<String, Object> r) {
    if (!Long.valueOf(AuditRecords.VERSION).equals(r.get("v"))) {
      return Optional.of("unknown version");
    }
    if (!(r.get("seq") instanceof Long seq) || seq < 0) {
      return Optional.of("seq is not a record number");
    }
    if (!(r.get("type") instanceof String)) {
      return Optional.of("type is missing");
    }
    if (!(r.get("time") instanceof String time)) {
      return Optional.of("time is missing");
    }
    try {
      Instant.parse(time);
    } catch (DateTimeParseException e) {
      return Optional.of("time is not an ISO-8601 instant");
    }
    if (!(r.get("prev") instanceof String prev) || !isHex64(prev)) {
      return Optional.of("prev is not a SHA-256 hash (64 hex digits)");
    }
    return Optional.empty();
  }

  private static Optional<String> headerFields(Map<String, Object> r, boolean continuation) {
    int expected = continuation ? 9 : 8;
    if (!(r.get("signingKey") instanceof String)
        || !(r.get("alg") instanceof String)
        || !(r.get("hmacKey") instanceof String)
        || (continuation && !(r.get("predecessor") instanceof String))
        || r.size() != expected) {
      return Optional.of("a first record's fields");
    }
    return Optional.empty();
  }

  /**
   * An event record's subject and outcome, or a group record's {@code subjects} and {@code
   * outcomes} split at their commas: {@code {subjects, outcomes}}, each empty when its field is
   * missing or not a string.
   */
  private static String[][] subjectsAndOutcomes(Map<String, Object> r, boolean group) {
    Object subjects = r.get(group ? "subjects" : "subject");
    Object outcomes = r.get(group ? "outcomes" : "outcome");
    if (!(subjects instanceof String s) || !(outcomes instanceof String o)) {
      return new String[][] {{}, {}};
    }
    return group ? new String[][] {s.split(",", -1), o.split(",", -1)} : new String[][] {{s}, {o}};
  }

  /**
   * The fields of an event record (one subject and its outcome) or of a group record (two or more
   * keyed hashes, one outcome each), with the call's fields they share.
   */
  private static Optional<String> callFields(Map<String, Object> r, String[][] subjects) {
    for (String f : new String[] {"op", "agency", "officer", "procedure", "purpose"}) {
      if (!(r.get(f) instanceof String s) || s.isEmpty()) {
        return Optional.of(f + " is missing");
      }
    }
    boolean group = AuditRecords.EVENTS.equals(r.get("type"));
    if (!group && (!(r.get("outcome") instanceof String o) || o.isEmpty())) {
      return Optional.of("outcome is missing");
    }
    if (subjects[0].length == 0) {
      return Optional.of(
          group
              ? "subjects or outcomes is missing"
              : "subject is not a keyed hash (64 hex digits)");
    }
    if (group && (subjects[0].length < 2 || subjects[1].length != subjects[0].length)) {
      return Optional.of("a group needs two or more subjects, each with an outcome");
    }
    for (String subject : subjects[0]) {
      // An event about no single subject has an empty one; a group's are all hashes.
      if (!SubjectHasher.isHash(subject) && (group || !subject.isEmpty())) {
        return Optional.of(
            group
                ? "a subject is not a keyed hash (64 hex digits)"
                : "subject is not a keyed hash (64 hex digits)");
      }
    }
    if (!(r.get("attempts") instanceof Long) || !(r.get("requestId") instanceof String)) {
      return Optional.of("attempts or requestId is missing");
    }
    for (String outcome : subjects[1]) {
      try {
        AuditOutcome.valueOf(outcome);
      } catch (IllegalArgumentException e) {
        return Optional.of("unknown outcome");
      }
    }
    return r.size() == 14 ? Optional.empty() : Optional.of("unexpected fields");
  }

  private static boolean isHex64(String s) {
    return SubjectHasher.isHash(s);
  }

  private static Optional<AuditProblem> problem(Path file, long line, Kind kind, String detail) {
    return Optional.of(new AuditProblem(file, line, kind, detail));
  }

  @Override
  public String toString() {
    return "AuditVerifier[keyId=" + keyId + ", maxLineBytes=" + maxLineBytes + "]";
  }
}
