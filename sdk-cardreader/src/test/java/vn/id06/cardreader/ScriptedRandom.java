package vn.id06.cardreader;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** A random source that returns scripted bytes, so that tests reproduce published exchanges. */
final class ScriptedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final transient Deque<byte[]> values = new ArrayDeque<>();

  ScriptedRandom(String... hex) {
    for (String h : hex) {
      values.add(Hex.decode(h));
    }
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    byte[] v = values.poll();
    if (v == null || v.length != bytes.length) {
      throw new IllegalStateException(
          "scripted random: asked for "
              + bytes.length
              + " bytes, had "
              + (v == null ? "none" : v.length));
    }
    System.arraycopy(v, 0, bytes, 0, v.length);
  }
}
