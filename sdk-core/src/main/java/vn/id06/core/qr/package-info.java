/**
 * Parsing the QR codes printed on Vietnamese identity cards (CCCD 2021, Căn cước 2024) and
 * health-insurance (BHYT) cards, with repair of damaged text ("lỗi phông chữ"). Start at {@link
 * vn.id06.core.qr.CardQrParser}.
 */
package vn.id06.core.qr;
