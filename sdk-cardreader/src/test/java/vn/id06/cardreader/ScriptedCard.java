package vn.id06.cardreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;

/** A card that expects exact commands and answers scripted responses (hex). */
final class ScriptedCard implements ApduTransport {
  private final Deque<String[]> script = new ArrayDeque<>();

  ScriptedCard expect(String command, String response) {
    script.add(new String[] {norm(command), norm(response)});
    return this;
  }

  /** Answers {@code response} to the next command, whatever it is. */
  ScriptedCard answer(String response) {
    script.add(new String[] {null, norm(response)});
    return this;
  }

  private static String norm(String hex) {
    return hex.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public byte[] transmit(byte[] command) {
    String[] next = script.poll();
    assertThat(next).as("no more scripted exchanges for %s", Hex.encode(command)).isNotNull();
    if (next[0] != null) {
      assertThat(Hex.encode(command)).isEqualTo(next[0]);
    }
    return Hex.decode(next[1]);
  }

  boolean done() {
    return script.isEmpty();
  }

  @Override
  public void close() {}
}
