package org.ipu.outreach.invitation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.representative.Representative;

/**
 * What one parliament's invitation is about: its campaign, the event and the invitee, and the deadline
 * of its current reply round (the campaign's, or a later one after staff asked for another nominee),
 * which every letter quotes.
 */
public record InvitationFacts(
    Campaign campaign, OutreachEvent event, Invitee invitee, String processInstanceId, String businessKey,
    Instant replyDeadline) {

  public LetterContext letter(Representative representative) {
    return new LetterContext(event, invitee, representative, replyDeadline);
  }

  /** The same invitation, its letters quoting another deadline (that of the round about to start). */
  public InvitationFacts withReplyDeadline(Instant deadline) {
    return new InvitationFacts(campaign, event, invitee, processInstanceId, businessKey, deadline);
  }

  static String campaignId(DelegateExecution execution) {
    return (String) execution.getVariable(InvitationProcess.Vars.CAMPAIGN_ID);
  }

  /** The deadline of the invitation's current round: its own when later than the campaign's. */
  static Instant roundDeadline(DelegateExecution execution, Campaign campaign) {
    Object due = execution.getVariable(InvitationProcess.Vars.REPLY_DUE_AT);
    return due instanceof Date d && d.toInstant().isAfter(campaign.replyDeadline()) ? d.toInstant() : campaign.replyDeadline();
  }

  static String inviteeCode(DelegateExecution execution) {
    return (String) execution.getVariable(InvitationProcess.Vars.INVITEE_CODE);
  }
}
