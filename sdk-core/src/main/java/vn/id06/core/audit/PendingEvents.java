package vn.id06.core.audit;

import java.time.Instant;
import java.util.Arrays;

/**
 * Events and seals queued for {@link FileAuditSink}'s writer, held in primitive arrays: each
 * event's changing fields are copied in by the caller (a few dozen bytes, in order), and its
 * repeated ones (operation, operator, request id) kept by reference, which the writer's encoder
 * compares with the ones it last encoded (usually the same objects). The writer then reads little
 * memory that another core wrote; on a small machine that reading cost it more than encoding,
 * hashing and writing together.
 *
 * <p>The events of one {@link AuditSink#recordAll} call are queued together, so the writer sees a
 * whole call in one take and groups it the same way whatever the timing.
 *
 * <p>Not thread-safe: filled under the sink's hand-over lock, then the writer's alone.
 */
final class PendingEvents {
  int count;
  long[] timeSeconds;
  int[] timeNanos;
  long[] atSeconds;
  int[] atNanos;
  AuditOutcome[] outcomes;
  int[] attempts;
  String[] operations;
  OperatorContext[] operators;
  String[] requestIds;
  // The subjects' hex digits, one after another; where each entry's end.
  byte[] subjects;
  int[] subjectEnds;
  // Whether the entry belongs to the same recordAll call as the one before it.
  boolean[] joins;
  // Non-null at a seal's entry.
  Object[] seals;

  PendingEvents(int capacity) {
    int n = capacity + 1;
    timeSeconds = new long[n];
    timeNanos = new int[n];
    atSeconds = new long[n];
    atNanos = new int[n];
    outcomes = new AuditOutcome[n];
    attempts = new int[n];
    operations = new String[n];
    operators = new OperatorContext[n];
    requestIds = new String[n];
    subjects = new byte[n * 64];
    subjectEnds = new int[n];
    joins = new boolean[n];
    seals = new Object[n];
  }

  /**
   * Whether entry {@code j} can share a group record with entry {@code i} before it: the same call,
   * and the same shared fields (a caller may pass a call's events with different ones).
   */
  boolean sameCall(int i, int j) {
    return joins[j]
        && subjectEnds[i] > subjectStart(i)
        && subjectEnds[j] > subjectStart(j)
        && timeSeconds[i] == timeSeconds[j]
        && timeNanos[i] == timeNanos[j]
        && attempts[i] == attempts[j]
        && operations[i].equals(operations[j])
        && operators[i].equals(operators[j])
        && requestIds[i].equals(requestIds[j]);
  }

  /** Where entry {@code i}'s subject starts. */
  int subjectStart(int i) {
    return i == 0 ? 0 : subjectEnds[i - 1];
  }

  /**
   * Queues an event.
   *
   * @param e the event
   * @param at the sink's clock when it was recorded
   * @param join whether it belongs to the same call as the entry before it
   */
  void addEvent(AuditEvent e, Instant at, boolean join) {
    room();
    int i = count;
    joins[i] = join;
    Instant t = e.time();
    timeSeconds[i] = t.getEpochSecond();
    timeNanos[i] = t.getNano();
    atSeconds[i] = at.getEpochSecond();
    atNanos[i] = at.getNano();
    outcomes[i] = e.outcome();
    attempts[i] = e.attempts();
    operations[i] = e.operation();
    operators[i] = e.operator();
    requestIds[i] = e.requestId();
    String subject = e.subjectHash(); // "" or 64 hex digits (checked by AuditEvent)
    int from = subjectStart(i);
    if (from + subject.length() > subjects.length) {
      subjects = Arrays.copyOf(subjects, Math.max(subjects.length * 2, from + subject.length()));
    }
    for (int k = 0; k < subject.length(); k++) {
      subjects[from + k] = (byte) subject.charAt(k);
    }
    subjectEnds[i] = from + subject.length();
    seals[i] = null;
    count++;
  }

  void addSeal(Object seal) {
    room(); // a close is queued even when the queue is full
    joins[count] = false;
    subjectEnds[count] = subjectStart(count);
    seals[count] = seal;
    count++;
  }

  /**
   * Empties the queue. The references past {@code count} stay until overwritten (each entry's are
   * written afresh when it is added): clearing them here would hand their cache lines to the
   * writer's core, and every caller's next add would fetch them back.
   */
  void clear() {
    count = 0;
  }

  private void room() {
    if (count == seals.length) {
      int n = count * 2;
      timeSeconds = Arrays.copyOf(timeSeconds, n);
      timeNanos = Arrays.copyOf(timeNanos, n);
      atSeconds = Arrays.copyOf(atSeconds, n);
      atNanos = Arrays.copyOf(atNanos, n);
      outcomes = Arrays.copyOf(outcomes, n);
      attempts = Arrays.copyOf(attempts, n);
      operations = Arrays.copyOf(operations, n);
      operators = Arrays.copyOf(operators, n);
      requestIds = Arrays.copyOf(requestIds, n);
      subjectEnds = Arrays.copyOf(subjectEnds, n);
      joins = Arrays.copyOf(joins, n);
      seals = Arrays.copyOf(seals, n);
    }
  }
}
