package vn.id06.cardreader;

/**
 * The outcome of one proof inside the reader, before it becomes a public {@code Proof}. Immutable.
 */
record Verdict(Status status, String reason) {
  enum Status {
    PROVEN,
    FAILED,
    NOT_AVAILABLE
  }

  static Verdict proven(String reason) {
    return new Verdict(Status.PROVEN, reason);
  }

  static Verdict failed(String reason) {
    return new Verdict(Status.FAILED, reason);
  }

  static Verdict notAvailable(String reason) {
    return new Verdict(Status.NOT_AVAILABLE, reason);
  }
}
