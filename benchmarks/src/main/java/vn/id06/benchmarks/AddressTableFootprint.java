package vn.id06.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;
import vn.id06.core.address.Address;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.address.ResolvedAddress;
import vn.id06.core.address.UnitView;

/**
 * Prints the time of the first, cold load of the commune-level tables in this JVM and the heap they
 * retain (units are made on first use: also the heap once every unit is made), the time of the
 * first {@code Address.resolve} after it, and the CPU time per operation of {@link
 * AddressBenchmark}'s benchmarks, id06 and its naive baseline side by side.
 *
 * <p>CPU time is the measuring thread's own ({@link ThreadMXBean#getCurrentThreadCpuTime}): on a
 * shared machine it leaves out the time the thread waits for a core, which JMH's wall-clock figures
 * include. It does not count the garbage collector's threads, so allocation (JMH's {@code -prof
 * gc}) is reported beside it. Each figure is the best of 7 rounds after 5 warm-up rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * vn.id06.benchmarks.AddressTableFootprint}
 */
public final class AddressTableFootprint {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AddressTableFootprint() {}

  /**
   * Measures and prints.
   *
   * @param args ignored
   * @throws Exception if a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    Runtime rt = Runtime.getRuntime();
    long before = used(rt);
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    UnitView today = AdministrativeUnits.builtIn().communes();
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    long loaded = used(rt);
    System.out.printf(
        "first load: %.1f ms wall, %.1f ms CPU; retained: %.2f MB%n",
        (t1 - t0) / 1e6, (c1 - c0) / 1e6, (loaded - before) / 1e6);
    c0 = THREADS.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    ResolvedAddress first = Address.resolve(new AddressBenchmark().typical());
    t1 = System.nanoTime();
    c1 = THREADS.getCurrentThreadCpuTime();
    System.out.printf(
        "first Address.resolve after it: %.1f ms wall, %.1f ms CPU (%s)%n",
        (t1 - t0) / 1e6, (c1 - c0) / 1e6, first.toCurrentUnits().certainty());
    // Units are made on first use: make them all (both views' lists) to see the most retained.
    int communes = today.communes().size();
    UnitView pre = AdministrativeUnits.builtIn().preReform();
    int old = pre.communes().size() + pre.districts().size() + pre.provinces().size();
    long all = used(rt);
    System.out.printf(
        "retained with every unit of both views made: %.2f MB (today %d communes, before the"
            + " reform %d units)%n",
        (all - before) / 1e6, communes, old);

    AddressBenchmark b = new AddressBenchmark();
    b.setUp();
    System.out.println("CPU time per operation (best of 7 rounds):");
    row("load the tables", b::loadTables, "read and split 3 CSVs", b::loadCsvNaive, 20);
    row(
        "commune by code",
        b::lookupByCode,
        "scan the CSV rows",
        b::lookupByCodeNaiveScan,
        1_000_000);
    row("Address.resolve", b::resolveTypical, "scan the CSV rows", b::resolveNaiveScan, 20_000);
  }

  private static void row(
      String what, Callable<?> id06, String baselineName, Callable<?> baseline, int ops)
      throws Exception {
    double a = cpuPerOp(id06, ops);
    double z = cpuPerOp(baseline, Math.max(1, ops / 500));
    System.out.printf(
        "  %-16s id06 %s | baseline (%s) %s | baseline / id06 %.0f×%n",
        what, time(a), baselineName, time(z), z / a);
  }

  private static double cpuPerOp(Callable<?> op, int ops) throws Exception {
    double[] rounds = new double[12];
    long found = 0;
    for (int r = 0; r < rounds.length; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < ops; i++) {
        // Testing each result keeps the JIT from dropping the work that computes it.
        if (op.call() != null) {
          found++;
        }
      }
      rounds[r] = (THREADS.getCurrentThreadCpuTime() - c0) / (double) ops;
    }
    if (found == 0) {
      throw new IllegalStateException("no result");
    }
    double[] measured = Arrays.copyOfRange(rounds, 5, rounds.length);
    Arrays.sort(measured);
    return measured[0];
  }

  private static String time(double ns) {
    if (ns >= 1e6) {
      return String.format("%.1f ms", ns / 1e6);
    }
    if (ns >= 1e3) {
      return String.format("%.2f µs", ns / 1e3);
    }
    return String.format("%.1f ns", ns);
  }

  private static long used(Runtime rt) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
