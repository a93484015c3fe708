package vn.id06.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code card emulate --vpcd} against a stand-in for the vpcd driver: a loopback server speaking
 * the driver's framing (2-byte big-endian length; 1-byte control messages).
 */
class CardEmulateCommandTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Plays the driver: get ATR, power on, two APDUs; records the card's answers; hangs up. */
  private static List<String> driver(ServerSocket server) throws Exception {
    List<String> answers = new ArrayList<>();
    try (Socket s = server.accept()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(s.getInputStream());
      for (String msg : new String[] {"04", "01", "00A4040C07A0000002471001", "00A4000C023F00"}) {
        byte[] m = HEX.parseHex(msg);
        out.writeShort(m.length);
        out.write(m);
        out.flush();
        if (!msg.equals("01")) {
          byte[] answer = new byte[in.readUnsignedShort()];
          in.readFully(answer);
          answers.add(HEX.formatHex(answer));
        }
      }
    }
    return answers;
  }

  @Test
  void printsTheAccessDataThenServesTheDriverUntilItHangsUp(@TempDir Path dir) throws Exception {
    Path csca = dir.resolve("csca.pem");
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<List<String>> answers =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return driver(server);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      CliRun run =
          CliRun.of(
              "emulate",
              "--vpcd",
              "localhost:" + server.getLocalPort(),
              "--export-csca",
              csca.toString());
      List<String> got = answers.get(30, TimeUnit.SECONDS);
      assertThat(got.get(0)).startsWith("3B"); // the ATR
      assertThat(got.subList(1, 3)).containsExactly("9000", "6D00");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out().lines()).hasSize(1);
      assertThat(run.out())
          .contains("\"documentNumber\":\"190012345\"")
          .contains("\"citizenId\":\"079190012345\"")
          .contains("\"dateOfBirth\":\"1990-03-14\"")
          .contains("\"dateOfExpiry\":\"2030-03-14\"")
          .contains("\"can\":\"012345\"")
          .contains("\"terminal\":\"Virtual PCD 00 00\"")
          .contains("\"cscaCertificate\":");
      assertThat(Files.readString(csca, StandardCharsets.US_ASCII))
          .startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(run.err()).doesNotContain("079190012345");
    }
  }

  @Test
  void unreachableDriverExits3() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.of("emulate", "--vpcd", "localhost:" + port);
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void badArgumentsExit2() {
    assertThat(CliRun.of("emulate").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("emulate", "--vpcd", "localhost:notaport").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("emulate", "--vpcd", "--citizen", "nobody").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("emulate", "--vpcd", "--tamper", "7").exitCode()).isEqualTo(2);
  }
}
