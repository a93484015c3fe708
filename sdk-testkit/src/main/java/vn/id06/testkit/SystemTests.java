package vn.id06.testkit;

import java.io.PrintStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need a component of the machine they run on (pcscd with the vpcd driver, a
 * browser): such a test skips with a printed reason when the component is missing, so the project's
 * test command passes on a machine with only a JDK, and fails instead when the environment variable
 * {@value #REQUIRE_ENV} is {@code 1} (continuous integration installs the components and sets it).
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class SystemTests {

  /** The environment variable that turns a missing system component into a test failure. */
  public static final String REQUIRE_ENV = "ID06_REQUIRE_SYSTEM_TESTS";

  private SystemTests() {}

  /**
   * Lets the calling test go on when {@code available}; otherwise skips it (a JUnit assumption)
   * with the reason printed to standard error, or fails it when {@value #REQUIRE_ENV}{@code =1}.
   *
   * @param available whether the component the test needs is present
   * @param what what the test needs, in words, e.g. {@code "pcscd with the vpcd driver"}
   * @throws org.opentest4j.TestAbortedException when the test is skipped
   * @throws AssertionError when the component is missing and system tests are required
   */
  public static void require(boolean available, String what) {
    require(available, what, System.getenv(REQUIRE_ENV), System.err);
  }

  /**
   * Whether {@value #REQUIRE_ENV} asks for system tests to run rather than skip.
   *
   * @return true when the variable is {@code 1}
   */
  public static boolean required() {
    return required(System.getenv(REQUIRE_ENV));
  }

  static boolean required(String envValue) {
    return "1".equals(envValue == null ? null : envValue.trim());
  }

  static void require(boolean available, String what, String envValue, PrintStream err) {
    if (available) {
      return;
    }
    String reason = "system component missing: " + what;
    if (required(envValue)) {
      throw new AssertionError(reason + " (" + REQUIRE_ENV + "=1 requires it)");
    }
    err.println("SKIPPED: " + reason + " (set " + REQUIRE_ENV + "=1 to fail instead)");
    Assumptions.abort(reason);
  }
}
