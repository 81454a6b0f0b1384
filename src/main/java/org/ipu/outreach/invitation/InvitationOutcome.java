package org.ipu.outreach.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Start listener of each end event (referenced as ${invitationOutcome.record(execution, 'X')}). */
@Component("invitationOutcome")
public class InvitationOutcome {

  public void record(DelegateExecution execution, String outcome) {
    execution.setVariable(InvitationProcess.Vars.OUTCOME, Outcome.valueOf(outcome).name());
  }
}
