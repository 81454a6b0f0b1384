package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.springframework.stereotype.Component;

/** "Plan reminders and reply deadline" (referenced as ${replyWait.plan(execution)}). */
@Component("replyWait")
public class ReplyWait {

  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InvitationTimings timings;

  public ReplyWait(CampaignRepository campaigns, EventRepository events, InvitationTimings timings) {
    this.campaigns = campaigns;
    this.events = events;
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
    Campaign campaign = campaigns.find(InvitationFacts.campaignId(execution)).orElseThrow();
    Instant eventStart = events.find(campaign.eventCode()).orElseThrow().start().toInstant();
    ReplySchedule.Plan plan =
        ReplySchedule.plan(ClockUtil.getCurrentTime().toInstant(), campaign.replyDeadline(), round, eventStart, timings);
    execution.setVariable(Vars.EVENT_STARTS_AT, Date.from(eventStart));
    execution.setVariable(Vars.REPLY_ROUND, round);
    execution.setVariable(Vars.FIRST_REMINDER_AT, Date.from(plan.firstReminderAt()));
    execution.setVariable(Vars.DEADLINE_REMINDER_AT, Date.from(plan.deadlineReminderAt()));
    execution.setVariable(Vars.REPLY_DUE_AT, Date.from(plan.replyDueAt()));
  }

  /**
   * "Re-plan the reminders and the reply deadline" after staff extended the campaign's deadline. An
   * invitation waiting for the reply whose own deadline is earlier than the new one moves its deadline
   * timer and its deadline reminder (if not sent yet); one in follow-up keeps its staff task and takes
   * the new deadline for its letters. Either is then told the new deadline; any other goes on unchanged.
   */
  public void replan(DelegateExecution execution) {
    List<String> active =
        execution.getProcessEngineServices().getRuntimeService().getActiveActivityIds(execution.getProcessInstanceId());
    boolean waiting = active.contains(Elements.WAIT_FOR_REPLY);
    Instant deadline = campaigns.find(InvitationFacts.campaignId(execution)).orElseThrow().replyDeadline();
    Object own = execution.getVariable(Vars.REPLY_DUE_AT);
    boolean moved = (waiting || active.contains(Elements.FOLLOW_UP))
        && !(own instanceof Date d && !deadline.isAfter(d.toInstant()));
    execution.setVariable(Vars.DEADLINE_MOVED, moved);
    if (!moved) {
      return;
    }
    execution.setVariable(Vars.REPLY_DUE_AT, Date.from(deadline));
    if (waiting) {
      Instant reminder = ReplySchedule.deadlineReminderAt(ClockUtil.getCurrentTime().toInstant(), deadline, timings);
      execution.setVariable(Vars.DEADLINE_REMINDER_AT, Date.from(reminder));
      ManagementService management = execution.getProcessEngineServices().getManagementService();
      EventSchedule.move(management, execution, Elements.REPLY_DEADLINE_REACHED, Date.from(deadline));
      EventSchedule.move(management, execution, Elements.DEADLINE_REMINDER_DUE, Date.from(reminder));
    }
  }
}
