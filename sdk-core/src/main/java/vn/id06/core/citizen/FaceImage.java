package vn.id06.core.citizen;

import java.util.Arrays;
import java.util.Objects;

/**
 * The holder's face image as a chip stores it (ICAO 9303 DG2): the encoded bytes and their format.
 * Not a field of {@link CitizenRecord}: the chip reader returns it beside the record.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and out. {@link #toString()} shows only the
 * format and size (a face is personal data).
 */
public final class FaceImage {
  /** The image encoding. */
  public enum Format {
    /** JPEG (ISO/IEC 10918). */
    JPEG,
    /** JPEG 2000 (ISO/IEC 15444). */
    JPEG2000,
    /** A format id06 does not recognise: the bytes are returned as they are. */
    UNKNOWN
  }

  private final Format format;
  private final byte[] bytes;

  private FaceImage(Format format, byte[] bytes) {
    this.format = format;
    this.bytes = bytes;
  }

  /**
   * Wraps an image, copying the bytes.
   *
   * @param format the encoding
   * @param bytes the encoded image
   * @return the image
   */
  public static FaceImage of(Format format, byte[] bytes) {
    return new FaceImage(
        Objects.requireNonNull(format, "format"), Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * The encoding.
   *
   * @return the format
   */
  public Format format() {
    return format;
  }

  /**
   * A copy of the encoded image.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The encoded size.
   *
   * @return the number of bytes
   */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaceImage f && f.format == format && Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(bytes);
  }

  /** Masked: format and size only. */
  @Override
  public String toString() {
    return "FaceImage[" + format + ", " + bytes.length + " bytes]";
  }
}
