package org.ipu.outreach.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The campaign process's service tasks (referenced as ${campaignSteps...} in campaign.bpmn). */
@Component("campaignSteps")
public class CampaignSteps {

  private final CampaignService campaigns;
  private final CampaignMeetingCheck meetingCheck;

  public CampaignSteps(CampaignService campaigns, CampaignMeetingCheck meetingCheck) {
    this.campaigns = campaigns;
    this.meetingCheck = meetingCheck;
  }

  public void checkMeeting(DelegateExecution execution) {
    meetingCheck.beforeInviting(campaignId(execution));
  }

  public void launchBatch(DelegateExecution execution) {
    boolean all = campaigns.launchBatch(campaignId(execution));
    execution.setVariable(CampaignProcess.Vars.ALL_INVITATIONS_STARTED, all);
  }

  public void cancel(DelegateExecution execution) {
    campaigns.cancel(campaignId(execution));
  }

  public void close(DelegateExecution execution) {
    campaigns.complete(campaignId(execution));
  }

  private static String campaignId(DelegateExecution execution) {
    return (String) execution.getVariable(CampaignProcess.Vars.CAMPAIGN_ID);
  }
}
