package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.reply.NominationValidator;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeAddresses;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Correct the refused representative" (referenced as ${refusedRepresentativeForm...}): one task per
 * representative the meeting platform refused. On create the form shows the person and the platform's
 * reason; on complete "retry" records the (corrected or kept) address and clears the refusal, so that
 * the next registration round offers them again, and "drop" withdraws them.
 */
@Component("refusedRepresentativeForm")
public class RefusedRepresentativeForm implements TaskListener {

  static final String RETRY = "retry";
  static final String DROP = "drop";

  private final RepresentativeRepository representatives;
  private final RepresentativeAddresses addresses;

  public RefusedRepresentativeForm(RepresentativeRepository representatives, RepresentativeAddresses addresses) {
    this.representatives = representatives;
    this.addresses = addresses;
  }

  /** The multi-instance collection: the invitee's representatives the platform refused. */
  public List<Long> ids(String campaignId, String inviteeCode) {
    return representatives.refusedForInvitee(campaignId, inviteeCode);
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(Vars.REPRESENTATIVE_ID)).longValue();
    Representative r = representatives.find(id).orElseThrow();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      NomineeForm.show(task, r);
      task.setVariableLocal(Vars.REFUSAL_REASON, representatives.registrationRefusal(id).orElse(""));
      // on the task's execution, where the form's answer lands (its input parameter): a task-local value would hide it
      task.getExecution().setVariableLocal(Vars.CORRECTED_EMAIL, r.email());
      return;
    }
    String decision = FormValues.text(task, Vars.REFUSAL_DECISION);
    if (DROP.equals(decision)) {
      representatives.setStatus(id, RepresentativeStatus.WITHDRAWN);
      return;
    }
    if (!RETRY.equals(decision)) {
      throw new InvalidInputException(
          "Choose " + RETRY + " (register again) or " + DROP + " for the refused representative (got '" + decision + "').");
    }
    String email = FormValues.text(task, Vars.CORRECTED_EMAIL);
    email = email == null ? "" : email.trim();
    if (!NominationValidator.isEmail(email) || email.length() > 320) {
      throw new InvalidInputException("The address to register '" + email + "' is not a valid e-mail address.");
    }
    addresses.requireFree(r.campaignId(), r.inviteeCode(), List.of(email.toLowerCase(Locale.ROOT)));
    representatives.retryRegistration(id, email);
  }
}
