package vn.id06.core.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;
import vn.id06.core.UnavailableException;
import vn.id06.core.audit.AuditOutcome;
import vn.id06.core.audit.OperatorContext;
import vn.id06.core.citizen.CitizenRecord;

/** The population-data client over a {@link GatewayCore}. Thread-safe. */
final class DefaultPopulationDataClient implements PopulationDataClient {

  private final GatewayCore core;

  DefaultPopulationDataClient(GatewayCore core) {
    this.core = core;
  }

  @Override
  public VerificationResult verify(OperatorContext operator, VerificationRequest subject) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(subject, "subject");
    return core.call(
        "verify",
        operator,
        GatewayCore.newRequestId(),
        List.of(subject.idValue()),
        (c, call) -> c.verify(call, subject),
        (r, i) -> outcome(r));
  }

  @Override
  public Optional<CitizenRecord> lookup(OperatorContext operator, LookupRequest request) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(request, "request");
    return core.call(
        "lookup",
        operator,
        GatewayCore.newRequestId(),
        List.of(request.idValue()),
        (c, call) -> c.lookup(call, request),
        (r, i) -> r.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.NOT_FOUND);
  }

  @Override
  public List<VerificationResult> verifyBatch(
      OperatorContext operator, List<VerificationRequest> subjects) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(subjects, "subjects");
    if (subjects.isEmpty() || subjects.size() > 1000) {
      throw new InvalidInputException("subjects", InputReason.WRONG_LENGTH, "1 to 1000 subjects");
    }
    List<VerificationRequest> copy = List.copyOf(subjects);
    List<String> ids = new ArrayList<>(copy.size());
    for (VerificationRequest s : copy) {
      ids.add(s.idValue());
    }
    return core.call(
        "verify-batch",
        operator,
        GatewayCore.newRequestId(),
        ids,
        (c, call) -> c.verifyBatch(call, copy),
        (r, i) -> outcome(r.get(i)));
  }

  @Override
  public Stream<VerificationResult> verifyAll(
      OperatorContext operator, Iterator<VerificationRequest> subjects) {
    GatewayCore.requireOperator(operator);
    Objects.requireNonNull(subjects, "subjects");
    Batches it = new Batches(operator, subjects);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(it::cancel);
  }

  /**
   * Reads the input in batches, keeps at most {@code maxInFlight} batch requests submitted, and
   * hands results back in input order. Used by one consumer thread.
   */
  private final class Batches implements Iterator<VerificationResult> {
    private final OperatorContext operator;
    private final Iterator<VerificationRequest> input;
    private final ArrayDeque<Future<List<VerificationResult>>> inFlight = new ArrayDeque<>();
    private Iterator<VerificationResult> current = Collections.emptyIterator();

    Batches(OperatorContext operator, Iterator<VerificationRequest> input) {
      this.operator = operator;
      this.input = input;
    }

    private void fill() {
      while (inFlight.size() < core.config.maxInFlight && input.hasNext()) {
        List<VerificationRequest> batch = new ArrayList<>(core.config.batchSize);
        while (batch.size() < core.config.batchSize && input.hasNext()) {
          batch.add(Objects.requireNonNull(input.next(), "subject"));
        }
        inFlight.add(core.batchThreads.submit(() -> verifyBatch(operator, batch)));
      }
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        fill();
        Future<List<VerificationResult>> head = inFlight.poll();
        if (head == null) {
          return false;
        }
        current = await(head).iterator();
        fill();
      }
      return true;
    }

    private List<VerificationResult> await(Future<List<VerificationResult>> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new UnavailableException(
            UnavailableException.Kind.TIMEOUT, 1, "interrupted while waiting for a batch", e);
      } catch (CancellationException e) {
        throw new UnavailableException(
            UnavailableException.Kind.TRANSPORT, 1, "the batch was cancelled (client closed)", e);
      } catch (ExecutionException e) {
        cancel();
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("batch failed", e.getCause());
      }
    }

    @Override
    public VerificationResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    void cancel() {
      Future<?> f;
      while ((f = inFlight.poll()) != null) {
        f.cancel(true);
      }
    }
  }

  @Override
  public RequestStatus requestStatus(OperatorContext operator, String requestId) {
    GatewayCore.requireOperator(operator);
    if (requestId == null || !requestId.matches("[A-Za-z0-9._:\\-]{1,40}")) {
      throw new InvalidInputException(
          "requestId", InputReason.MALFORMED, "1 to 40 letters, digits or ._:-");
    }
    return core.call(
        "request-status",
        operator,
        GatewayCore.newRequestId(),
        List.of(),
        (c, call) -> c.status(call, requestId),
        (r, i) -> AuditOutcome.SUCCESS);
  }

  /** A verification that found the citizen succeeded, whatever it found; an unknown ID did not. */
  private static AuditOutcome outcome(VerificationResult r) {
    return r.result() == VerificationOutcome.NOT_FOUND
        ? AuditOutcome.NOT_FOUND
        : AuditOutcome.SUCCESS;
  }

  @Override
  public GatewayMetrics metrics() {
    return core.policy.metrics();
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public String toString() {
    return "PopulationDataClient[" + core.config.gateway + "]";
  }
}
