package vn.id06.benchmarks;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * Card-QR parsing and ID parsing, side by side with what an integrator writes by hand: {@code
 * String.split("\\|")} and taking fields by position, with no validation or repair. The ratio says
 * what validation and repair cost on top of that baseline.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests -DskipStaticChecks && java
 * -jar benchmarks/target/benchmarks.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class QrParseBenchmark {
  // Synthetic person.
  static final String CLEAN =
      "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|"
          + "Số 12 Đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh|01072021";
  static final String DAMAGED =
      new String(CLEAN.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
  static final byte[] CLEAN_BYTES = CLEAN.getBytes(StandardCharsets.UTF_8);

  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  private final CardQrParser parser = CardQrParser.standard();

  @Benchmark
  public CardQr id06CleanString() {
    return parser.parse(CLEAN);
  }

  @Benchmark
  public CardQr id06CleanBytes() {
    return parser.parse(CLEAN_BYTES);
  }

  @Benchmark
  public CardQr id06Damaged() {
    return parser.parse(DAMAGED);
  }

  /** The baseline: split and take by position; no checks, no repair, garbage in garbage out. */
  @Benchmark
  @SuppressWarnings("StringSplitter") // String.split is the point: it is what integrators write.
  public void baselineSplitClean(Blackhole bh) {
    String[] f = CLEAN.split("\\|");
    bh.consume(f[0]);
    bh.consume(f[1]);
    bh.consume(f[2]);
    bh.consume(f[3]);
    bh.consume(f[4]);
    bh.consume(f[5]);
    bh.consume(f[6]);
  }

  @Benchmark
  public CitizenId id06CitizenIdParse() {
    return CitizenId.parse("079190012345");
  }

  /** The baseline ID check integrators write: length and digits, with a precompiled pattern. */
  @Benchmark
  public boolean baselineIdPrecompiledRegex() {
    return TWELVE_DIGITS.matcher("079190012345").matches();
  }

  /** The baseline ID check integrators write most often: a regex compiled on every call. */
  @Benchmark
  public boolean baselineIdRegex() {
    return "079190012345".matches("\\d{12}");
  }
}
