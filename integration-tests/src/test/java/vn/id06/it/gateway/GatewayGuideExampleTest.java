package vn.id06.it.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.it.DocExamples;
import vn.id06.testkit.gateway.GatewaySimulator;
import vn.id06.testkit.gateway.GatewaySimulatorExtension;

/**
 * The copy-paste example of docs/GATEWAY.md ("Configuring the client"), read out of the file,
 * compiled with the JDK's compiler against the modules, and run against the simulator after
 * swapping its placeholder URL, registration and files for the simulator's: the example a vendor
 * copies keeps compiling and works as written.
 */
class GatewayGuideExampleTest {
  @RegisterExtension
  static final GatewaySimulatorExtension GATEWAY = GatewaySimulatorExtension.defaults();

  private static final Path GUIDE =
      Path.of("..").toAbsolutePath().normalize().resolve("docs/GATEWAY.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("## Configuring the client\\s*\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void theGuidesExampleCompilesAndRunsAgainstTheSimulator(@TempDir Path dir) throws Exception {
    Matcher m = EXAMPLE.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
    assertThat(m.find()).as("a ```java block under \"## Configuring the client\"").isTrue();
    GatewaySimulator sim = GATEWAY.simulator();
    String block = m.group(1);
    block = swap(block, "https://gateway.example.gov.vn/", sim.rootUri().toString());
    block = swap(block, "\"portal-binh-dinh\"", quoted(GatewaySimulator.CLIENT_ID));
    block = swap(block, "\"urn:example:population-gateway\"", quoted(sim.audience()));
    block = swap(block, "\"/etc/id06/client-key.pem\"", quoted(sim.clientKeyFile()));
    block = swap(block, "\"/etc/id06/client.pem\"", quoted(sim.clientCertificateFile()));
    block = swap(block, "\"/etc/id06/gateway-ca.pem\"", quoted(sim.caCertificateFile()));
    block = swap(block, "\"/etc/id06/gateway-jwks.json\"", quoted(sim.jwksFile()));
    List<String> imports = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (line.startsWith("import ")) {
        imports.add(line);
      } else {
        body.append("    ").append(line).append('\n');
      }
    }
    String source =
        String.join("\n", imports)
            + "\n\npublic final class GuideExample {\n  public static void run() throws Exception {\n"
            + body
            + "  }\n}\n";
    Path file = dir.resolve("GuideExample.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    DocExamples.compile("the example", file, dir);

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    long before = sim.counters().getOrDefault("requests", 0L);
    try (var loader =
            new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      Method run = loader.loadClass("GuideExample").getMethod("run");
      run.invoke(null);
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .as("the example's result line")
        .containsPattern("(?m)^(MATCH|MISMATCH|NOT_FOUND) ");
    assertThat(printed).contains("GatewayMetrics[calls=1, attempts=1");
    assertThat(sim.counters().getOrDefault("requests", 0L)).isGreaterThan(before);
  }

  private static String quoted(Object value) {
    return "\"" + value.toString().replace("\\", "\\\\") + "\"";
  }

  private static String swap(String block, String placeholder, String value) {
    assertThat(block).as("the example still names %s", placeholder).contains(placeholder);
    return block.replace(placeholder, value);
  }
}
