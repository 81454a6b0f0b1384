package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.campaign.CampaignRepository;
import org.springframework.stereotype.Component;

/** "Plan reminders and reply deadline" (referenced as ${replyWait.plan(execution)}). */
@Component("replyWait")
public class ReplyWait {

  private final CampaignRepository campaigns;
  private final InvitationTimings timings;

  public ReplyWait(CampaignRepository campaigns, InvitationTimings timings) {
    this.campaigns = campaigns;
    this.timings = timings;
  }

  public void plan(DelegateExecution execution) {
    Object previous = execution.getVariable(Vars.REPLY_ROUND);
    int round = previous == null ? 1 : ((Number) previous).intValue() + 1;
    String campaignId = InvitationFacts.campaignId(execution);
    ReplySchedule.Plan plan =
        ReplySchedule.plan(
            ClockUtil.getCurrentTime().toInstant(),
            campaigns.find(campaignId).orElseThrow().replyDeadline(),
            round,
            timings);
    execution.setVariable(Vars.REPLY_ROUND, round);
    execution.setVariable(Vars.FIRST_REMINDER_AT, Date.from(plan.firstReminderAt()));
    execution.setVariable(Vars.DEADLINE_REMINDER_AT, Date.from(plan.deadlineReminderAt()));
    execution.setVariable(Vars.REPLY_DUE_AT, Date.from(plan.replyDueAt()));
  }
}
