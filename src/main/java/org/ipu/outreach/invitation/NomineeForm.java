package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.NomineeFields;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ipu.outreach.reply.NominationValidator;
import org.ipu.outreach.representative.Representative;

/** The nominee fields shared by the follow-up and the confirm forms. */
final class NomineeForm {

  private NomineeForm() {}

  static Representative.Nomination read(VariableScope scope) {
    return NominationValidator.validate(
        new NominationValidator.Fields(
            text(scope, NomineeFields.NAME),
            text(scope, NomineeFields.FUNCTION),
            text(scope, NomineeFields.ROLE),
            text(scope, NomineeFields.COMMITTEES),
            text(scope, NomineeFields.EMAIL),
            text(scope, NomineeFields.LANGUAGE)),
        "Nominee ");
  }

  static void show(VariableScope task, Representative r) {
    task.setVariableLocal(NomineeFields.NAME, r.fullName());
    task.setVariableLocal(NomineeFields.FUNCTION, r.functionTitle());
    task.setVariableLocal(NomineeFields.ROLE, r.role().name());
    task.setVariableLocal(NomineeFields.COMMITTEES, r.committees() == null ? "" : r.committees());
    task.setVariableLocal(NomineeFields.EMAIL, r.email());
    task.setVariableLocal(NomineeFields.LANGUAGE, r.interpretationLanguage().code());
  }

  private static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
