package vn.id06.core.gateway;

/**
 * A connector that can also run the social-insurance card check (the {@code bhxh} profile). Kept
 * apart from {@link Connector} so the profiles that have no such check need not pretend to.
 * Implementations are thread-safe.
 */
interface CardCheckConnector extends Connector {

  /** One attempt of a card check. */
  CardCheckResult cardCheck(Call call, CardCheckRequest request);
}
