/**
 * The population-data gateway client: verify, look up, verify in batch, health-insurance card
 * look-up and request status, with every answer's signature checked before use, an operator context
 * on every call, retries, a circuit breaker, a rate limit and a concurrency cap.
 *
 * <p>Start with {@link vn.id06.core.gateway.PopulationDataClient#builder()}.
 */
package vn.id06.core.gateway;
