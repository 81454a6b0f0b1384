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
  static final Instant FAR_AWAY = NOW.plus(Duration.ofDays(90));

  @Test
  void bothRemindersComeBeforeADistantDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(14));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 1, FAR_AWAY, DEFAULTS);
    assertThat(plan.firstReminderAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(plan.deadlineReminderAt()).isEqualTo(deadline.minus(Duration.ofDays(3)));
    assertThat(plan.replyDueAt()).isEqualTo(deadline);
  }

  @Test
  void remindersThatWouldFallAfterTheDeadlineOrBeforeTheWaitArePushedPastTheDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(2));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 1, FAR_AWAY, DEFAULTS);
    assertThat(plan.firstReminderAt()).isAfter(deadline);
    assertThat(plan.deadlineReminderAt()).isAfter(deadline);
  }

  @Test
  void askingForAnotherNomineeNearTheDeadlineGivesTheReplacementPeriod() {
    Instant deadline = NOW.plus(Duration.ofDays(1));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 2, FAR_AWAY, DEFAULTS);
    assertThat(plan.replyDueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(plan.deadlineReminderAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
  }

  @Test
  void askingForAnotherNomineeEarlyKeepsTheCampaignDeadline() {
    Instant deadline = NOW.plus(Duration.ofDays(20));
    assertThat(ReplySchedule.plan(NOW, deadline, 2, FAR_AWAY, DEFAULTS).replyDueAt()).isEqualTo(deadline);
  }

  @Test
  void anotherNomineeAskedForNearTheEventIsDueByTheEventsStartNotAfterIt() {
    Instant deadline = NOW.minus(Duration.ofDays(1));
    Instant eventStart = NOW.plus(Duration.ofDays(3));
    ReplySchedule.Plan plan = ReplySchedule.plan(NOW, deadline, 2, eventStart, DEFAULTS);
    assertThat(plan.replyDueAt()).isEqualTo(eventStart);
    assertThat(plan.firstReminderAt()).as("no reminder after the event's start").isAfter(eventStart);
  }
}
