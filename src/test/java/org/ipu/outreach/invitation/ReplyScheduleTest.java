package org.ipu.outreach.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplyScheduleTest {

  static final InvitationTimings DEFAULTS =
      new InvitationTimings(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(1),
          Duration.ofMinutes(30), 1);
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void bothRemindersComeBeforeADistantDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(14));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 1, DEFAULTS);
    assertThat(plan.firstReminderAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(plan.deadlineReminderAt()).isEqualTo(deadline.minus(Duration.ofDays(3)));
    assertThat(plan.replyDueAt()).isEqualTo(deadline);
  }

  @Test
  void remindersThatWouldFallAfterTheDeadlineOrBeforeTheWaitArePushedPastTheDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(2));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 1, DEFAULTS);
    assertThat(plan.firstReminderAt()).isAfter(deadline);
    assertThat(plan.deadlineReminderAt()).isAfter(deadline);
  }

  @Test
  void askingForAnotherNomineeNearTheDeadlineGivesTheReplacementPeriod() {
    Instant deadline = NOW.plus(Duration.ofDays(1));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 2, DEFAULTS);
    assertThat(plan.replyDueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(plan.deadlineReminderAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
  }

  @Test
  void askingForAnotherNomineeEarlyKeepsTheCampaignDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(20));
    assertThat(ReplySchedule.plan(NOW, deadline, 2, DEFAULTS).replyDueAt()).isEqualTo(deadline);
  }
}
