/**
 * Reading the chip ID card (thẻ căn cước gắn chip): ICAO 9303 over {@code javax.smartcardio},
 * BAC/PACE, secure messaging, DG1/DG2/DG13/DG14/DG15/SOD, passive, chip and active authentication.
 *
 * <p>This module's place in the reactor is set; its protocol code arrives with the chip-reading
 * work.
 */
package vn.id06.cardreader;
