package vn.id06.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real {@code ./id06} launcher the way a user does, with the caller's locale stripped down
 * to {@code LANG=C} or nothing at all: Vietnamese text must still arrive intact in arguments, stdin
 * and stdout.
 *
 * <p>The jar was built earlier in this reactor; {@code ID06_BUILD=never} keeps the launcher from
 * starting a nested build inside this one (the build path itself is exercised by {@code
 * .ci/launcher-test.sh}).
 */
class LauncherTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"LANG=C", "LANG=", "LC_ALL=POSIX", "none"})
  void vietnameseSurvivesArgumentsUnderAnyLocale(String locale) throws Exception {
    var ok = launch(locale, "", "id", "inspect", "079190012345", "--sex", "Nữ");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"valid\":true").contains("\"provinceName\":\"Hồ Chí Minh\"");

    var mismatch = launch(locale, "", "id", "inspect", "079190012345", "--sex", "Nam");
    assertThat(mismatch.out()).contains("SEX_MISMATCH");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LANG=C", "none"})
  void vietnameseSurvivesStdinAndStdoutUnderAnyLocale(String locale) throws Exception {
    var run =
        launch(
            locale,
            "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021",
            "qr",
            "parse");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"fullName\":\"Nguyễn Thị Hoà\"")
        .contains("\"address\":\"Xã Phước Hòa, Tỉnh Gia Lai\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LANG=C"})
  void badInputExitsTwoWithTheFieldOnStderr(String locale) throws Exception {
    var run = launch(locale, "", "id", "inspect", "0791900123");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("citizenId").doesNotContain("0791900123");
  }

  @Test
  void worksThroughASymlinkFromAnotherDirectory(@TempDir Path dir) throws Exception {
    Path link = dir.resolve("id06");
    Files.createSymbolicLink(link, ROOT.resolve("id06"));
    var run = script("LANG=C", "cd / && exec '" + link + "' id inspect 079190012345 </dev/null\n");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"valid\":true");
  }

  @Test
  void outputThatCannotBeWrittenExitsOne() throws Exception {
    for (String redirect : new String[] {">/dev/full", ">&-"}) {
      var run =
          script("LANG=C", "exec ./id06 id inspect 079190012345 </dev/null " + redirect + "\n");
      assertThat(run.code()).as(redirect).isEqualTo(1);
      assertThat(run.err()).as(redirect).contains("could not be written");
    }
  }

  @Test
  void aClosedStdinReadsAsEmptyNotAsAFileTheJvmOpened() throws Exception {
    var run = script("LANG=C", "exec ./id06 qr parse <&-\n");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("EMPTY");
  }

  private record Result(int code, String out, String err) {}

  /**
   * Launches {@code ./id06} through {@code bash -s}, writing the script on bash's stdin as UTF-8
   * bytes: a {@link ProcessBuilder} argument would be encoded with this JVM's own locale first, and
   * under a bare locale "Nữ" would be lost before the launcher ever saw it.
   */
  private static Result launch(String locale, String stdin, String... args)
      throws IOException, InterruptedException {
    var script = new StringBuilder("exec ./id06");
    for (String arg : args) {
      script.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    if (stdin.isEmpty()) {
      script.append(" </dev/null\n");
    } else {
      script.append(" <<'ID06_EOF'\n").append(stdin).append("\nID06_EOF\n");
    }
    return script(locale, script.toString());
  }

  /** Runs a bash script (as UTF-8 bytes on bash's stdin) in the project's root. */
  private static Result script(String locale, String script)
      throws IOException, InterruptedException {
    var pb = new ProcessBuilder("bash", "-s").directory(ROOT.toFile());
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path);
    env.put("HOME", System.getProperty("user.home"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ID06_BUILD", "never");
    if (!locale.equals("none")) {
      String[] kv = locale.split("=", 2);
      env.put(kv[0], kv[1]);
    }
    Path outFile = Files.createTempFile("id06-out", ".txt");
    Path errFile = Files.createTempFile("id06-err", ".txt");
    try {
      pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        in.write(script.getBytes(UTF_8));
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the launcher did not finish within 60 s");
      }
      return new Result(
          p.exitValue(), Files.readString(outFile, UTF_8), Files.readString(errFile, UTF_8));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }
}
