package vn.id06.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Id06ExceptionTest {
  @Test
  void keepsCause() {
    var cause = new IllegalStateException("x");
    assertThat(new Id06Exception("m", cause)).hasCause(cause);
  }

  @Property(tries = 10)
  void keepsMessage(@ForAll String s) {
    assertThat(new Id06Exception(s)).hasMessage(s);
  }
}
