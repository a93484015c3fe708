package vn.id06.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.id06.core.address.Address;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.address.Division;
import vn.id06.core.address.ResolvedAddress;
import vn.id06.core.address.UnitView;

/**
 * The commune-level tables and {@code Address.resolve}, side by side with what an integrator writes
 * by hand from the same CSVs: rows split on commas, looked up by scanning the list.
 *
 * <p>The CSVs are the ones the SDK's resource is generated from (copied into this jar from
 * sdk-core's test resources). Loading the SDK's tables is timed by calling the package-private
 * loader reflectively on the resource in the jar, so each call reads it afresh (the loader makes
 * units on first use, so this is the load a fresh JVM pays before its first lookup).
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests -DskipStaticChecks && java
 * -jar benchmarks/target/benchmarks.jar AddressBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AddressBenchmark {
  // Synthetic house number and street; real unit names (public geography).
  private String typical = "Số 12 Đường Synthetic, Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định";
  // Two of today's codes and one that is not (26734 is a pre-reform code only): two hits, a miss.
  private String[] codes = {"21952", "00004", "26734"};
  private int next;

  private UnitView today;
  private Method load;
  private List<String[]> csvPost;
  private List<String[]> csvPre;
  private List<String[]> csvMapping;

  /** The typical address the resolve benchmarks use. */
  String typical() {
    return typical;
  }

  @Setup
  public void setUp() throws ReflectiveOperationException {
    today = AdministrativeUnits.builtIn().communes();
    Class<?> table = Class.forName("vn.id06.core.address.UnitTable");
    load = table.getDeclaredMethod("load", byte[].class);
    load.setAccessible(true);
    csvPost = csv("units-2025.csv");
    csvPre = csv("units-pre2025.csv");
    csvMapping = csv("mapping.csv");
  }

  static List<String[]> csv(String name) {
    try (InputStream in = AddressBenchmark.class.getResourceAsStream("/admin-units/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (!line.isEmpty()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SDK's tables read from the binary resource in the jar (the views needed to resolve). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object loadTables() throws ReflectiveOperationException, IOException {
    try (InputStream in =
        AdministrativeUnits.class.getResourceAsStream("/vn/id06/core/address/units.bin")) {
      return load.invoke(null, (Object) in.readAllBytes());
    }
  }

  /** Baseline: the three CSVs read and split into rows, nothing indexed. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object loadCsvNaive() {
    return new Object[] {csv("units-2025.csv"), csv("units-pre2025.csv"), csv("mapping.csv")};
  }

  @Benchmark
  public Division lookupByCode() {
    return today.commune(codes[next++ % codes.length]).orElse(null);
  }

  /** Baseline: scan the CSV rows for the code. */
  @Benchmark
  public String[] lookupByCodeNaiveScan() {
    String code = codes[next++ % codes.length];
    for (String[] row : csvPost) {
      if (row[0].equals(code)) {
        return row;
      }
    }
    return null;
  }

  @Benchmark
  public ResolvedAddress resolveTypical() {
    return Address.resolve(typical);
  }

  /**
   * Baseline: what a hand-written resolver does with the CSVs: split on commas, compare the last
   * three components with the commune, district and province names (case-insensitive, exact
   * spelling), then scan the mapping and today's list. No abbreviations, no tone-placement or
   * unaccented matching, no ambiguity handling.
   */
  @Benchmark
  public String[] resolveNaiveScan() {
    String[] parts = typical.split(",", -1);
    int n = parts.length;
    String commune = parts[n - 3].strip().toLowerCase(Locale.ROOT);
    String district = parts[n - 2].strip().toLowerCase(Locale.ROOT);
    String province = parts[n - 1].strip().toLowerCase(Locale.ROOT);
    String oldCode = null;
    for (String[] row : csvPre) {
      if (row[1].toLowerCase(Locale.ROOT).equals(commune)
          && row[4].toLowerCase(Locale.ROOT).equals(district)
          && row[6].toLowerCase(Locale.ROOT).equals(province)) {
        oldCode = row[0];
        break;
      }
    }
    String newCode = null;
    for (String[] row : csvMapping) {
      if (row[0].equals(oldCode)) {
        newCode = row[1];
        break;
      }
    }
    for (String[] row : csvPost) {
      if (row[0].equals(newCode)) {
        return row;
      }
    }
    return null;
  }
}
