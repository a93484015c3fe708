package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/** Compiles a Java example taken from the project's docs, against the test class path. */
public final class DocExamples {
  private DocExamples() {}

  /**
   * Compiles one source file, failing the test with the compiler's diagnostics.
   *
   * @param what what the example is, for the failure message
   * @param file the source file
   * @param outDir where the classes go
   */
  public static void compile(String what, Path file, Path outDir) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler").isNotNull();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    try (var files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "-d",
                      outDir.toString(),
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-encoding",
                      "UTF-8"),
                  null,
                  files.getJavaFileObjects(file))
              .call();
      assertThat(ok).as("%s compiles: %s", what, diagnostics.getDiagnostics()).isTrue();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
