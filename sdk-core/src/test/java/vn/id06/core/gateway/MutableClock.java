package vn.id06.core.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.id06.core.resilience.Sleeper;

/** A clock tests move by hand, and a pause that records waits and moves the clock by them. */
final class MutableClock extends Clock {
  private volatile Instant now = Instant.parse("2026-03-01T02:00:00Z");
  final List<Duration> pauses = new ArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  Sleeper sleeper() {
    return d -> {
      synchronized (pauses) {
        pauses.add(d);
      }
      advance(d);
    };
  }

  List<Duration> pauses() {
    synchronized (pauses) {
      return List.copyOf(pauses);
    }
  }
}
