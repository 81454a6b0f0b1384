package org.ipu.outreach.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.invitation.Outcome;
import org.springframework.stereotype.Component;

/** End listener of every parliament invitation: counts it as ended in its campaign. */
@Component("campaignProgress")
public class CampaignProgress implements ExecutionListener {

  private final CampaignService campaigns;

  public CampaignProgress(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object outcome = execution.getVariable(InvitationProcess.Vars.OUTCOME);
    campaigns.invitationEnded(
        (String) execution.getVariable(InvitationProcess.Vars.CAMPAIGN_ID),
        (String) execution.getVariable(InvitationProcess.Vars.INVITEE_CODE),
        outcome == null ? Outcome.CANCELLED.name() : outcome.toString());
  }
}
