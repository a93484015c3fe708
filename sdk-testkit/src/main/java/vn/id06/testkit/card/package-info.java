/**
 * The virtual Vietnamese chip ID card: the chip side of the ICAO Doc 9303 eMRTD application for a
 * synthetic citizen, usable in-process as a {@code javax.smartcardio} terminal or through a real
 * pcscd with the vsmartcard vpcd driver.
 *
 * <p>Start with {@link vn.id06.testkit.card.VirtualCard#builder()}. Its protocol code is written
 * independently of the card reader's, so a mistake on one side is not mirrored on the other.
 */
package vn.id06.testkit.card;
