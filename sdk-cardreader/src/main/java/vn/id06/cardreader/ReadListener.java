package vn.id06.cardreader;

/**
 * Progress of a card read, for a progress bar. Called on the reading thread; keep it quick and do
 * not throw. Implementations decide their own thread-safety; the reader calls them from one thread
 * per read.
 */
@FunctionalInterface
public interface ReadListener {
  /** A listener that ignores everything. */
  ReadListener NONE = (file, read, total) -> {};

  /**
   * Reports that {@code read} of {@code total} bytes of a file have arrived.
   *
   * @param file the file's name, e.g. {@code "DG2"} or {@code "EF.SOD"}
   * @param read bytes read so far
   * @param total the file's length (known after its first bytes)
   */
  void progress(String file, int read, int total);
}
