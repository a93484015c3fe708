package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.id06.eform.SealKeys;

/**
 * {@code prefill}, {@code prefill verify}, {@code prefill --list} and {@code card emulate} keep
 * printing what they printed before they moved to the output model: the fixtures under {@code
 * golden/prefill/} were captured from those commands as they were (their own Jackson trees), with
 * the run's folders replaced by {@code DIR}. The comparison is of the text, so key order and value
 * types hold too.
 */
class PrefillGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/prefill");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Synthetic card QR: male born 1985, a pre-reform Bình Định address. */
  static final String QR =
      "079085001234|025123456|Trần Văn Thử|14031985|Nam|"
          + "Thôn 3, Xã Canh Liên, Huyện Vân Canh, Tỉnh Bình Định|10072021";

  private static void check(String name, CliRun run, Path dir) throws IOException {
    String out = run.out().replace(dir.toString(), "DIR");
    Path expectedOut = GOLDEN.resolve(name + ".out");
    Path expectedExit = GOLDEN.resolve(name + ".exit");
    assertThat(run.exitCode())
        .as("%s: exit status (stderr: %s)", name, run.err())
        .isEqualTo(Integer.parseInt(Files.readString(expectedExit).strip()));
    assertThat(out).as(name).isEqualTo(Files.readString(expectedOut, StandardCharsets.UTF_8));
    // One document: a single line that parses whole.
    if (!out.isEmpty()) {
      assertThat(out.lines()).hasSize(1);
      assertThat(MAPPER.readTree(out).isObject()).isTrue();
    }
  }

  @Test
  void listPrintsWhatItPrintedBefore(@TempDir Path dir) throws IOException {
    check("list", CliRun.of("prefill", "--list"), dir);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "birth-registration",
        "permanent-residence",
        "temporary-residence",
        "judicial-record",
        "driving-licence-renewal",
        "health-insurance-renewal"
      })
  void prefillFromTheQrPrintsWhatItPrintedBefore(String template, @TempDir Path dir)
      throws IOException {
    check(
        "qr-" + template,
        CliRun.of("prefill", "--form", template, "--from-qr", QR, "--out", dir.toString()),
        dir);
  }

  @Test
  void prefillFromTheVirtualCardPrintsWhatItPrintedBefore(@TempDir Path dir) throws IOException {
    check(
        "card-permanent-residence",
        CliRun.of(
            "prefill",
            "--form",
            "permanent-residence",
            "--from-card",
            "--virtual",
            "--out",
            dir.toString()),
        dir);
  }

  @Test
  void verifyPrintsWhatItPrintedBefore(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("out");
    CliRun prefill =
        CliRun.of(
            "prefill", "--form", "permanent-residence", "--from-qr", QR, "--out", dir.toString());
    assertThat(prefill.exitCode()).as(prefill.err()).isZero();
    Path form = dir.resolve("form.json");
    check("verify-clean", CliRun.of("prefill", "verify", dir.toString(), form.toString()), tmp);

    ObjectNode changed = (ObjectNode) MAPPER.readTree(Files.readString(form));
    for (var f : changed.get("fields")) {
      if (List.of("fullName", "citizenId").contains(f.get("id").asText())) {
        ((ObjectNode) f).put("value", "Trần Văn Khác");
      }
    }
    Path sub = tmp.resolve("changed.json");
    Files.writeString(sub, MAPPER.writeValueAsString(changed));
    check("verify-tampered", CliRun.of("prefill", "verify", dir.toString(), sub.toString()), tmp);

    Path other = tmp.resolve("other.pem");
    Files.writeString(other, SealKeys.toPem(SealKeys.generate()));
    check(
        "verify-other-key",
        CliRun.of(
            "prefill", "verify", dir.toString(), form.toString(), "--seal-key", other.toString()),
        tmp);
  }

  @Test
  void cardEmulatePrintsItsStartLineAsBefore(@TempDir Path dir) throws Exception {
    Path csca = dir.resolve("csca.pem");
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<Void> driver =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = server.accept()) {
                  var out = new DataOutputStream(s.getOutputStream());
                  byte[] atr = HexFormat.of().parseHex("04");
                  out.writeShort(atr.length);
                  out.write(atr);
                  out.flush();
                  var in = new DataInputStream(s.getInputStream());
                  in.readFully(new byte[in.readUnsignedShort()]);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      CliRun run =
          CliRun.of(
              "card",
              "emulate",
              "--vpcd",
              "localhost:" + server.getLocalPort(),
              "--export-csca",
              csca.toString());
      driver.get(30, TimeUnit.SECONDS);
      check("card-emulate", run, dir);
    }
  }
}
