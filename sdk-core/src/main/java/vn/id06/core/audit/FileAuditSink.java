package vn.id06.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;

/**
 * A tamper-evident audit trail in a JSON Lines file.
 *
 * <p>The file starts with a genesis record; every record carries the SHA-256 of the line before it;
 * every {@code checkpointEvery} events, and at {@link #close()}, a checkpoint signed with the
 * {@link AuditSigner} seals the chain so far. Opening an existing trail continues its chain. Writes
 * are buffered and handed to the operating system at each checkpoint only, then forced to disk by a
 * background thread (the caller does not wait for the disk; {@link #close()} does): a crash loses
 * at most the events since the last checkpoint, and {@link AuditVerifier} reports how many lines
 * are unsealed. One writer at a time: the file is locked while the sink is open. When the file
 * reaches {@code maxFileBytes} or the day changes, it is sealed, renamed to {@code
 * <name>-<date>-<seq>.jsonl} beside it, and a new file starts with a continuation record that names
 * its predecessor and links to its final checkpoint.
 *
 * <p>Subjects are written as keyed hashes only; the officer's name and ID are not written (the
 * officer code identifies the officer to the agency). Thread-safe: {@link #record(AuditEvent)} may
 * be called from any thread.
 */
public final class FileAuditSink implements AuditSink {
  private static final DateTimeFormatter ROTATED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private final Path file;
  private final AuditSigner signer;
  private final String hmacKeyId;
  private final int checkpointEvery;
  private final long maxFileBytes;
  private final boolean rotateDaily;
  private final ZoneId zone;
  private final Clock clock;
  private final JsonFactory json = AuditRecords.newFactory(AuditVerifier.DEFAULT_MAX_LINE_BYTES);
  private static final HexFormat HEX = HexFormat.of();
  // Guarded by this, like the state below.
  private final MessageDigest sha256 = AuditRecords.newSha256();
  // Forces the file to disk off the caller's thread; one daemon thread per sink, stopped at close.
  private final ExecutorService syncer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "id06-audit-sync");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private volatile IOException syncFailure;

  // Guarded by this.
  private OutputStream out;
  private FileOutputStream fileOut;
  private long size;
  private long seq;
  private String prev;
  private long eventsSinceCheckpoint;
  private long eventsInFile;
  private LocalDate day;
  private boolean closed;

  private FileAuditSink(Builder b) {
    this.file = b.file;
    this.signer = b.signer;
    this.hmacKeyId = b.hmacKeyId;
    this.checkpointEvery = b.checkpointEvery;
    this.maxFileBytes = b.maxFileBytes;
    this.rotateDaily = b.rotateDaily;
    this.zone = b.zone;
    this.clock = b.clock;
    synchronized (this) {
      open(null);
    }
  }

  /**
   * Starts a builder.
   *
   * @param file the trail's current file (created with a genesis record when missing)
   * @param signer the checkpoint signing key
   * @param hasher the subject hasher whose key id is recorded in the first record
   * @return a new builder
   */
  public static Builder builder(Path file, AuditSigner signer, SubjectHasher hasher) {
    return new Builder(file, signer, hasher);
  }

  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    ensureOpen();
    Instant now = clock.instant();
    if ((maxFileBytes > 0 && size >= maxFileBytes && eventsInFile > 0)
        || (rotateDaily && !LocalDate.ofInstant(now, zone).equals(day) && eventsInFile > 0)) {
      rotate(now);
    }
    Map<String, Object> r =
        AuditRecords.header(seq, AuditRecords.EVENT, event.time().toString(), prev);
    OperatorContext op = event.operator();
    r.put("op", event.operation());
    r.put("agency", op.agencyCode());
    r.put("officer", op.officerCode());
    r.put("procedure", op.procedureCode());
    r.put("purpose", op.purpose());
    r.put("subject", event.subjectHash());
    r.put("outcome", event.outcome().name());
    r.put("attempts", event.attempts());
    r.put("requestId", event.requestId());
    write(r);
    eventsSinceCheckpoint++;
    eventsInFile++;
    if (eventsSinceCheckpoint >= checkpointEvery) {
      checkpoint(false);
    }
  }

  /**
   * Writes a checkpoint if events arrived since the last one and hands the file to the operating
   * system; the disk sync follows in the background.
   */
  @Override
  public synchronized void flush() {
    ensureOpen();
    if (eventsSinceCheckpoint > 0) {
      checkpoint(false);
    }
  }

  /** Writes the final checkpoint and closes the file. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      checkpoint(true);
      out.close();
    } catch (IOException e) {
      throw new Id06Exception("cannot close the audit trail", e);
    } finally {
      syncer.shutdown();
    }
  }

  /**
   * Returns the current file.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the audit sink is closed");
    }
  }

  private void open(String predecessor) {
    try {
      day = LocalDate.ofInstant(clock.instant(), zone);
      eventsInFile = 0;
      eventsSinceCheckpoint = 0;
      fileOut = new FileOutputStream(file.toFile(), true);
      try {
        lock();
        // Decided under the lock: another writer may have started the file meanwhile.
        boolean existing = fileOut.getChannel().size() > 0;
        if (existing) {
          resume();
        }
        out = new BufferedOutputStream(fileOut, 64 * 1024);
        size = fileOut.getChannel().size();
        if (existing) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        fileOut.close();
        throw e;
      }
      String type = predecessor == null ? AuditRecords.GENESIS : AuditRecords.CONTINUATION;
      if (predecessor == null) {
        seq = 0;
        prev = AuditRecords.ZERO_HASH;
      }
      Map<String, Object> r = AuditRecords.header(seq, type, clock.instant().toString(), prev);
      if (predecessor != null) {
        r.put("predecessor", predecessor);
      }
      r.put("signingKey", AuditRecords.keyId(signer.publicKey()));
      r.put("alg", signer.algorithm());
      r.put("hmacKey", hmacKeyId);
      write(r);
      checkpoint(false);
    } catch (IOException e) {
      throw new Id06Exception("cannot open the audit trail", e);
    }
  }

  /**
   * Takes the file for this writer alone: two writers appending to one trail would fork its chain,
   * which the verifier could not tell from an edit. The lock goes with the channel at close.
   */
  private void lock() throws IOException {
    FileLock lock;
    try {
      lock = fileOut.getChannel().tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      throw new InvalidInputException(
          "auditFile", InputReason.ACCESS_REFUSED, "the audit trail is in use by another writer");
    }
  }

  /** Continues the chain of an existing file from its last line. */
  private void resume() throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      raf.seek(length - 1);
      if (raf.read() != '\n') {
        throw new VerificationException(
            SecurityCheck.AUDIT_CHAIN,
            "the audit trail ends with an incomplete line; verify it and start a new file");
      }
      long max = AuditVerifier.DEFAULT_MAX_LINE_BYTES;
      long start = Math.max(0, length - 1 - max);
      byte[] tail = new byte[(int) (length - 1 - start)];
      raf.seek(start);
      raf.readFully(tail);
      int nl = tail.length - 1;
      while (nl >= 0 && tail[nl] != '\n') {
        nl--;
      }
      if (nl < 0 && start > 0) {
        throw new VerificationException(
            SecurityCheck.AUDIT_CHAIN, "the audit trail's last line is too long");
      }
      String last = new String(tail, nl + 1, tail.length - nl - 1, StandardCharsets.UTF_8);
      Map<String, Object> parsed =
          AuditRecords.parse(json, last)
              .orElseThrow(
                  () ->
                      new VerificationException(
                          SecurityCheck.AUDIT_CHAIN,
                          "the audit trail's last line is not a record"));
      if (!(parsed.get("seq") instanceof Long n)) {
        throw new VerificationException(
            SecurityCheck.AUDIT_CHAIN, "the audit trail's last line has no sequence number");
      }
      seq = n.longValue() + 1;
      prev = AuditRecords.hashOfLine(last);
      checkKeys(raf);
    }
  }

  /**
   * Refuses to continue a trail started under other keys: its new checkpoints would not verify, and
   * its subjects would hash differently.
   */
  private void checkKeys(RandomAccessFile raf) throws IOException {
    raf.seek(0);
    byte[] head = new byte[(int) Math.min(raf.length(), AuditVerifier.DEFAULT_MAX_LINE_BYTES)];
    raf.readFully(head);
    int nl = 0;
    while (nl < head.length && head[nl] != '\n') {
      nl++;
    }
    Map<String, Object> first =
        AuditRecords.parse(json, new String(head, 0, nl, StandardCharsets.UTF_8))
            .orElseThrow(
                () ->
                    new VerificationException(
                        SecurityCheck.AUDIT_CHAIN, "the audit trail's first line is not a record"));
    if (!AuditRecords.keyId(signer.publicKey()).equals(first.get("signingKey"))
        || !hmacKeyId.equals(first.get("hmacKey"))) {
      throw new InvalidInputException(
          "auditKeys",
          InputReason.UNKNOWN_VALUE,
          "the audit trail was started with other keys; continue it with those, or start a new"
              + " file");
    }
  }

  private void rotate(Instant now) {
    checkpoint(true);
    try {
      out.close();
      String name = file.getFileName().toString();
      String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
      String rotatedName =
          stem + "-" + ROTATED.format(now.atZone(zone)) + "-" + (seq - 1) + ".jsonl";
      Files.move(file, file.resolveSibling(rotatedName));
      open(rotatedName);
    } catch (IOException e) {
      throw new Id06Exception("cannot rotate the audit trail", e);
    }
  }

  /**
   * Asks the syncer to force what was written so far to disk. At most one request waits at a time:
   * it covers everything written before it starts.
   */
  private void requestSync() {
    IOException failed = syncFailure;
    if (failed != null) {
      throw new Id06Exception("cannot force the audit trail to disk", failed);
    }
    if (syncQueued.compareAndSet(false, true)) {
      FileChannel channel = fileOut.getChannel();
      syncer.execute(
          () -> {
            syncQueued.set(false);
            try {
              channel.force(false);
            } catch (IOException e) {
              syncFailure = e;
            }
          });
    }
  }

  /** Waits until the syncer has done what was asked of it, then forces the file here. */
  private void syncNow() throws IOException {
    try {
      syncer.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the disk", e);
    } catch (ExecutionException e) {
      throw new IOException("the disk sync failed", e);
    }
    IOException failed = syncFailure;
    if (failed != null) {
      throw failed;
    }
    fileOut.getChannel().force(false);
  }

  private void checkpoint(boolean fin) {
    String time = clock.instant().toString();
    String alg = signer.algorithm();
    byte[] sig =
        signer.sign(
            AuditRecords.checkpointPayload(seq, time, prev, eventsSinceCheckpoint, fin, alg));
    Map<String, Object> r = AuditRecords.header(seq, AuditRecords.CHECKPOINT, time, prev);
    r.put("events", eventsSinceCheckpoint);
    r.put("final", fin);
    r.put("alg", alg);
    r.put("sig", Base64.getEncoder().encodeToString(sig));
    write(r);
    eventsSinceCheckpoint = 0;
    try {
      // To the operating system now: a killed process loses nothing sealed. To the disk by the
      // syncer, so the caller does not wait for it; a closing checkpoint waits.
      out.flush();
      if (fin) {
        syncNow();
      } else {
        requestSync();
      }
    } catch (IOException e) {
      throw new Id06Exception("cannot write the audit trail", e);
    }
  }

  private void write(Map<String, Object> record) {
    byte[] bytes = AuditRecords.line(record).getBytes(StandardCharsets.UTF_8);
    try {
      out.write(bytes);
      out.write('\n');
    } catch (IOException e) {
      throw new Id06Exception("cannot write the audit trail", e);
    }
    size += bytes.length + 1L;
    seq++;
    prev = HEX.formatHex(sha256.digest(bytes));
  }

  @Override
  public synchronized String toString() {
    return "FileAuditSink[seq=" + seq + ", closed=" + closed + "]";
  }

  /** Builds a {@link FileAuditSink}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private final Path file;
    private final AuditSigner signer;
    private final String hmacKeyId;
    private int checkpointEvery = 1000;
    private long maxFileBytes = 256L * 1024 * 1024;
    private boolean rotateDaily = true;
    private ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    private Clock clock = Clock.systemUTC();

    private Builder(Path file, AuditSigner signer, SubjectHasher hasher) {
      this.file = Objects.requireNonNull(file, "file");
      this.signer = Objects.requireNonNull(signer, "signer");
      this.hmacKeyId = Objects.requireNonNull(hasher, "hasher").keyId();
    }

    /**
     * Writes a signed checkpoint every {@code events} events (default 1,000).
     *
     * @param events between 1 and 1,000,000
     * @return this builder
     */
    public Builder checkpointEvery(int events) {
      if (events < 1 || events > 1_000_000) {
        throw new InvalidInputException(
            "checkpointEvery", InputReason.MALFORMED, "between 1 and 1000000");
      }
      this.checkpointEvery = events;
      return this;
    }

    /**
     * Rotates when the file reaches {@code bytes} (default 256 MiB; 0: never by size).
     *
     * @param bytes 0, or at least 4,096
     * @return this builder
     */
    public Builder maxFileBytes(long bytes) {
      if (bytes != 0 && bytes < 4096) {
        throw new InvalidInputException("maxFileBytes", InputReason.MALFORMED, "0 or >= 4096");
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /**
     * Rotates when the day changes in {@code zone} (default: on, in Asia/Ho_Chi_Minh).
     *
     * @param daily whether to rotate daily
     * @param zone the zone whose midnight starts a new file
     * @return this builder
     */
    public Builder rotateDaily(boolean daily, ZoneId zone) {
      this.rotateDaily = daily;
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the clock for record times and rotation (default {@link Clock#systemUTC()}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens (or creates) the trail.
     *
     * @return the sink
     * @throws VerificationException when the existing file ends with a damaged line
     */
    public FileAuditSink build() {
      return new FileAuditSink(this);
    }
  }
}
