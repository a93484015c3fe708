package vn.id06.testkit.card;

import vn.id06.core.UnavailableException;

/**
 * The virtual card was pulled from its reader (the "pulled after N APDUs" misbehaviour): an {@link
 * UnavailableException} of kind {@link UnavailableException.Kind#CARD_REMOVED}.
 */
public final class CardPulledException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  CardPulledException() {
    super(Kind.CARD_REMOVED, 1, "the virtual card was removed from the reader", null);
  }
}
