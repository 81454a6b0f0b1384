package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeAddresses;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Follow up with the parliament": the completion is checked on the server (a nomination needs valid
 * nominee details), and "Record the nomination" stores the nominee.
 */
@Component("followUpForm")
public class FollowUpForm implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("nominated", "declined", "noAnswer");

  private final RepresentativeRepository representatives;
  private final RepresentativeAddresses addresses;

  public FollowUpForm(RepresentativeRepository representatives, RepresentativeAddresses addresses) {
    this.representatives = representatives;
    this.addresses = addresses;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = FormValues.text(task, Vars.FOLLOW_UP_OUTCOME);
    if (!OUTCOMES.contains(String.valueOf(outcome))) {
      throw new InvalidInputException(
          "Choose what the follow-up found: nominated, declined or noAnswer (got '" + outcome + "').");
    }
    if ("nominated".equals(outcome)) {
      Representative.Nomination nominee = NomineeForm.read(task);
      addresses.requireFree(
          (String) task.getVariable(Vars.CAMPAIGN_ID), (String) task.getVariable(Vars.INVITEE_CODE),
          List.of(nominee.email()));
    }
  }

  public void recordNomination(DelegateExecution execution) {
    long id =
        representatives.insert(
            InvitationFacts.campaignId(execution),
            InvitationFacts.inviteeCode(execution),
            NomineeForm.read(execution),
            ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(Vars.NOMINEE_IDS, Nominees.join(List.of(id)));
  }
}
