package vn.id06.core.resilience;

import java.util.function.LongUnaryOperator;
import java.util.random.RandomGenerator;

/** A "random" generator whose bounded draw is a given function of the bound. */
final class FixedRandom implements RandomGenerator {
  private final LongUnaryOperator draw;

  FixedRandom(LongUnaryOperator draw) {
    this.draw = draw;
  }

  static FixedRandom lowest() {
    return new FixedRandom(bound -> 0);
  }

  static FixedRandom highest() {
    return new FixedRandom(bound -> bound - 1);
  }

  @Override
  public long nextLong() {
    return 0;
  }

  @Override
  public long nextLong(long bound) {
    return draw.applyAsLong(bound);
  }
}
