package vn.id06.core.resilience;

/**
 * One attempt of a call made through {@link Resilience#call(Attempt)}: it gets the attempt number
 * and the remaining time, and either returns the result or throws.
 *
 * <p>Implementations are called once per attempt, possibly from several threads at once when the
 * same attempt object is used for concurrent calls.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Attempt<T> {

  /**
   * Makes the attempt.
   *
   * @param context the attempt number and the time left
   * @return the result
   * @throws Exception any failure; it is classified by the executor's {@link FailureClassifier}
   */
  T run(AttemptContext context) throws Exception;
}
