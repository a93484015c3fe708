package vn.id06.core.qr;

/**
 * The layouts of the QR code printed on Vietnamese identity and health-insurance cards.
 *
 * <p>The parser tells them apart by field count and content (which fields hold digits, dates, a
 * sex, hex text or the {@code $} terminator), never by position alone.
 *
 * <p>Immutable and thread-safe.
 */
public enum CardQrKind {
  /**
   * 2021 chip CCCD (căn cước công dân gắn chip): {@code id|oldId|name|ddMMyyyy|Nam/Nữ|address|issue
   * date}, old-ID slot possibly empty, optionally followed by an expiry date (8th field) as some
   * readers emit.
   */
  CCCD_2021,
  /** 2021 CCCD as emitted by some readers without the old-ID (CMND) slot: six fields. */
  CCCD_2021_SHORT,
  /**
   * 2024 Căn cước card (Luật Căn cước 2023): the first seven fields as in {@link #CCCD_2021}; the
   * further fields, whose layout is not published, are kept unparsed in {@link
   * CardQr#extraFields()}.
   */
  CAN_CUOC_2024,
  /**
   * Health-insurance card (thẻ bảo hiểm y tế, BHYT): card number, hex-encoded UTF-8 name and
   * address, birth date, sex as 1/2, initial-care facility, validity, terminated by {@code $}.
   */
  BHYT
}
