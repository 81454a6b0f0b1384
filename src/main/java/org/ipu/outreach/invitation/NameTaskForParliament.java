package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the invitation's staff tasks: the task's name says whose it is ("Follow up with the
 * parliament: Parlement d'Haïti", the parliament in the directory's spelling) and its description names
 * the campaign, so that a list of sixty follow-ups is not sixty identical lines. The BPMN keeps the plain
 * name for its diagram.
 */
@Component("nameTaskForParliament")
public class NameTaskForParliament implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object parliament = task.getVariable(Vars.PARLIAMENT_NAME);
    Object campaign = task.getVariable(Vars.CAMPAIGN_ID);
    task.setName(name(task.getName(), parliament == null ? null : parliament.toString()));
    task.setDescription(description(task.getDescription(), campaign == null ? null : campaign.toString()));
  }

  /** "Confirm representative: United Nations"; the plain name when the parliament is unknown. */
  static String name(String taskName, String parliament) {
    return parliament == null || parliament.isBlank() || taskName == null ? taskName : taskName + ": " + parliament;
  }

  /** "Campaign IPU-DEMO-SOLIDARITY-1. " before the task's own description (its BPMN documentation). */
  static String description(String documentation, String campaign) {
    if (campaign == null || campaign.isBlank()) {
      return documentation;
    }
    return "Campaign " + campaign + "." + (documentation == null || documentation.isBlank() ? "" : " " + documentation);
  }
}
