package vn.id06.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.id06.core.RemoteRefusalException;
import vn.id06.core.UnavailableException;
import vn.id06.core.UnavailableException.Kind;
import vn.id06.core.resilience.CircuitBreaker.State;

class ResilienceTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  /** A 429/503 with a Retry-After header, as a gateway connector would throw it. */
  static final class Overloaded extends UnavailableException implements RetryAfterHint {
    private static final long serialVersionUID = 1L;
    private final transient Duration hint;

    Overloaded(Duration hint) {
      super(Kind.GATEWAY, 1, "overloaded", null);
      this.hint = hint;
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(hint);
    }
  }

  private static UnavailableException unavailable(ThrowingCallable call) {
    return catchThrowableOfType(UnavailableException.class, call);
  }

  private Resilience.Builder builder() {
    return Resilience.builder().clock(clock).sleeper(sleeper);
  }

  private static RemoteRefusalException refusal(boolean retryable) {
    return new RemoteRefusalException(retryable ? 503 : 404, "", "req-1", retryable, "refused");
  }

  @Test
  void aSuccessIsOneAttempt() {
    Resilience r = builder().build();
    List<AttemptContext> seen = new ArrayList<>();
    String result =
        r.call(
            ctx -> {
              seen.add(ctx);
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).attempt()).isEqualTo(1);
    assertThat(seen.get(0).isFirst()).isTrue();
    assertThat(seen.get(0).maxAttempts()).isEqualTo(3);
    assertThat(seen.get(0).deadline()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(seen.get(0).toString()).contains("attempt=1/3");
    ResilienceMetrics m = r.metrics();
    assertThat(m.calls()).isEqualTo(1);
    assertThat(m.successes()).isEqualTo(1);
    assertThat(m.attempts()).isEqualTo(1);
    assertThat(m.retries()).isZero();
    assertThat(m.latency().count()).isEqualTo(1);
    assertThat(m.breakerState()).isEqualTo(State.CLOSED);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retriesTransientFailuresWithJitteredBackoff() {
    Resilience r =
        builder().retryPolicy(RetryPolicy.builder().random(FixedRandom.highest()).build()).build();
    AtomicInteger n = new AtomicInteger();
    List<Integer> attemptNumbers = new ArrayList<>();
    String result =
        r.call(
            ctx -> {
              attemptNumbers.add(ctx.attempt());
              if (n.incrementAndGet() < 3) {
                throw new IOException("connection reset");
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(attemptNumbers).containsExactly(1, 2, 3);
    // Highest jitter: the full ceilings 100 ms then 200 ms.
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    ResilienceMetrics m = r.metrics();
    assertThat(m.attempts()).isEqualTo(3);
    assertThat(m.retries()).isEqualTo(2);
    assertThat(m.failures()).isZero();
  }

  @Test
  void exhaustionThrowsUnavailableWithTheAttemptCount() {
    Resilience r = builder().build();
    RemoteRefusalException last = refusal(true);
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      throw last;
                    }));
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.kind()).isEqualTo(Kind.GATEWAY);
    assertThat(e.getCause()).isSameAs(last);
    assertThat(r.metrics().failures()).isEqualTo(1);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void retryAfterIsHonouredAndCapped() {
    Resilience r =
        builder()
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .retryAfterCap(Duration.ofSeconds(5))
                    .random(FixedRandom.lowest())
                    .build())
            .build();
    AtomicInteger n = new AtomicInteger();
    String result =
        r.call(
            ctx -> {
              switch (n.incrementAndGet()) {
                case 1 -> throw new Overloaded(Duration.ofSeconds(2));
                case 2 -> throw new Overloaded(Duration.ofMinutes(10));
                default -> {
                  return "ok";
                }
              }
            });
    assertThat(result).isEqualTo("ok");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void aNonIdempotentCallIsNotRetried() {
    Resilience r = builder().build();
    AtomicInteger n = new AtomicInteger();
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    Idempotency.NOT_IDEMPOTENT,
                    ctx -> {
                      n.incrementAndGet();
                      assertThat(ctx.maxAttempts()).isEqualTo(1);
                      throw new UncheckedIOException(new IOException("reset"));
                    }));
    assertThat(n.get()).isEqualTo(1);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(Idempotency.IDEMPOTENCY_KEY.allowsRetry()).isTrue();
  }

  @Test
  void aPermanentRefusalIsThrownAsItIsAndKeepsTheBreakerClosed() {
    CircuitBreaker breaker = CircuitBreaker.builder().failureThreshold(1, 1).clock(clock).build();
    Resilience r = builder().circuitBreaker(breaker).build();
    RemoteRefusalException notFound = refusal(false);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(
              () ->
                  r.call(
                      ctx -> {
                        throw notFound;
                      }))
          .isSameAs(notFound);
    }
    assertThat(r.metrics().attempts()).isEqualTo(3);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(r.circuitBreaker()).isSameAs(breaker);
  }

  @Test
  void otherFailuresPassThroughAndCheckedOnesAreWrapped() {
    Resilience r = builder().build();
    IllegalStateException bug = new IllegalStateException("bug");
    assertThatThrownBy(
            () ->
                r.call(
                    ctx -> {
                      throw bug;
                    }))
        .isSameAs(bug);
    GeneralSecurityException checked = new GeneralSecurityException("bad key");
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      throw checked;
                    }));
    assertThat(e.getCause()).isSameAs(checked);
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(r.metrics().attempts()).isEqualTo(2);
  }

  @Test
  void aBrokenClassifierDoesNotBreakTheCall() {
    Resilience r =
        builder()
            .classifier(
                t -> {
                  throw new IllegalArgumentException("classifier bug");
                })
            .build();
    IOException io = new IOException("x");
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      throw io;
                    }));
    assertThat(e.getCause()).isSameAs(io);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void anOpenBreakerFailsFastWithoutCalling() {
    CircuitBreaker breaker =
        CircuitBreaker.builder()
            .failureThreshold(2, 2)
            .openDuration(Duration.ofSeconds(60))
            .clock(clock)
            .build();
    Resilience r =
        builder()
            .circuitBreaker(breaker)
            .retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
            .build();
    AtomicInteger n = new AtomicInteger();
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      n.incrementAndGet();
                      throw new TimeoutException();
                    }));
    // Two failures opened the breaker; the third attempt was refused without calling.
    assertThat(n.get()).isEqualTo(2);
    assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
    assertThat(e.attempts()).isEqualTo(2);
    UnavailableException fast = unavailable(() -> r.call(ctx -> "never"));
    assertThat(fast.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
    assertThat(fast.attempts()).isEqualTo(1);
    ResilienceMetrics m = r.metrics();
    assertThat(m.rejectedByCircuitBreaker()).isEqualTo(2);
    assertThat(m.rejections()).isEqualTo(2);
    assertThat(m.breakerState()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(60));
    assertThat(r.<String>call(ctx -> "back")).isEqualTo("back");
    assertThat(r.metrics().breakerState()).isEqualTo(State.CLOSED);
  }

  @Test
  void theOverallDeadlineBoundsAttemptsAndWaits() {
    Resilience r =
        builder()
            .deadline(Deadline.defaults().withOverall(Duration.ofSeconds(1)))
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(10).random(FixedRandom.highest()).build())
            .build();
    List<Duration> remaining = new ArrayList<>();
    List<Duration> responseTimeouts = new ArrayList<>();
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      remaining.add(ctx.remaining());
                      responseTimeouts.add(ctx.responseTimeout());
                      assertThat(ctx.connectTimeout()).isLessThanOrEqualTo(ctx.remaining());
                      clock.advance(Duration.ofMillis(400));
                      throw new IOException("slow");
                    }));
    // t=0 attempt 1 (400 ms), wait 100 ms; t=500 attempt 2 (400 ms), t=900: a 200 ms wait would
    // pass the deadline, so the call gives up after 2 attempts.
    assertThat(remaining).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500));
    assertThat(responseTimeouts).isEqualTo(remaining);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
  }

  @Test
  void anExpiredDeadlineStopsBeforeTheNextAttempt() {
    Resilience r =
        builder()
            .deadline(
                new Deadline(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
            .retryPolicy(RetryPolicy.builder().random(FixedRandom.lowest()).build())
            .build();
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      clock.advance(Duration.ofSeconds(1));
                      throw new IOException("slow");
                    }));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void theRateLimiterPacesCallsAndRefusesPastTheDeadline() {
    RateLimiter limiter = RateLimiter.builder(2).clock(clock).sleeper(sleeper).build();
    Resilience r =
        builder()
            .rateLimiter(limiter)
            .deadline(Deadline.defaults().withOverall(Duration.ofMillis(400)))
            .build();
    assertThat(r.<Integer>call(ctx -> 1)).isEqualTo(1);
    UnavailableException e = unavailable(() -> r.call(ctx -> 2));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(r.metrics().rejectedByRateLimiter()).isEqualTo(1);
    clock.advance(Duration.ofMillis(200));
    assertThat(r.<Integer>call(ctx -> 3)).isEqualTo(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(300));
    assertThat(r.rateLimiter()).contains(limiter);
  }

  @Test
  void theBulkheadRefusesBeyondItsCap() {
    Bulkhead bulkhead =
        Bulkhead.builder(1).maxWait(Duration.ZERO).clock(clock).sleeper(sleeper).build();
    Resilience r = builder().bulkhead(bulkhead).build();
    UnavailableException inner = r.call(ctx -> unavailable(() -> r.call(c -> "x")));
    assertThat(inner.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(bulkhead.inFlight()).isZero();
    ResilienceMetrics m = r.metrics();
    assertThat(m.rejectedByBulkhead()).isEqualTo(1);
    assertThat(m.calls()).isEqualTo(2);
    assertThat(m.successes()).isEqualTo(1);
    assertThat(r.bulkhead()).contains(bulkhead);
    assertThat(r.toString()).contains("Bulkhead");
  }

  @Test
  void interruptionStopsTheCall() {
    Resilience r =
        Resilience.builder()
            .clock(clock)
            .sleeper(
                d -> {
                  throw new InterruptedException();
                })
            .build();
    UnavailableException e =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      throw new IOException("x");
                    }));
    assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isTrue();
    UnavailableException e2 =
        unavailable(
            () ->
                r.call(
                    ctx -> {
                      throw new InterruptedException();
                    }));
    assertThat(e2.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void concurrentCallsAreCountedExactly() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder().failureThreshold(10_000, 10_000).build();
    Bulkhead bulkhead = Bulkhead.builder(4).maxWait(Duration.ofSeconds(30)).build();
    Resilience r =
        Resilience.builder().circuitBreaker(breaker).bulkhead(bulkhead).sleeper(d -> {}).build();
    int threads = 8;
    long perThread = 500;
    AtomicInteger firstFailures = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  int ok = 0;
                  for (int i = 0; i < (int) perThread; i++) {
                    boolean failFirst = (i + thread) % 3 == 0;
                    int value =
                        r.call(
                            ctx -> {
                              int now = inFlight.incrementAndGet();
                              maxInFlight.accumulateAndGet(now, Math::max);
                              try {
                                if (failFirst && ctx.isFirst()) {
                                  firstFailures.incrementAndGet();
                                  throw new IOException("transient");
                                }
                                return 1;
                              } finally {
                                inFlight.decrementAndGet();
                              }
                            });
                    ok += value;
                  }
                  return ok;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat((long) total).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
    ResilienceMetrics m = r.metrics();
    assertThat(m.calls()).isEqualTo(threads * perThread);
    assertThat(m.successes()).isEqualTo(threads * perThread);
    assertThat(m.retries()).isEqualTo(firstFailures.get());
    assertThat(m.attempts()).isEqualTo(threads * perThread + firstFailures.get());
    assertThat(m.latency().count()).isEqualTo(m.attempts());
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(4);
    assertThat(bulkhead.inFlight()).isZero();
  }

  @Test
  void defaultsAndValidation() {
    Resilience r = Resilience.builder().build();
    assertThat(r.deadline()).isEqualTo(Deadline.defaults());
    assertThat(r.retryPolicy()).isSameAs(RetryPolicy.defaults());
    assertThat(r.rateLimiter()).isEmpty();
    assertThat(r.bulkhead()).isEmpty();
    assertThat(Deadline.defaults().connect()).isEqualTo(Duration.ofSeconds(5));
    assertThat(Deadline.defaults().withConnect(Duration.ofSeconds(1)).connect())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(Deadline.defaults().withResponse(Duration.ofSeconds(1)).response())
        .isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> Deadline.defaults().withOverall(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.call(null, ctx -> 1)).isInstanceOf(NullPointerException.class);
    assertThat(FailureClassifier.defaults().toString()).contains("defaults");
  }

  @Test
  void defaultClassification() {
    FailureClassifier c = FailureClassifier.defaults();
    assertThat(c.classify(refusal(true))).isEqualTo(Failure.retryable(Kind.GATEWAY));
    assertThat(c.classify(refusal(false))).isEqualTo(Failure.permanent());
    assertThat(c.classify(new IOException())).isEqualTo(Failure.retryable(Kind.TRANSPORT));
    assertThat(c.classify(new TimeoutException())).isEqualTo(Failure.retryable(Kind.TIMEOUT));
    assertThat(c.classify(new UnavailableException(Kind.TIMEOUT, 1, "t", null)).kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(c.classify(new UnavailableException(Kind.CIRCUIT_OPEN, 1, "o", null)))
        .isEqualTo(Failure.passThrough());
    assertThat(c.classify(new UnavailableException(Kind.CARD_REMOVED, 1, "o", null)).isRetryable())
        .isFalse();
    assertThat(c.classify(new Overloaded(Duration.ofSeconds(3))))
        .isEqualTo(Failure.retryableAfter(Kind.GATEWAY, Duration.ofSeconds(3)));
    assertThat(c.classify(new IllegalStateException()).treatment())
        .isEqualTo(Failure.Treatment.PASS_THROUGH);
  }

  @Test
  void systemSleeperSleepsAndIgnoresNonPositive() throws InterruptedException {
    Sleeper s = Sleeper.system();
    s.sleep(Duration.ZERO);
    s.sleep(Duration.ofMillis(-1));
    s.sleep(Duration.ofNanos(1000));
    assertThat(s.toString()).isEqualTo("Sleeper.system()");
  }
}
