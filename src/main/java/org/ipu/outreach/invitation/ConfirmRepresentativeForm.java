package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Confirm representative": on create the form gets the nominee's details; on complete the decision
 * is checked and recorded on the representative.
 */
@Component("confirmRepresentativeForm")
public class ConfirmRepresentativeForm implements TaskListener {

  static final Map<String, RepresentativeStatus> DECISIONS =
      Map.of(
          "confirm", RepresentativeStatus.CONFIRMED,
          "another", RepresentativeStatus.REPLACEMENT_REQUESTED,
          "reject", RepresentativeStatus.REJECTED);

  private final RepresentativeRepository representatives;

  public ConfirmRepresentativeForm(RepresentativeRepository representatives) {
    this.representatives = representatives;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(Vars.REPRESENTATIVE_ID)).longValue();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      Representative r = representatives.find(id).orElseThrow();
      NomineeForm.show(task, r);
      return;
    }
    String decision = FormValues.text(task, Vars.CONFIRM_DECISION);
    RepresentativeStatus status = DECISIONS.get(String.valueOf(decision));
    if (status == null) {
      throw new InvalidInputException(
          "Choose confirm, another or reject for the nominee (got '" + decision + "').");
    }
    representatives.setStatus(id, status);
  }
}
