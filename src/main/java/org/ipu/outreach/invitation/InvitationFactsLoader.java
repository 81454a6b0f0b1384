package org.ipu.outreach.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.event.EventRepository;
import org.springframework.stereotype.Component;

@Component
public class InvitationFactsLoader {

  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InviteeRepository invitees;

  public InvitationFactsLoader(CampaignRepository campaigns, EventRepository events, InviteeRepository invitees) {
    this.campaigns = campaigns;
    this.events = events;
    this.invitees = invitees;
  }

  public InvitationFacts load(DelegateExecution execution) {
    String campaignId = InvitationFacts.campaignId(execution);
    String code = InvitationFacts.inviteeCode(execution);
    Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
    return new InvitationFacts(
        campaign,
        events.find(campaign.eventCode()).orElseThrow(() -> new IllegalStateException("No event " + campaign.eventCode())),
        invitees.find(code).orElseThrow(() -> new IllegalStateException("No invitee " + code)),
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        InvitationFacts.roundDeadline(execution, campaign));
  }
}
