package vn.id06.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * are buffered and handed to the operating system at each checkpoint, then forced to disk by a
 * background thread at most once per {@linkplain Builder#syncInterval sync interval} (the caller
 * does not wait for the disk; {@link #close()} does): a crash of the process loses at most the
 * events since the last checkpoint, and {@link AuditVerifier} reports how many lines are unsealed.
 * One writer at a time: the file is locked while the sink is open. When the file reaches {@code
 * maxFileBytes} or the day changes, it is sealed, renamed to {@code <name>-<date>-<seq>.jsonl}
 * beside it, and a new file starts with a continuation record that names its predecessor and links
 * to its final checkpoint.
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
  // Guarded by this, like the state below.
  private final MessageDigest sha256 = AuditRecords.newSha256();
  private final byte[] digest = new byte[32];
  private final EventLineEncoder lines = new EventLineEncoder();
  // Forces the file to disk off the caller's thread; one daemon thread per sink, stopped at close.
  private final ScheduledExecutorService syncer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "id06-audit-sync");
            t.setDaemon(true);
            return t;
          });
  // Signs the checkpoints that fall due while events come in, so the caller does not wait for the
  // signature (about half a millisecond with Ed25519 in JDK 17, as long as a thousand events' own
  // writing): one daemon thread per sink, stopped at close.
  private final ExecutorService signing =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "id06-audit-sign");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private final long syncIntervalNanos;
  // When the last sync started (System.nanoTime); written by the syncer, read under this.
  private volatile long lastSyncStart;
  // The current file's channel, for the syncer; replaced at rotation.
  private volatile FileChannel channel;
  private volatile IOException syncFailure;

  // Guarded by this.
  private OutputStream out;
  private FileOutputStream fileOut;
  private long size;
  private long seq;

  /** The last line's SHA-256, as the 64 lowercase hex digits the next line carries. */
  private final byte[] prevHex = new byte[64];

  private long eventsSinceCheckpoint;
  private long eventsInFile;
  // The current file's day in the rotation zone, as instants: compared per record, so no zone
  // arithmetic there.
  private Instant dayStart;
  private Instant dayEnd;
  private boolean closed;
  // The checkpoint being signed, if any, and the events that came meanwhile, held in order until it
  // is written (at most maxHeld of them; then the caller waits for the signature).
  private PendingCheckpoint pending;
  private final ArrayDeque<AuditEvent> held = new ArrayDeque<>();
  private final int maxHeld;
  private Id06Exception broken;

  /** A checkpoint whose signature is being made; nothing is written until it is. */
  private record PendingCheckpoint(String time, String prev, String alg, Future<byte[]> sig) {}

  private FileAuditSink(Builder b) {
    this.file = b.file;
    this.signer = b.signer;
    this.hmacKeyId = b.hmacKeyId;
    this.checkpointEvery = b.checkpointEvery;
    this.maxFileBytes = b.maxFileBytes;
    this.rotateDaily = b.rotateDaily;
    this.zone = b.zone;
    this.clock = b.clock;
    this.syncIntervalNanos = b.syncInterval.toNanos();
    this.maxHeld = Math.max(1, checkpointEvery / 2);
    this.lastSyncStart = System.nanoTime() - syncIntervalNanos;
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

  /**
   * Records an event. The line is written at once, except while a checkpoint that fell due is being
   * signed in the background: events that come meanwhile are held in memory, in order, and written
   * after it (at most half a checkpoint interval of them; beyond that this call waits for the
   * signature).
   *
   * @throws Id06Exception when the trail cannot be written or a checkpoint cannot be signed; the
   *     sink is then unusable and {@link #close()} only closes the file
   */
  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    ensureUsable();
    try {
      if (pending == null) {
        writeEvent(event);
      } else {
        held.addLast(event);
        drain(false);
      }
    } catch (Id06Exception e) {
      throw breaks(e);
    }
  }

  /**
   * A failed write or signature leaves the chain in an unknown state: the sink refuses more work.
   * An interrupted wait for a signature does not: the checkpoint and the held events stay pending.
   */
  private Id06Exception breaks(Id06Exception e) {
    if (!Thread.currentThread().isInterrupted()) {
      broken = e;
    }
    return e;
  }

  /**
   * Writes the held events once their checkpoint is signed, waiting for the signature when {@code
   * all} is set or too many events are held.
   */
  private void drain(boolean all) {
    while (true) {
      if (pending != null) {
        if (!all && held.size() < maxHeld && !pending.sig().isDone()) {
          return;
        }
        writePending();
      }
      AuditEvent next = held.pollFirst();
      if (next == null) {
        return;
      }
      writeEvent(next);
    }
  }

  private void writeEvent(AuditEvent event) {
    Instant now = clock.instant();
    if ((maxFileBytes > 0 && size >= maxFileBytes && eventsInFile > 0)
        || (rotateDaily && eventsInFile > 0 && (now.isBefore(dayStart) || !now.isBefore(dayEnd)))) {
      rotate(now);
    }
    lines.encode(seq, prevHex, event);
    writeLine(lines.bytes(), lines.length());
    eventsSinceCheckpoint++;
    eventsInFile++;
    if (eventsSinceCheckpoint >= checkpointEvery) {
      startCheckpoint();
    }
  }

  /**
   * Hands the lines so far to the operating system and has the checkpoint signed in the background.
   * Until it is written, no line is, so its sequence number and link stay valid.
   */
  private void startCheckpoint() {
    String time = clock.instant().toString();
    String alg = signer.algorithm();
    String prev = prev();
    byte[] payload =
        AuditRecords.checkpointPayload(seq, time, prev, eventsSinceCheckpoint, false, alg);
    try {
      out.flush();
    } catch (IOException e) {
      throw new Id06Exception("cannot write the audit trail", e);
    }
    pending = new PendingCheckpoint(time, prev, alg, signing.submit(() -> signer.sign(payload)));
  }

  /** Waits for the pending checkpoint's signature and writes the checkpoint. */
  private void writePending() {
    PendingCheckpoint c = pending;
    byte[] sig;
    try {
      sig = c.sig().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Id06Exception("interrupted while signing an audit checkpoint", e);
    } catch (ExecutionException e) {
      throw new Id06Exception("cannot sign the audit checkpoint", e.getCause());
    }
    pending = null;
    writeCheckpoint(c.time(), c.prev(), false, c.alg(), sig);
  }

  /**
   * Writes a checkpoint if events arrived since the last one and hands the file to the operating
   * system; the disk sync follows in the background.
   */
  @Override
  public synchronized void flush() {
    ensureUsable();
    try {
      drain(true);
      if (eventsSinceCheckpoint > 0) {
        checkpoint(false);
      }
    } catch (Id06Exception e) {
      throw breaks(e);
    }
  }

  /** Writes the final checkpoint and closes the file. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Id06Exception failure = null;
    try {
      if (broken == null) {
        drain(true);
        checkpoint(true);
      }
    } catch (Id06Exception e) {
      failure = e;
    } finally {
      // Delayed syncs are covered by the closing checkpoint's own; do not keep the file open for
      // them.
      syncer.shutdownNow();
      signing.shutdownNow();
    }
    try {
      out.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = new Id06Exception("cannot close the audit trail", e);
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
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

  private void ensureUsable() {
    if (closed) {
      throw new IllegalStateException("the audit sink is closed");
    }
    if (broken != null) {
      throw new Id06Exception("the audit trail failed earlier; close it and verify it", broken);
    }
  }

  private void open(String predecessor) {
    try {
      LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
      dayStart = day.atStartOfDay(zone).toInstant();
      dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
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
        channel = fileOut.getChannel();
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
        setPrev(AuditRecords.ZERO_HASH);
      }
      Map<String, Object> r = AuditRecords.header(seq, type, clock.instant().toString(), prev());
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
      setPrev(AuditRecords.hashOfLine(last));
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
   * Asks the syncer to force what was written so far to disk, at most once per sync interval. At
   * most one request waits at a time: it covers everything written before it starts, so each
   * checkpoint is on disk within about one interval. Syncing every checkpoint instead would make
   * the next checkpoint's write wait on the disk whenever checkpoints come fast (a batch run).
   */
  // The task keeps its own failure in syncFailure, which the next request and close report.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void requestSync() {
    IOException failed = syncFailure;
    if (failed != null) {
      throw new Id06Exception("cannot force the audit trail to disk", failed);
    }
    if (syncQueued.compareAndSet(false, true)) {
      long wait = Math.max(0, lastSyncStart + syncIntervalNanos - System.nanoTime());
      syncer.schedule(
          () -> {
            syncQueued.set(false);
            lastSyncStart = System.nanoTime();
            try {
              channel.force(false);
            } catch (ClosedChannelException sealed) {
              // Rotated or closed meanwhile: its closing checkpoint was forced then.
            } catch (IOException e) {
              syncFailure = e;
            }
          },
          wait,
          TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Forces the file to disk here, for a closing checkpoint. A sync still waiting for its interval
   * is then pointless: this one covers it.
   */
  private void syncNow() throws IOException {
    IOException failed = syncFailure;
    if (failed != null) {
      throw failed;
    }
    fileOut.getChannel().force(false);
  }

  /** Signs and writes a checkpoint here (opening, rotation, flush and close). */
  private void checkpoint(boolean fin) {
    String time = clock.instant().toString();
    String alg = signer.algorithm();
    String prev = prev();
    byte[] sig =
        signer.sign(
            AuditRecords.checkpointPayload(seq, time, prev, eventsSinceCheckpoint, fin, alg));
    writeCheckpoint(time, prev, fin, alg, sig);
  }

  private void writeCheckpoint(String time, String prev, boolean fin, String alg, byte[] sig) {
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
    writeLine(bytes, bytes.length);
  }

  private void writeLine(byte[] bytes, int length) {
    try {
      out.write(bytes, 0, length);
      out.write('\n');
      sha256.update(bytes, 0, length);
      sha256.digest(digest, 0, digest.length);
    } catch (IOException | DigestException e) {
      throw new Id06Exception("cannot write the audit trail", e);
    }
    size += length + 1L;
    seq++;
    EventLineEncoder.hex(digest, prevHex);
  }

  private String prev() {
    return new String(prevHex, StandardCharsets.US_ASCII);
  }

  private void setPrev(String hex) {
    byte[] b = hex.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, prevHex, 0, prevHex.length);
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
    private Duration syncInterval = Duration.ofSeconds(1);

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
     * Forces the file to disk at most once per {@code interval} (default 1 second), in the
     * background; the closing checkpoint is always forced before {@link #close()} returns. Sealed
     * lines reach the operating system at once, so a killed process loses none of them; the
     * interval bounds what a power cut can take. {@link Duration#ZERO} asks for a sync after every
     * checkpoint.
     *
     * @param interval from 0 to 1 hour
     * @return this builder
     */
    public Builder syncInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
        throw new InvalidInputException("syncInterval", InputReason.MALFORMED, "0 to 1 hour");
      }
      this.syncInterval = interval;
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
