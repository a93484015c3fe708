package vn.id06.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** One in-process run of the command line, with captured streams and a fixed clock. */
record CliRun(int exitCode, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

  /** stdout as JSON. */
  JsonNode json() throws IOException {
    return JSON.readTree(out);
  }

  static CliRun of(String... args) {
    return withInput(new byte[0], args);
  }

  static CliRun withInput(String stdin, String... args) {
    return withInput(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun withInput(byte[] stdin, String... args) {
    return run(stdin, Map.of(), args);
  }

  /** A run with these environment variables (the process's own are never read). */
  static CliRun withEnv(Map<String, String> env, String... args) {
    return run(new byte[0], env, args);
  }

  private static CliRun run(byte[] stdin, Map<String, String> env, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        Id06Command.run(
            args,
            new CliContext(
                new ByteArrayInputStream(stdin),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                CLOCK,
                env));
    return new CliRun(code, out.toString(), err.toString());
  }
}
