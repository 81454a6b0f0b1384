package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** "Plan reminders and reply deadline" (referenced as ${replyWait.plan(execution)}). */
@Component("replyWait")
public class ReplyWait {

  private final InvitationFactsLoader facts;
  private final InvitationTimings timings;

  public ReplyWait(InvitationFactsLoader facts, InvitationTimings timings) {
    this.facts = facts;
    this.timings = timings;
  }

  /** The deadline the next round will have ("Ask the parliament for another nominee" quotes it). */
  Instant nextRoundDeadline(DelegateExecution execution, InvitationFacts f) {
    Object previous = execution.getVariable(Vars.REPLY_ROUND);
    int next = (previous == null ? 1 : ((Number) previous).intValue()) + 1;
    return ReplySchedule.plan(
            ClockUtil.getCurrentTime().toInstant(), f.campaign().replyDeadline(), next,
            f.event().start().toInstant(), timings)
        .replyDueAt();
  }

  /** Also the reply phase's end: the event's start, when the timers "The event has started" fire. */
  public void plan(DelegateExecution execution) {
    Object previous = execution.getVariable(Vars.REPLY_ROUND);
    int round = previous == null ? 1 : ((Number) previous).intValue() + 1;
    InvitationFacts f = facts.load(execution);
    Instant eventStart = f.event().start().toInstant();
    ReplySchedule.Plan plan =
        ReplySchedule.plan(
            ClockUtil.getCurrentTime().toInstant(), f.campaign().replyDeadline(), round, eventStart, timings);
    execution.setVariable(Vars.EVENT_STARTS_AT, Date.from(eventStart));
    execution.setVariable(Vars.REPLY_ROUND, round);
    execution.setVariable(Vars.FIRST_REMINDER_AT, Date.from(plan.firstReminderAt()));
    execution.setVariable(Vars.DEADLINE_REMINDER_AT, Date.from(plan.deadlineReminderAt()));
    execution.setVariable(Vars.REPLY_DUE_AT, Date.from(plan.replyDueAt()));
  }
}
