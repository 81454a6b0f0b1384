package org.ipu.outreach.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

  private static LocalDateTime add(LocalDateTime start, Duration d) {
    return LocalDateTime.ofInstant(WorkingDays.add(start.atZone(GENEVA).toInstant(), d, GENEVA), GENEVA);
  }

  @Test
  void twoWorkingDaysFromMondayIsWednesday() {
    assertThat(add(LocalDateTime.of(2026, 3, 2, 9, 0), Duration.ofDays(2))).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 0));
  }

  @Test
  void twoWorkingDaysFromThursdaySkipTheWeekend() {
    assertThat(add(LocalDateTime.of(2026, 3, 5, 16, 30), Duration.ofDays(2))).isEqualTo(LocalDateTime.of(2026, 3, 9, 16, 30));
  }

  @Test
  void aTaskCreatedOnSaturdayCountsFromMonday() {
    assertThat(add(LocalDateTime.of(2026, 3, 7, 11, 0), Duration.ofDays(2))).isEqualTo(LocalDateTime.of(2026, 3, 11, 11, 0));
  }

  @Test
  void aDurationWithoutWholeDaysIsClockTimeEvenAtTheWeekend() {
    assertThat(add(LocalDateTime.of(2026, 3, 8, 15, 0), Duration.ofMinutes(3))).isEqualTo(LocalDateTime.of(2026, 3, 8, 15, 3));
  }

  @Test
  void hoursAndMinutesAreClockTime() {
    assertThat(add(LocalDateTime.of(2026, 3, 6, 23, 0), Duration.ofMinutes(90))).isEqualTo(LocalDateTime.of(2026, 3, 7, 0, 30));
  }

  @Test
  void theClockTimeIsKeptAcrossTheSwitchToSummerTime() {
    // Europe switches to summer time on Sunday 29 March 2026
    assertThat(add(LocalDateTime.of(2026, 3, 27, 9, 0), Duration.ofDays(1))).isEqualTo(LocalDateTime.of(2026, 3, 30, 9, 0));
  }
}
