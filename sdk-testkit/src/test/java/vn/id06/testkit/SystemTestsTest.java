package vn.id06.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SystemTestsTest {

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void availableComponentLetsTheTestRunInEveryMode() {
    SystemTests.require(true, "pcscd", null, err);
    SystemTests.require(true, "pcscd", "1", err);
    assertThat(err()).isEmpty();
  }

  @Test
  void missingComponentSkipsWithThePrintedReasonWhenNotRequired() {
    assertThatThrownBy(() -> SystemTests.require(false, "pcscd with vpcd", null, err))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("pcscd with vpcd");
    assertThat(err()).contains("SKIPPED").contains("pcscd with vpcd");
  }

  @Test
  void anythingOtherThanOneDoesNotRequire() {
    for (String v : new String[] {"", "0", "true", "yes"}) {
      assertThatThrownBy(() -> SystemTests.require(false, "chromium", v, err))
          .isInstanceOf(TestAbortedException.class);
    }
  }

  @Test
  void missingComponentFailsWhenRequired() {
    assertThatThrownBy(() -> SystemTests.require(false, "chromium", "1", err))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("chromium")
        .hasMessageContaining(SystemTests.REQUIRE_ENV);
    assertThatThrownBy(() -> SystemTests.require(false, "chromium", " 1 ", err))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void publicEntryPointFollowsTheEnvironment() {
    SystemTests.require(true, "nothing");
    if (SystemTests.required()) {
      assertThatThrownBy(() -> SystemTests.require(false, "a missing thing"))
          .isInstanceOf(AssertionError.class);
    } else {
      assertThatThrownBy(() -> SystemTests.require(false, "a missing thing"))
          .isInstanceOf(TestAbortedException.class);
    }
  }
}
