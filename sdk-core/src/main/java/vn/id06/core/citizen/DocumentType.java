package vn.id06.core.citizen;

/**
 * The kind of identity document a record's document number belongs to. Immutable and thread-safe.
 */
public enum DocumentType {
  /** Chip citizen identity card (thẻ Căn cước công dân gắn chip), issued 2021-2024. */
  CCCD_CHIP_2021,
  /** Identity card (thẻ Căn cước) under the Identity Law 2023, issued from 2024-07-01. */
  CAN_CUOC_2024,
  /** Older citizen identity card without chip (CCCD mã vạch, 2016-2021). */
  CCCD_BARCODE,
  /** Old identity card (Chứng minh nhân dân, CMND). */
  CMND,
  /** Another document. */
  OTHER
}
