package vn.id06.testkit.card;

import vn.id06.core.Id06Exception;

/** The virtual card was pulled from its reader (the "pulled after N APDUs" misbehaviour). */
public final class CardPulledException extends Id06Exception {
  private static final long serialVersionUID = 1L;

  CardPulledException() {
    super("the virtual card was removed from the reader");
  }
}
