package vn.id06.testkit.card;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** A random source that hands out given byte strings, in order, one per nextBytes call. */
final class ScriptedRandom implements RandomGenerator {
  private final Deque<byte[]> queue = new ArrayDeque<>();

  ScriptedRandom(String... hex) {
    for (String h : hex) {
      queue.add(Hex.parse(h));
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    byte[] next = queue.poll();
    if (next == null || next.length != bytes.length) {
      throw new IllegalStateException("script expected " + bytes.length + " bytes");
    }
    System.arraycopy(next, 0, bytes, 0, bytes.length);
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("only nextBytes is scripted");
  }
}
