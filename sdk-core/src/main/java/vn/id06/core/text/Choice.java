package vn.id06.core.text;

import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The decision rule: picks the one decoding of damaged text that the words prove, or refuses. A
 * strict fit reads as Kinh syllables throughout; a loose fit needs Highlands words ({@link
 * Vietnamese#isLooseUndamaged}). Not thread-safe; one per call.
 */
final class Choice {
  private String strict;
  private RepairKind strictKind;
  private String loose;
  private RepairKind looseKind;
  private boolean severalLoose;
  private boolean severalStrict;
  private String text;
  private RepairKind kind;

  /** Offers a candidate reading; one that reads as neither kind of fit is dropped. */
  void offer(String candidate, RepairKind candidateKind) {
    if (Vietnamese.isUndamaged(candidate)) {
      severalStrict |= strict != null && !strict.equals(candidate);
      if (strict == null) {
        strict = candidate;
        strictKind = candidateKind;
      }
    } else if (Vietnamese.isLooseUndamaged(candidate)) {
      severalLoose |= loose != null && !loose.equals(candidate);
      if (loose == null) {
        loose = candidate;
        looseKind = candidateKind;
      }
    }
  }

  /**
   * Decides: true with {@link #text} and {@link #kind} set when one decoding is proved; false when
   * none fits; throws when the fits are ambiguous or too weak to prove.
   *
   * @param inputReads whether the damaged text itself reads as Vietnamese (Highlands words
   *     included): then a loose fit alone is no evidence of damage
   */
  boolean decide(String field, boolean inputReads) {
    if (severalStrict) {
      throw unrepairable(field, "ambiguous: more than one decoding fits");
    }
    if (strict != null) {
      text = strict;
      kind = strictKind;
      return true;
    }
    if (loose == null || inputReads) {
      return false;
    }
    // Ð/ð are no Vietnamese letters; a legacy decoding needs at least one Kinh syllable that it
    // made, or the shape rule alone would be the only evidence ("Mỹller" from "Müller").
    if (!severalLoose
        && (looseKind == RepairKind.ETH_AS_D_STROKE || Vietnamese.hasAccentedSyllable(loose))) {
      text = loose;
      kind = looseKind;
      return true;
    }
    throw unrepairable(field, "damaged text that no one decoding proves");
  }

  /** The decoding proved by {@link #decide}. */
  String text() {
    return text;
  }

  /** The kind of the decoding proved by {@link #decide}. */
  RepairKind kind() {
    return kind;
  }

  /** The refusal: names the field and the reason, never the text. */
  static InvalidInputException unrepairable(String field, String detail) {
    return new InvalidInputException(field, InputReason.UNREPAIRABLE_TEXT, detail);
  }
}
