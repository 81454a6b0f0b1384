package org.ipu.outreach.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/** Checks the review decision on the server; an approval re-checks that the event is still ahead. */
@Component("reviewCampaignForm")
public class ReviewCampaignForm implements TaskListener {

  private final CampaignService campaigns;

  public ReviewCampaignForm(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = FormValues.text(task, CampaignProcess.Vars.REVIEW_DECISION);
    String campaignId = (String) task.getVariable(CampaignProcess.Vars.CAMPAIGN_ID);
    if ("approve".equals(decision)) {
      campaigns.approve(campaignId);
    } else if (!"cancel".equals(decision)) {
      throw new InvalidInputException(
          "Choose whether to approve or cancel the campaign (got '" + decision + "').");
    }
  }
}
