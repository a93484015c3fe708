package vn.id06.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker: {@link State#CLOSED} lets calls through and counts failures over a window of
 * the last calls; when {@code failureThreshold} of them failed it goes {@link State#OPEN} and
 * refuses calls for {@code openDuration}; then {@link State#HALF_OPEN} lets {@code halfOpenPermits}
 * trial calls through: if all of them succeed it closes, the first failure opens it again.
 *
 * <p>Callers ask {@link #tryAcquirePermission()} before a call and report exactly one of {@link
 * #onSuccess()}, {@link #onFailure()} or {@link #onIgnored()} after it. {@link Resilience} does
 * this for them.
 *
 * <p>Thread-safe: one breaker may be shared by every client that calls the same service. State
 * listeners are called after the change, outside the breaker's lock, on the thread that caused it;
 * a listener that throws is logged at DEBUG and otherwise ignored.
 */
public final class CircuitBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  /** A breaker's state. */
  public enum State {
    /** Calls pass; failures are counted. */
    CLOSED,
    /** Calls are refused until the open duration has passed. */
    OPEN,
    /** A limited number of trial calls pass to probe the service. */
    HALF_OPEN
  }

  /**
   * A change of state.
   *
   * @param from the state before
   * @param to the state after
   * @param at when it changed, by the breaker's clock
   */
  public record StateChange(State from, State to, Instant at) {
    /**
     * Validates the change.
     *
     * @param from the state before
     * @param to the state after
     * @param at when it changed
     */
    public StateChange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }
  }

  private final int failureThreshold;
  private final int windowSize;
  private final Duration openDuration;
  private final int halfOpenPermits;
  private final Clock clock;
  private final List<Consumer<StateChange>> listeners;

  // Guarded by this.
  private State state = State.CLOSED;
  private final boolean[] window;
  private int windowNext;
  private int windowCount;
  private int windowFailures;
  private Instant openedAt = Instant.MIN;
  private int halfOpenIssued;
  private int halfOpenSucceeded;

  private CircuitBreaker(Builder b) {
    this.failureThreshold = b.failureThreshold;
    this.windowSize = b.windowSize;
    this.openDuration = b.openDuration;
    this.halfOpenPermits = b.halfOpenPermits;
    this.clock = b.clock;
    this.listeners = List.copyOf(b.listeners);
    this.window = new boolean[windowSize];
  }

  /**
   * Starts a builder: 5 failures in the last 10 calls open the breaker for 30 s, then 1 trial call.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the current state; an open breaker whose open duration has passed reports (and moves
   * to) {@link State#HALF_OPEN}.
   *
   * @return the state
   */
  public State state() {
    StateChange change;
    State now;
    synchronized (this) {
      change = maybeHalfOpen();
      now = state;
    }
    notifyListeners(change);
    return now;
  }

  /**
   * Asks to make a call. {@code true}: make it, then report its outcome; {@code false}: the breaker
   * is open (or its half-open trials are taken), do not call.
   *
   * @return whether the call may go ahead
   */
  public boolean tryAcquirePermission() {
    StateChange change;
    boolean permitted;
    synchronized (this) {
      change = maybeHalfOpen();
      switch (state) {
        case CLOSED -> permitted = true;
        case HALF_OPEN -> {
          permitted = halfOpenIssued < halfOpenPermits;
          if (permitted) {
            halfOpenIssued++;
          }
        }
        default -> permitted = false;
      }
    }
    notifyListeners(change);
    return permitted;
  }

  /** Reports that a permitted call succeeded (or failed in a way that shows the service is up). */
  public void onSuccess() {
    StateChange change = null;
    synchronized (this) {
      switch (state) {
        case CLOSED -> record(false);
        case HALF_OPEN -> {
          halfOpenSucceeded++;
          if (halfOpenSucceeded >= halfOpenPermits) {
            change = transition(State.CLOSED);
          }
        }
        default -> {
          // A call permitted before the breaker opened: its success does not close it.
        }
      }
    }
    notifyListeners(change);
  }

  /** Reports that a permitted call failed in a way that counts against the service. */
  public void onFailure() {
    StateChange change = null;
    synchronized (this) {
      switch (state) {
        case CLOSED -> {
          record(true);
          if (windowFailures >= failureThreshold) {
            change = transition(State.OPEN);
          }
        }
        case HALF_OPEN -> change = transition(State.OPEN);
        default -> {
          // Already open.
        }
      }
    }
    notifyListeners(change);
  }

  /**
   * Reports that a permitted call ended in a way that says nothing about the service (e.g. a bug in
   * the caller's code): a half-open trial permit is given back, nothing is counted.
   */
  public void onIgnored() {
    synchronized (this) {
      if (state == State.HALF_OPEN && halfOpenIssued > halfOpenSucceeded) {
        halfOpenIssued--;
      }
    }
  }

  /**
   * Returns the number of failures in the current window (0 unless closed).
   *
   * @return the failure count
   */
  public synchronized int failuresInWindow() {
    return windowFailures;
  }

  private void record(boolean failure) {
    if (windowCount == windowSize) {
      if (window[windowNext]) {
        windowFailures--;
      }
    } else {
      windowCount++;
    }
    window[windowNext] = failure;
    if (failure) {
      windowFailures++;
    }
    windowNext = (windowNext + 1) % windowSize;
  }

  private StateChange maybeHalfOpen() {
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openDuration))) {
      return transition(State.HALF_OPEN);
    }
    return null;
  }

  private StateChange transition(State to) {
    State from = state;
    Instant at = clock.instant();
    state = to;
    switch (to) {
      case OPEN -> openedAt = at;
      case HALF_OPEN -> {
        halfOpenIssued = 0;
        halfOpenSucceeded = 0;
      }
      case CLOSED -> {
        windowNext = 0;
        windowCount = 0;
        windowFailures = 0;
      }
    }
    LOG.debug("circuit breaker {} -> {}", from, to);
    return new StateChange(from, to, at);
  }

  private void notifyListeners(StateChange change) {
    if (change == null) {
      return;
    }
    for (Consumer<StateChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        LOG.debug("circuit breaker state listener failed: {}", e.getClass().getName());
      }
    }
  }

  @Override
  public String toString() {
    State current;
    synchronized (this) {
      current = state;
    }
    return "CircuitBreaker{state="
        + current
        + ", failureThreshold="
        + failureThreshold
        + ", window="
        + windowSize
        + ", openDuration="
        + openDuration
        + ", halfOpenPermits="
        + halfOpenPermits
        + "}";
  }

  /** Builds a {@link CircuitBreaker}. Not thread-safe; use from one thread. */
  public static final class Builder {
    private int failureThreshold = 5;
    private int windowSize = 10;
    private Duration openDuration = Duration.ofSeconds(30);
    private int halfOpenPermits = 1;
    private Clock clock = Clock.systemUTC();
    private final List<Consumer<StateChange>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Opens the breaker when {@code failures} of the last {@code window} calls failed.
     *
     * @param failures at least 1, at most {@code window}
     * @param window between 1 and 10,000 calls
     * @return this builder
     */
    public Builder failureThreshold(int failures, int window) {
      if (window < 1 || window > 10_000) {
        throw new IllegalArgumentException("window must be between 1 and 10000");
      }
      if (failures < 1 || failures > window) {
        throw new IllegalArgumentException("failures must be between 1 and window");
      }
      this.failureThreshold = failures;
      this.windowSize = window;
      return this;
    }

    /**
     * Sets how long the breaker stays open before it lets trial calls through.
     *
     * @param openDuration positive, at most one day
     * @return this builder
     */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = Durations.positive(openDuration, "openDuration");
      return this;
    }

    /**
     * Sets how many trial calls a half-open breaker lets through; all must succeed to close it.
     *
     * @param permits between 1 and 1,000
     * @return this builder
     */
    public Builder halfOpenPermits(int permits) {
      if (permits < 1 || permits > 1000) {
        throw new IllegalArgumentException("halfOpenPermits must be between 1 and 1000");
      }
      this.halfOpenPermits = permits;
      return this;
    }

    /**
     * Sets the clock (default: {@link Clock#systemUTC()}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a listener for state changes.
     *
     * @param listener called after each change
     * @return this builder
     */
    public Builder onStateChange(Consumer<StateChange> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the breaker, closed.
     *
     * @return the breaker
     */
    public CircuitBreaker build() {
      return new CircuitBreaker(this);
    }
  }
}
