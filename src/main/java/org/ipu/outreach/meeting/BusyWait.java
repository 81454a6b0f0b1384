package org.ipu.outreach.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Until when to wait after the platform's rate limit: the time the platform named, else an
 * exponential back-off (1, 2, 4 ... minutes, at most an hour) with up to 20% jitter, so that many
 * invitations waiting together do not all come back in the same second.
 */
public final class BusyWait {

  static final Duration FIRST = Duration.ofMinutes(1);
  static final Duration LONGEST = Duration.ofHours(1);

  private BusyWait() {}

  public static Instant until(MeetingPlatformBusyException busy, int timesBusyBefore, Instant now) {
    if (busy.retryAt() != null) {
      return busy.retryAt().isAfter(now) ? busy.retryAt() : now;
    }
    Duration wait = FIRST.multipliedBy(1L << Math.min(timesBusyBefore, 6));
    if (wait.compareTo(LONGEST) > 0) {
      wait = LONGEST;
    }
    long jitterMillis = (long) (wait.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
    return now.plus(wait).plusMillis(jitterMillis);
  }
}
