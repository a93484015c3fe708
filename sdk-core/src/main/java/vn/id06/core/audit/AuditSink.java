package vn.id06.core.audit;

import java.util.List;

/**
 * Receives one {@link AuditEvent} per audited call, or per subject of a batch call (handed over
 * together through {@link #recordAll(List)}). A client calls the sink from any of its threads, so
 * implementations must be thread-safe.
 *
 * <p>A sink that cannot record should throw an {@link vn.id06.core.Id06Exception}: an access that
 * cannot be accounted for should not go unnoticed.
 */
public interface AuditSink extends AutoCloseable {

  /**
   * Records an event.
   *
   * @param event the event
   */
  void record(AuditEvent event);

  /**
   * Records the events of one call together, in order: a batch's subjects, which share the call's
   * operation, operator, time, attempts and request id. A sink may store those shared fields once
   * ({@link FileAuditSink} writes one record per group of subjects); the default records each.
   *
   * @param events the call's events
   */
  default void recordAll(List<AuditEvent> events) {
    for (AuditEvent e : events) {
      record(e);
    }
  }

  /** Pushes buffered events to their destination; the default does nothing. */
  default void flush() {}

  /** Flushes and releases resources; the default does nothing. */
  @Override
  default void close() {}

  /**
   * Returns a sink that drops every event (for benchmarks and for callers that audit elsewhere).
   *
   * @return the no-op sink
   */
  static AuditSink discarding() {
    return event -> {};
  }
}
