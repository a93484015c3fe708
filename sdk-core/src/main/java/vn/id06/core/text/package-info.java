/**
 * Repair of damaged Vietnamese text (lỗi phông chữ): mojibake, legacy encodings (TCVN3, VNI,
 * VISCII), NFD, look-alike letters and input-method damage. Repairs only what can be proved,
 * reports every repair and refuses the rest.
 */
package vn.id06.core.text;
