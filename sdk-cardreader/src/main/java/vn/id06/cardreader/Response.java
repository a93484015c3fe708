package vn.id06.cardreader;

/**
 * A response APDU split into data and status word. Immutable (the data array is copied on the way
 * out); thread-safe.
 */
final class Response {
  private final byte[] data;
  final int sw;

  Response(byte[] data, int sw) {
    this.data = data;
    this.sw = sw;
  }

  static Response of(byte[] apdu) {
    if (apdu == null || apdu.length < 2) {
      throw Errors.secureMessaging("a response shorter than a status word");
    }
    byte[] data = new byte[apdu.length - 2];
    System.arraycopy(apdu, 0, data, 0, data.length);
    return new Response(
        data, ((apdu[apdu.length - 2] & 0xFF) << 8) | (apdu[apdu.length - 1] & 0xFF));
  }

  byte[] data() {
    return data.clone();
  }

  int length() {
    return data.length;
  }

  boolean ok() {
    return sw == 0x9000;
  }
}
