package org.ipu.outreach.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.representative.Representative;

/** What one parliament's invitation is about: its campaign, the event and the invitee. */
public record InvitationFacts(
    Campaign campaign, OutreachEvent event, Invitee invitee, String processInstanceId, String businessKey) {

  public LetterContext letter(Representative representative) {
    return new LetterContext(event, invitee, representative, campaign.replyDeadline());
  }

  static String campaignId(DelegateExecution execution) {
    return (String) execution.getVariable(InvitationProcess.Vars.CAMPAIGN_ID);
  }

  static String inviteeCode(DelegateExecution execution) {
    return (String) execution.getVariable(InvitationProcess.Vars.INVITEE_CODE);
  }
}
