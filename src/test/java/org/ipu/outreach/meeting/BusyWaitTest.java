package org.ipu.outreach.meeting;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class BusyWaitTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void thePlatformsRetryAfterIsHonoured() {
    Instant at = NOW.plusSeconds(42);
    Assertions.assertThat(BusyWait.until(new MeetingPlatformBusyException("429", at, false), 5, NOW)).isEqualTo(at);
    // a time already past means: now
    Assertions.assertThat(BusyWait.until(new MeetingPlatformBusyException("429", NOW.minusSeconds(5), false), 0, NOW)).isEqualTo(NOW);
  }

  @Test
  void withoutRetryAfterTheWaitDoublesWithJitterUpToAnHour() {
    MeetingPlatformBusyException busy = new MeetingPlatformBusyException("429", null, false);
    for (int i = 0; i < 20; i++) {
      Assertions.assertThat(BusyWait.until(busy, 0, NOW)).isBetween(NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofSeconds(72)));
      Assertions.assertThat(BusyWait.until(busy, 2, NOW)).isBetween(NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofSeconds(288)));
      Assertions.assertThat(BusyWait.until(busy, 30, NOW)).isBetween(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(72)));
    }
  }
}
