/**
 * Health insurance (bảo hiểm y tế, BHYT): the card as the card QR and the social-insurance gateway
 * return it.
 */
package vn.id06.core.insurance;
