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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.SecurityCheck;
import vn.id06.core.VerificationException;

/**
 * The trail's file work for {@link FileAuditSink}: opening or continuing the chain, writing lines
 * and checkpoints, rotating, and forcing the file to disk (on its own background thread, at most
 * once per sync interval).
 *
 * <p>Not thread-safe: confined to the sink's writer thread once built (the constructor runs on the
 * caller's, so that a locked file or foreign keys fail {@code build()}).
 */
final class TrailWriter {
  private static final long SYNC_STOP_WAIT_SECONDS = 30;

  /**
   * The most subjects in one group record: about 37 KB of line, well inside the verifier's 64 KiB
   * default.
   */
  static final int MAX_GROUP = 500;

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
  private final MessageDigest sha256 = AuditRecords.newSha256();
  private final byte[] digest = new byte[32];
  private final EventLineEncoder lines = new EventLineEncoder();
  // Forces the file to disk off the writer's thread; one daemon thread per sink, stopped at close.
  private final ScheduledThreadPoolExecutor syncer = newSyncer();
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private final long syncIntervalNanos;
  // When the last sync started (System.nanoTime); written by the syncer.
  private volatile long lastSyncStart;
  // The current file's channel, for the syncer; replaced at rotation.
  private volatile FileChannel channel;
  private volatile IOException syncFailure;

  private OutputStream out;
  private FileOutputStream fileOut;
  private long size;
  private long seq;

  /** The last line's SHA-256, as the 64 lowercase hex digits the next line carries. */
  private final byte[] prevHex = new byte[64];

  private long eventsSinceCheckpoint;
  private long eventsInFile;
  // The current file's day in the rotation zone, in epoch seconds (a day starts on a whole second
  // in every zone): compared per event, so no zone arithmetic there.
  private long dayStart;
  private long dayEnd;

  TrailWriter(FileAuditSink.Builder b) {
    this.file = b.file;
    this.signer = b.signer;
    this.hmacKeyId = b.hmacKeyId;
    this.checkpointEvery = b.checkpointEvery;
    this.maxFileBytes = b.maxFileBytes;
    this.rotateDaily = b.rotateDaily;
    this.zone = b.zone;
    this.clock = b.clock;
    this.syncIntervalNanos = b.syncInterval.toNanos();
    this.lastSyncStart = System.nanoTime() - syncIntervalNanos;
    try {
      open(null);
    } catch (RuntimeException e) {
      stopSyncer();
      throw e;
    }
  }

  /**
   * Writes queued events {@code from} to {@code to} (exclusive): each group of the same call's
   * subjects ({@link PendingEvents#sameCall}) as one record (at most {@link #MAX_GROUP}, never
   * across a checkpoint, a rotation or the day's end), any other event as its own; rotates when due
   * and seals a checkpoint every {@code checkpointEvery} events.
   *
   * @param q the queue
   * @param from the first entry; the entries' record times (the sink's clock) decide the day
   * @param to after the last entry
   */
  void writeRun(PendingEvents q, int from, int to) {
    int i = from;
    while (i < to) {
      long atSecond = q.atSeconds[i];
      if ((maxFileBytes > 0 && size >= maxFileBytes && eventsInFile > 0)
          || (rotateDaily && eventsInFile > 0 && !inDay(atSecond))) {
        rotate(Instant.ofEpochSecond(atSecond, q.atNanos[i]));
      }
      long room = Math.min(MAX_GROUP, checkpointEvery - eventsSinceCheckpoint);
      int j = i + 1;
      while (j < to
          && j - i < room
          && q.sameCall(i, j)
          && (!rotateDaily || inDay(q.atSeconds[j]))) {
        j++;
      }
      if (j - i == 1) {
        lines.encode(seq, prevHex, q, i);
      } else {
        lines.encodeGroup(seq, prevHex, q, i, j);
      }
      writeLine(lines.bytes(), lines.length());
      eventsSinceCheckpoint += j - i;
      eventsInFile += j - i;
      if (eventsSinceCheckpoint >= checkpointEvery) {
        checkpoint(false);
      }
      i = j;
    }
  }

  /** Whether a record time (epoch second) falls in the current file's day. */
  private boolean inDay(long atSecond) {
    return atSecond >= dayStart && atSecond < dayEnd;
  }

  /** Hands what is buffered to the operating system (a killed process then loses none of it). */
  void handOver() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new Id06Exception("cannot write the audit trail", e);
    }
  }

  /** Seals the events since the last checkpoint, if any. */
  void flush() {
    if (eventsSinceCheckpoint > 0) {
      checkpoint(false);
    }
  }

  /** Writes the final checkpoint, forces it to disk and closes the file. */
  void close() {
    try {
      checkpoint(true);
    } catch (RuntimeException e) {
      abandon(); // the file is released even when the last checkpoint fails
      throw e;
    }
    // Delayed syncs are covered by the closing checkpoint's own.
    stopSyncer();
    try {
      out.close();
    } catch (IOException e) {
      throw new Id06Exception("cannot close the audit trail", e);
    }
  }

  /** Closes the file without sealing it, after a failure (the verifier reports the tail). */
  void abandon() {
    stopSyncer();
    try {
      out.close();
    } catch (IOException e) {
      // Already failing; the file is released either way.
    }
  }

  private static ScheduledThreadPoolExecutor newSyncer() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "id06-audit-sync");
              t.setDaemon(true);
              return t;
            });
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return e;
  }

  /**
   * Drops the syncs still waiting for their interval and lets a running one finish, before the file
   * is closed. Never by interrupting it: an interrupted FileChannel operation closes the channel,
   * and the file's descriptor with it, so the lines still buffered would be lost.
   */
  private void stopSyncer() {
    syncer.shutdown();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          // A disk that hangs longer than this: the file is closed all the same, and the sync
          // then fails on its own.
          syncer.awaitTermination(SYNC_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void open(String predecessor) {
    try {
      LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
      dayStart = day.atStartOfDay(zone).toEpochSecond();
      dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
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

  /** Signs and writes a checkpoint and hands the file to the operating system. */
  private void checkpoint(boolean fin) {
    String time = clock.instant().toString();
    String alg = signer.algorithm();
    String prev = prev();
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
      // syncer, so the writer does not wait for it; a closing checkpoint waits.
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
}
