package org.ipu.outreach.reply;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.invitation.InvitationProcess.Messages;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a parliament's reply and hands it to its waiting invitation process. */
@Service
public class ReplyService {

  private final RepresentativeRepository representatives;
  private final RuntimeService runtime;

  public ReplyService(RepresentativeRepository representatives, RuntimeService runtime) {
    this.representatives = representatives;
    this.runtime = runtime;
  }

  /** Stores the nominees and correlates the reply; nothing is stored when the process is not waiting. */
  @Transactional
  public List<Long> nominate(String campaignId, String inviteeCode, List<Representative.Nomination> nominees) {
    if (nominees.isEmpty()) {
      throw new InvalidInputException("A nomination names at least one representative.");
    }
    requireRunningInvitation(campaignId, inviteeCode);
    List<Long> ids = new ArrayList<>();
    for (Representative.Nomination n : nominees) {
      ids.add(representatives.insert(campaignId, inviteeCode, n, ClockUtil.getCurrentTime().toInstant()));
    }
    correlate(campaignId, inviteeCode, Replies.NOMINATED, Nominees.join(ids));
    return ids;
  }

  @Transactional
  public void decline(String campaignId, String inviteeCode) {
    requireRunningInvitation(campaignId, inviteeCode);
    correlate(campaignId, inviteeCode, Replies.DECLINED, null);
  }

  private void requireRunningInvitation(String campaignId, String inviteeCode) {
    long running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(InvitationProcess.KEY)
            .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode))
            .count();
    if (running == 0) {
      throw new InvalidInputException(
          "There is no running invitation for invitee '" + inviteeCode + "' in campaign '" + campaignId + "'.");
    }
  }

  private void correlate(String campaignId, String inviteeCode, String reply, String nomineeIds) {
    try {
      runtime
          .createMessageCorrelation(Messages.PARLIAMENT_REPLIED)
          .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode))
          .setVariable(Vars.REPLY, reply)
          .setVariable(Vars.NOMINEE_IDS, nomineeIds)
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(
          "The invitation of '" + inviteeCode + "' in campaign '" + campaignId
              + "' is not waiting for a reply now (its nominees are being confirmed, or it is past that"
              + " stage); use its open task in Tasklist instead.");
    }
  }
}
