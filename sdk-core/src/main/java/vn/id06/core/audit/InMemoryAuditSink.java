package vn.id06.core.audit;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * Keeps events in memory, in the order they were recorded, for tests and demos. Bounded: beyond
 * {@code capacity} events the oldest are dropped.
 *
 * <p>Thread-safe.
 */
public final class InMemoryAuditSink implements AuditSink {
  private final int capacity;
  private final ArrayDeque<AuditEvent> events = new ArrayDeque<>();
  private long dropped;

  private InMemoryAuditSink(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Creates a sink that keeps the last 100,000 events.
   *
   * @return the sink
   */
  public static InMemoryAuditSink create() {
    return withCapacity(100_000);
  }

  /**
   * Creates a sink that keeps the last {@code capacity} events.
   *
   * @param capacity between 1 and 10,000,000
   * @return the sink
   */
  public static InMemoryAuditSink withCapacity(int capacity) {
    if (capacity < 1 || capacity > 10_000_000) {
      throw new IllegalArgumentException("capacity must be between 1 and 10000000");
    }
    return new InMemoryAuditSink(capacity);
  }

  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (events.size() == capacity) {
      events.pollFirst();
      dropped++;
    }
    events.add(event);
  }

  /**
   * Returns the kept events, oldest first.
   *
   * @return an immutable copy
   */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Returns how many events were dropped because the sink was full.
   *
   * @return the number dropped
   */
  public synchronized long dropped() {
    return dropped;
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
    dropped = 0;
  }

  @Override
  public synchronized String toString() {
    return "InMemoryAuditSink[events=" + events.size() + ", dropped=" + dropped + "]";
  }
}
