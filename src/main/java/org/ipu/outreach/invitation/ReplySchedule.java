package org.ipu.outreach.invitation;

import java.time.Instant;

/**
 * When to remind a parliament and when to stop waiting for its reply. Plain logic, tested without the
 * engine.
 */
public final class ReplySchedule {

  /** Dates of the two reminder timers and of the deadline timer of "Wait for the reply". */
  public record Plan(Instant firstReminderAt, Instant deadlineReminderAt, Instant replyDueAt) {}

  private ReplySchedule() {}

  /**
   * @param waitingSince when the wait starts (after the invitation, or after asking for another nominee)
   * @param campaignDeadline the reply deadline of the campaign
   * @param round 1 for the invitation, 2 and more after asking for another nominee
   * @param eventStart a later round's deadline never passes it: replies after the start are no use
   */
  public static Plan plan(
      Instant waitingSince, Instant campaignDeadline, int round, Instant eventStart, InvitationTimings t) {
    Instant replyDue = campaignDeadline;
    if (round > 1 && replyDue.isBefore(waitingSince.plus(t.replacementReplyPeriod()))) {
      replyDue = waitingSince.plus(t.replacementReplyPeriod());
      if (replyDue.isAfter(eventStart)) {
        replyDue = eventStart.isAfter(campaignDeadline) ? eventStart : campaignDeadline;
      }
    }
    Instant first = waitingSince.plus(t.firstReminderAfter());
    return new Plan(
        first.isBefore(replyDue) ? first : never(replyDue), deadlineReminderAt(waitingSince, replyDue, t), replyDue);
  }

  /**
   * When to remind before {@code replyDue}, for a wait that is under way at {@code now} (also after
   * the deadline was extended: a reminder time already past is not sent, the extension's letter says it).
   */
  public static Instant deadlineReminderAt(Instant now, Instant replyDue, InvitationTimings t) {
    Instant beforeDeadline = replyDue.minus(t.deadlineReminderBefore());
    return beforeDeadline.isAfter(now) && beforeDeadline.isBefore(replyDue) ? beforeDeadline : never(replyDue);
  }

  /**
   * A reminder that would come at or after the deadline, or before the wait starts, is not wanted. Its
   * timer is moved past the deadline: the deadline timer interrupts the wait first and cancels it.
   */
  private static Instant never(Instant replyDue) {
    return replyDue.plusSeconds(24 * 3600);
  }
}
