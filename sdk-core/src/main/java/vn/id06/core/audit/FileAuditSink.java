package vn.id06.core.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import vn.id06.core.Id06Exception;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.VerificationException;

/**
 * A tamper-evident audit trail in a JSON Lines file.
 *
 * <p>The file starts with a genesis record; every record carries the SHA-256 of the line before it;
 * every {@code checkpointEvery} events, and at {@link #close()}, a checkpoint signed with the
 * {@link AuditSigner} seals the chain so far. Opening an existing trail continues its chain. One
 * writer at a time: the file is locked while the sink is open. When the file reaches {@code
 * maxFileBytes} or the day changes, it is sealed, renamed to {@code <name>-<date>-<seq>.jsonl}
 * beside it, and a new file starts with a continuation record that names its predecessor and links
 * to its final checkpoint.
 *
 * <p>{@link #record(AuditEvent)} copies the event's fields into the sink's queue and returns: the
 * caller does not wait for encoding, hashing, signing or the disk, which the sink's writer thread
 * does. {@link #recordAll(List)} queues a batch call's events together, and the writer states their
 * shared fields once per group of subjects (an {@code events} record). The writer hands the lines
 * to the operating system after each batch it takes, and at every checkpoint; a background thread
 * forces the file to disk at most once per {@linkplain Builder#syncInterval sync interval}; {@link
 * #flush()} waits until everything recorded before it is sealed and handed over, {@link #close()}
 * until it is on disk. At most half a checkpoint interval of events, plus one {@code recordAll}
 * call's, waits for the writer (then {@code record} waits), so a killed process loses at most those
 * and the line being written, and {@link AuditVerifier} reports the lines after the last checkpoint
 * as unsealed.
 *
 * <p>Subjects are written as keyed hashes only; the officer's name and ID are not written (the
 * officer code identifies the officer to the agency). Thread-safe: every method may be called from
 * any thread; events from one thread are written in the order recorded.
 */
public final class FileAuditSink implements AuditSink {
  /**
   * After each batch the writer waits this long before it looks again, and nobody wakes it: during
   * a burst of events callers then only append to the queue, and the writer takes what came
   * meanwhile in one go. Waking the writer per event would cost each record() a system call, more
   * than the rest of its work. Seals, and a queue half full, wake it at once.
   */
  private static final long GATHER_NANOS = 250_000;

  private final Path file;
  private final Clock clock;
  private final TrailWriter trail;
  private final Thread writer;
  private final int capacity;
  // The hand-over between callers and the writer; held only to append or to swap queues.
  private final ReentrantLock handOver = new ReentrantLock();
  private final Condition hasWork = handOver.newCondition();
  private final Condition hasRoom = handOver.newCondition();
  // Guarded by handOver: what callers queued since the writer last took it.
  private PendingEvents pending;
  // Guarded by handOver: the writer waits on hasWork (after a quiet spell) and must be signalled.
  private boolean writerWaiting;
  // Guarded by handOver: the writer was woken early and has not taken the queue yet.
  private boolean writerNudged;
  private volatile Id06Exception broken;
  // Guarded by this.
  private boolean closed;

  /** A caller's request to seal (and, when {@code close}, to close) after what came before. */
  private record Seal(boolean close, CompletableFuture<Void> done) {}

  private FileAuditSink(Builder b) {
    this.file = b.file;
    this.clock = b.clock;
    this.trail = new TrailWriter(b);
    this.capacity = Math.max(1, Math.min(b.checkpointEvery / 2, 8192));
    this.pending = new PendingEvents(capacity);
    this.writer = new Thread(this::writeLoop, "id06-audit-writer");
    writer.setDaemon(true);
    writer.start();
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
   * Records an event: hands it to the writer and returns (waits only when half a checkpoint
   * interval of events is already waiting).
   *
   * @throws IllegalStateException when the sink is closed
   * @throws Id06Exception when the trail failed earlier (a write or a signature): the sink then
   *     refuses events, and {@link #close()} only releases the file
   */
  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    ensureUsable();
    put(List.of(event), null, clock.instant());
  }

  /**
   * Records the events of one call (a batch's subjects) together: they are queued at once, and
   * written as one record per group of subjects (at most 500, and never across a checkpoint) that
   * states the call's shared fields once. Nothing is queued when an event is null.
   *
   * @throws IllegalStateException when the sink is closed
   * @throws Id06Exception when the trail failed earlier
   */
  @Override
  public synchronized void recordAll(List<AuditEvent> events) {
    Objects.requireNonNull(events, "events");
    for (AuditEvent e : events) {
      Objects.requireNonNull(e, "event");
    }
    ensureUsable();
    if (!events.isEmpty()) {
      put(events, null, clock.instant());
    }
  }

  /**
   * Waits until every event recorded before this call is written, sealed by a checkpoint and handed
   * to the operating system; the disk sync follows in the background.
   */
  @Override
  public synchronized void flush() {
    ensureUsable();
    await(new Seal(false, new CompletableFuture<>()));
    ensureUsable();
  }

  /**
   * Writes the remaining events and the final checkpoint, forces the file to disk and closes it.
   * Closing twice does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Id06Exception failed = broken;
    await(new Seal(true, new CompletableFuture<>()));
    if (failed == null && broken != null) {
      throw new Id06Exception("cannot close the audit trail", broken);
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

  @Override
  public synchronized String toString() {
    int queued;
    handOver.lock();
    try {
      queued = pending.count;
    } finally {
      handOver.unlock();
    }
    return "FileAuditSink[queued=" + queued + ", closed=" + closed + "]";
  }

  private void ensureUsable() {
    if (closed) {
      throw new IllegalStateException("the audit sink is closed");
    }
    Id06Exception failed = broken;
    if (failed != null) {
      throw new Id06Exception("the audit trail failed earlier; close it and verify it", failed);
    }
  }

  /**
   * Queues a call's events (all at once, so the writer takes them together) with when they were
   * recorded, or a seal, for the writer; waits while the queue is full, but never on a writer that
   * has stopped. A close request is queued even when the caller is interrupted (the file must be
   * released); the interrupt is kept.
   */
  private void put(List<AuditEvent> events, Seal seal, Instant at) {
    boolean mustQueue = seal != null && seal.close();
    boolean interrupted = false;
    handOver.lock();
    try {
      while (pending.count >= capacity) {
        nudgeWriter();
        try {
          hasRoom.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          if (!mustQueue) {
            Thread.currentThread().interrupt();
            throw new Id06Exception("interrupted while recording an audit event", e);
          }
          interrupted = true;
        }
        if (pending.count >= capacity && !writer.isAlive()) {
          throw new Id06Exception("the audit writer has stopped", broken);
        }
      }
      if (seal != null) {
        pending.addSeal(seal);
      } else {
        for (int k = 0; k < events.size(); k++) {
          pending.addEvent(events.get(k), at, k > 0);
        }
      }
      if (writerWaiting) {
        writerWaiting = false;
        hasWork.signal();
      } else if (seal != null || pending.count >= capacity / 2) {
        nudgeWriter();
      }
    } finally {
      handOver.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Cuts the writer's gathering pause short, once per queue it takes. Under handOver. */
  private void nudgeWriter() {
    if (!writerNudged) {
      writerNudged = true;
      LockSupport.unpark(writer);
    }
  }

  private void await(Seal seal) {
    put(null, seal, null);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          seal.done().get(50, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          if (!writer.isAlive() && !seal.done().isDone()) {
            throw new Id06Exception("the audit writer has stopped", broken);
          }
        } catch (InterruptedException e) {
          if (!seal.close()) {
            Thread.currentThread().interrupt();
            throw new Id06Exception("interrupted while sealing the audit trail", e);
          }
          // Closing goes on: the file must be released.
          interrupted = true;
        } catch (ExecutionException e) {
          throw new Id06Exception("cannot seal the audit trail", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes what callers queued, waiting for the first entry after a quiet spell. */
  private PendingEvents take(PendingEvents empty) {
    handOver.lock();
    try {
      while (pending.count == 0) {
        writerWaiting = true;
        hasWork.awaitUninterruptibly(); // put() clears writerWaiting when it signals
      }
      writerWaiting = false;
      writerNudged = false;
      PendingEvents taken = pending;
      pending = empty;
      hasRoom.signalAll();
      return taken;
    } finally {
      handOver.unlock();
    }
  }

  /**
   * The writer thread: writes what is queued, in order; hands the lines to the operating system
   * after each batch; after a failure, keeps taking (so no caller waits forever) and only answers
   * seals, until closed.
   */
  private void writeLoop() {
    PendingEvents spare = new PendingEvents(capacity);
    while (true) {
      PendingEvents batch = take(spare);
      int i = 0;
      while (i < batch.count) {
        Object entry = batch.seals[i];
        if (entry == null) {
          // A run of events up to the next seal; the trail groups each call's.
          int end = i + 1;
          while (end < batch.count && batch.seals[end] == null) {
            end++;
          }
          if (broken == null) {
            try {
              trail.writeRun(batch, i, end);
            } catch (RuntimeException e) {
              fail(e);
            }
          }
          i = end;
          continue;
        }
        Seal s = (Seal) entry;
        if (s.close()) {
          if (broken == null) {
            attempt(trail::close);
          } else {
            trail.abandon();
          }
          s.done().complete(null);
          return;
        }
        if (broken == null) {
          attempt(trail::flush); // a checkpoint hands the file to the operating system
        }
        s.done().complete(null);
        i++;
      }
      batch.clear();
      spare = batch;
      if (broken == null) {
        attempt(trail::handOver);
      }
      // Let the next events gather (a seal or a half-full queue ends this at once).
      LockSupport.parkNanos(GATHER_NANOS);
    }
  }

  private void attempt(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(RuntimeException e) {
    broken =
        e instanceof Id06Exception failure
            ? failure
            : new Id06Exception("the audit trail failed", e);
  }

  /** Builds a {@link FileAuditSink}. Not thread-safe; use from one thread. */
  public static final class Builder {
    final Path file;
    final AuditSigner signer;
    final String hmacKeyId;
    int checkpointEvery = 1000;
    long maxFileBytes = 256L * 1024 * 1024;
    boolean rotateDaily = true;
    ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    Clock clock = Clock.systemUTC();
    Duration syncInterval = Duration.ofSeconds(1);

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
