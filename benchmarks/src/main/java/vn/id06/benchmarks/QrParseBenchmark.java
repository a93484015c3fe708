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
import vn.id06.core.address.Address;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;
import vn.id06.core.text.RepairedText;
import vn.id06.core.text.TextRepairer;

/**
 * Card-QR parsing and ID parsing, side by side with what an integrator writes by hand: {@code
 * String.split("\\|")} and taking fields by position, with no validation or repair. The ratio says
 * what validation and repair cost on top of that baseline. The {@code piece*} benchmarks time the
 * steps a clean or damaged parse is made of, so the docs can show where the time goes.
 *
 * <p>Inputs are read from instance fields of the {@link State} object, not from literals or
 * constants, so the JIT cannot fold the work away.
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

  static final String NAME = "Nguyễn Thị Hoà";
  static final String ADDRESS = "Số 12 Đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh";

  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  private final CardQrParser parser = CardQrParser.standard();
  private final TextRepairer repairer = TextRepairer.standard();

  // Non-final instance fields: the benchmark reads them on every call.
  private String clean = CLEAN;
  private byte[] cleanBytes = CLEAN.getBytes(StandardCharsets.UTF_8);
  // UTF-8 read as Windows-1252; "Đ" (C4 90) holds the undefined byte 0x90, decoded to U+FFFD.
  private String damaged = mojibake(CLEAN);
  private String id = "079190012345";
  private String name = NAME;
  private String address = ADDRESS;
  private String damagedName = mojibake(NAME);
  private String damagedAddress = mojibake(ADDRESS);

  private static String mojibake(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), CP1252);
  }

  @Benchmark
  public CardQr id06CleanString() {
    return parser.parse(clean);
  }

  @Benchmark
  public CardQr id06CleanBytes() {
    return parser.parse(cleanBytes);
  }

  @Benchmark
  public CardQr id06Damaged() {
    return parser.parse(damaged);
  }

  /** The baseline: split and take by position; no checks, no repair, garbage in garbage out. */
  @Benchmark
  @SuppressWarnings("StringSplitter") // String.split is the point: it is what integrators write.
  public void baselineSplitClean(Blackhole bh) {
    String[] f = clean.split("\\|");
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
    return CitizenId.parse(id);
  }

  /** The baseline ID check integrators write: length and digits, with a precompiled pattern. */
  @Benchmark
  public boolean baselineIdPrecompiledRegex() {
    return TWELVE_DIGITS.matcher(id).matches();
  }

  /** The baseline ID check integrators write most often: a regex compiled on every call. */
  @Benchmark
  public boolean baselineIdRegex() {
    return id.matches("\\d{12}");
  }

  // ---- the pieces of a parse

  @Benchmark
  public Address pieceAddressParse() {
    return Address.parse(address);
  }

  @Benchmark
  public VietnameseName pieceNameOf() {
    return VietnameseName.of(name);
  }

  @Benchmark
  public RepairedText pieceRepairCleanName() {
    return repairer.text("fullName", name);
  }

  @Benchmark
  public RepairedText pieceRepairCleanAddress() {
    return repairer.text("address", address);
  }

  @Benchmark
  public RepairedText pieceRepairDamagedName() {
    return repairer.text("fullName", damagedName);
  }

  /** Mojibake with a lost byte (U+FFFD in "Đường"): the lost-byte search. */
  @Benchmark
  public RepairedText pieceRepairDamagedAddress() {
    return repairer.text("address", damagedAddress);
  }
}
