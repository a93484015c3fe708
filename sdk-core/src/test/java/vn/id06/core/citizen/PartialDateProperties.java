package vn.id06.core.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import vn.id06.core.InvalidInputException;

class PartialDateProperties {
  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2399, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property
  void dayPrecisionRoundTrips(@ForAll("dates") LocalDate d) {
    PartialDate p = PartialDate.of(d);
    assertThat(p.toLocalDate()).contains(d);
    assertThat(PartialDate.parseIso("d", p.toIso())).isEqualTo(p);
    assertThat(p.toIso()).isEqualTo(d.toString());
    String vn = d.format(DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT));
    assertThat(PartialDate.parseVietnamese("d", vn)).isEqualTo(p);
    assertThat(PartialDate.parseVietnamese("d", vn.replace("/", ""))).isEqualTo(p);
    assertThat(PartialDate.parseVietnamese("d", vn.replace('/', '-'))).isEqualTo(p);
    assertThat(p.couldBe(d)).isTrue();
    assertThat(p.isAfter(d)).isFalse();
    assertThat(p.isAfter(d.minusDays(1))).isTrue();
  }

  @Property
  void monthPrecisionRoundTrips(
      @ForAll @IntRange(min = 1800, max = 2399) int year,
      @ForAll @IntRange(min = 1, max = 12) int month) {
    PartialDate p = PartialDate.of(year, month);
    assertThat(PartialDate.parseIso("d", p.toIso())).isEqualTo(p);
    assertThat(PartialDate.parseVietnamese("d", String.format(Locale.ROOT, "%02d/%d", month, year)))
        .isEqualTo(p);
    assertThat(p.couldBe(LocalDate.of(year, month, 1))).isTrue();
    assertThat(p.toLocalDate()).isEmpty();
  }

  @Property
  void yearPrecisionRoundTrips(@ForAll @IntRange(min = 1800, max = 2399) int year) {
    PartialDate p = PartialDate.of(year);
    assertThat(PartialDate.parseIso("d", p.toIso())).isEqualTo(p);
    assertThat(PartialDate.parseVietnamese("d", Integer.toString(year))).isEqualTo(p);
  }

  @Property
  void yearsOutsideRangeRejected(@ForAll("outsideYears") int year) {
    assertThat(catchReason(() -> PartialDate.of(year)))
        .isEqualTo(vn.id06.core.InputReason.IMPOSSIBLE_DATE);
    if (year >= 0 && year <= 9999) {
      String iso = String.format(Locale.ROOT, "%04d", year);
      assertThat(catchReason(() -> PartialDate.parseIso("d", iso)))
          .isEqualTo(vn.id06.core.InputReason.IMPOSSIBLE_DATE);
    }
  }

  @Provide
  Arbitrary<Integer> outsideYears() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-100_000, 1799),
        Arbitraries.integers().between(2400, 100_000));
  }

  @Property
  void compareConsistentWithEquals(
      @ForAll("partials") PartialDate a, @ForAll("partials") PartialDate b) {
    assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
  }

  @Provide
  Arbitrary<PartialDate> partials() {
    return Arbitraries.integers()
        .between(1998, 2001)
        .flatMap(
            y ->
                Arbitraries.integers()
                    .between(0, 3)
                    .flatMap(
                        m ->
                            Arbitraries.integers()
                                .between(0, m == 0 ? 0 : 3)
                                .map(
                                    d ->
                                        m == 0
                                            ? PartialDate.of(y)
                                            : d == 0
                                                ? PartialDate.of(y, m)
                                                : PartialDate.of(y, m, d))));
  }

  @Property
  void parseErrorsNeverEchoInput(@ForAll @StringLength(min = 3, max = 40) String text) {
    for (int mode = 0; mode < 2; mode++) {
      try {
        if (mode == 0) {
          PartialDate.parseIso("d", text);
        } else {
          PartialDate.parseVietnamese("d", text);
        }
      } catch (InvalidInputException e) {
        if (!text.isBlank()) {
          assertThat(e.getMessage()).doesNotContain(text.strip());
        }
      }
    }
  }

  private static vn.id06.core.InputReason catchReason(Runnable r) {
    try {
      r.run();
      return null;
    } catch (InvalidInputException e) {
      return e.reason();
    }
  }
}
