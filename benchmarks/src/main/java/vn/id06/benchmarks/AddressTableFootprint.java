package vn.id06.benchmarks;

import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.address.UnitView;

/**
 * Prints the heap the commune-level tables retain once loaded (today's and the pre-reform view, the
 * mapping), and the time of the first, cold load in this JVM.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * vn.id06.benchmarks.AddressTableFootprint}
 */
public final class AddressTableFootprint {
  private AddressTableFootprint() {}

  /**
   * Measures and prints.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted while letting the GC settle
   */
  public static void main(String[] args) throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long before = used(rt);
    long t0 = System.nanoTime();
    UnitView today = AdministrativeUnits.builtIn().communes();
    long t1 = System.nanoTime();
    long after = used(rt);
    System.out.printf(
        "first load: %.1f ms; retained: %.2f MB; communes today: %d, before the reform: %d%n",
        (t1 - t0) / 1e6,
        (after - before) / 1e6,
        today.communes().size(),
        AdministrativeUnits.builtIn().preReform().communes().size());
  }

  private static long used(Runtime rt) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
