package org.ipu.outreach.task;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Adds a duration whose whole days are working days (Monday to Friday). A duration of hours or minutes
 * only (such as the demo's) is plain clock time, weekend or not.
 */
public final class WorkingDays {

  private WorkingDays() {}

  public static Instant add(Instant start, Duration duration, ZoneId zone) {
    long days = duration.toDays();
    if (days == 0) {
      return start.plus(duration);
    }
    ZonedDateTime t = start.atZone(zone);
    while (isWeekend(t)) {
      // a task created at the weekend starts counting on Monday, at the same clock time
      t = t.plusDays(1);
    }
    for (long i = 0; i < days; i++) {
      t = t.plusDays(1);
      while (isWeekend(t)) {
        t = t.plusDays(1);
      }
    }
    return t.plus(duration.minusDays(days)).toInstant();
  }

  private static boolean isWeekend(ZonedDateTime t) {
    return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
