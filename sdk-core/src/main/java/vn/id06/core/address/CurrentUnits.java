package vn.id06.core.address;

import java.util.List;
import java.util.Optional;

/**
 * An address mapped to today's units: the commune (when {@link Certainty#EXACT}), the province
 * (whenever it is known, even when the commune is not), and every candidate commune.
 *
 * <p>Immutable and thread-safe; holds public geography only.
 */
public final class CurrentUnits {
  private final Certainty certainty;
  private final Division commune;
  private final Division province;
  private final List<Division> candidates;
  private final List<Succession> successions;

  CurrentUnits(
      Certainty certainty,
      Division commune,
      Division province,
      List<Division> candidates,
      List<Succession> successions) {
    this.certainty = certainty;
    this.commune = commune;
    this.province = province;
    this.candidates = List.copyOf(candidates);
    this.successions = List.copyOf(successions);
  }

  /**
   * How sure the mapping is.
   *
   * @return EXACT, SPLIT or UNKNOWN
   */
  public Certainty certainty() {
    return certainty;
  }

  /**
   * Today's commune, when there is exactly one.
   *
   * @return the commune, present iff {@link #certainty()} is EXACT
   */
  public Optional<Division> commune() {
    return Optional.ofNullable(commune);
  }

  /**
   * Today's province, when all candidates (or the province the address names) agree on one.
   *
   * @return the province, or empty
   */
  public Optional<Division> province() {
    return Optional.ofNullable(province);
  }

  /**
   * Every commune of today that the address may denote: one for EXACT, all of them for SPLIT, none
   * for UNKNOWN. Ordered by code.
   *
   * @return an immutable list
   */
  public List<Division> candidates() {
    return candidates;
  }

  /**
   * The mapping rows behind the candidates (whole or part), empty when the address already names
   * today's units.
   *
   * @return an immutable list
   */
  public List<Succession> successions() {
    return successions;
  }

  @Override
  public String toString() {
    return "CurrentUnits[" + certainty + ", candidates=" + candidates.size() + "]";
  }
}
