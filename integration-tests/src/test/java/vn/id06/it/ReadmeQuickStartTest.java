package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.qr.CardQr;

/**
 * The README's quick start, read out of README.md, compiled with the JDK's compiler against the
 * modules and run: the first code an integrator copies keeps compiling and does what it says. The
 * block is a run of statements; this test supplies the imports and the one input it names ({@code
 * scannedBytes}), and nothing else.
 */
class ReadmeQuickStartTest {
  private static final Path README =
      Path.of("..").toAbsolutePath().normalize().resolve("README.md");
  private static final Pattern QUICK_START =
      Pattern.compile("## Quick start\\s*\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void quickStartCompilesAndRunsAsWritten(@TempDir Path dir) throws Exception {
    String block = quickStartBlock();
    String source =
        """
        import java.time.*;
        import vn.id06.core.citizen.*;
        import vn.id06.core.qr.*;
        import vn.id06.core.text.*;

        public final class QuickStart {
          public static Object[] run(byte[] scannedBytes) {
        %s
            return new Object[] {qr, citizen, check, same};
          }
        }
        """
            .formatted(block);
    Path file = dir.resolve("QuickStart.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    DocExamples.compile("the quick start", file, dir);

    // What a hospital reader hands over: UTF-8 bytes that went through a Windows-1252 program.
    byte[] scannedBytes =
        new String(
                "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021"
                    .getBytes(StandardCharsets.UTF_8),
                Charset.forName("windows-1252"))
            .getBytes(StandardCharsets.UTF_8);
    Object[] result;
    try (var loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method run = loader.loadClass("QuickStart").getMethod("run", byte[].class);
      result = (Object[]) run.invoke(null, (Object) scannedBytes);
    }
    CardQr qr = (CardQr) result[0];
    CitizenRecord citizen = (CitizenRecord) result[1];
    CitizenIdInspection check = (CitizenIdInspection) result[2];
    boolean same = (Boolean) result[3];

    assertThat(check.valid()).isTrue();
    assertThat(same).as("old and new tone placement name the same person").isTrue();
    assertThat(citizen.provenance().level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(qr.repairs()).as("the garbled name was repaired and reported").isNotEmpty();
  }

  private static String quickStartBlock() throws IOException {
    Matcher m = QUICK_START.matcher(Files.readString(README, StandardCharsets.UTF_8));
    assertThat(m.find())
        .as("README.md has a ```java block right under \"## Quick start\"")
        .isTrue();
    return m.group(1);
  }
}
