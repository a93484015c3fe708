package vn.id06.core.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking a well-formed 12-digit ID offline. {@code valid} is true exactly when
 * there are no {@code reasons}; {@code warnings} do not affect validity. An ID that passes may
 * still be unknown to the population database.
 *
 * <p>Immutable and thread-safe. The default {@code toString()} shows the ID only masked (through
 * {@link CitizenId#toString()}).
 *
 * @param id the ID
 * @param valid whether no reason makes the ID impossible
 * @param reasons findings that make the ID certainly wrong (for this holder)
 * @param warnings findings worth showing that do not invalidate the ID
 */
public record CitizenIdInspection(
    CitizenId id, boolean valid, List<IdFinding> reasons, List<IdFinding> warnings) {

  /**
   * Copies the lists and checks that {@code valid == reasons.isEmpty()}.
   *
   * @throws IllegalArgumentException if valid disagrees with the reasons
   */
  public CitizenIdInspection {
    Objects.requireNonNull(id, "id");
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
    if (valid != reasons.isEmpty()) {
      throw new IllegalArgumentException("valid must be true exactly when there are no reasons");
    }
  }

  /**
   * Adds the consistency checks against declared data: {@link IdFinding#SEX_MISMATCH} and {@link
   * IdFinding#BIRTH_YEAR_MISMATCH} become reasons (and the ID invalid for this holder).
   *
   * @param dob the declared date of birth, or null to skip that check
   * @param sex the declared sex, or null to skip that check
   * @return a new inspection
   */
  public CitizenIdInspection withDeclared(PartialDate dob, Sex sex) {
    List<IdFinding> all = new ArrayList<>(reasons);
    for (IdFinding f : id.inconsistenciesWith(dob, sex)) {
      if (!all.contains(f)) {
        all.add(f);
      }
    }
    return new CitizenIdInspection(id, all.isEmpty(), all, warnings);
  }
}
