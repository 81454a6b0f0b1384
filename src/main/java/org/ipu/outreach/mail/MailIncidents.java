package org.ipu.outreach.mail;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.ipu.outreach.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A mail that could not be delivered becomes an incident on its process instance, seen in Cockpit. */
@Component
public class MailIncidents {

  public static final String INCIDENT_TYPE = "mailDelivery";
  private static final Logger log = LoggerFactory.getLogger(MailIncidents.class);

  private final RuntimeService runtime;

  public MailIncidents(RuntimeService runtime) {
    this.runtime = runtime;
  }

  static String configuration(long outboxId) {
    return "outbox:" + outboxId;
  }

  void raise(OutboxMail mail, int attempts, String error) {
    // the outbox page shows the recipients to staff; the log and the incident name the mail and invitation
    String message =
        "The " + mail.kind() + " mail " + mail.id() + " of " + mail.businessKey() + " could not be delivered after "
            + attempts + " attempts: " + PersonalData.withoutAddresses(error)
            + ". Resend it from the outbox page (/app/mails/" + mail.id() + ").";
    log.error(message);
    String executionId = mail.processInstanceId() == null ? null : executionAtAnActivity(mail.processInstanceId());
    if (executionId == null) {
      return; // the process has ended: the outbox page still shows the mail as failed
    }
    runtime.createIncident(INCIDENT_TYPE, executionId, configuration(mail.id()), message);
  }

  /** An incident belongs to an execution that is at an activity: where the process is waiting now. */
  private String executionAtAnActivity(String processInstanceId) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    return tree == null ? null : leafExecution(tree);
  }

  private static String leafExecution(ActivityInstance instance) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      String found = leafExecution(child);
      if (found != null) {
        return found;
      }
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      return transition.getExecutionId();
    }
    return instance.getChildActivityInstances().length == 0 && instance.getParentActivityInstanceId() != null
        ? instance.getExecutionIds()[0]
        : null;
  }

  public void resolve(long outboxId) {
    runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(configuration(outboxId)).list().stream()
        .map(Incident::getId)
        .forEach(runtime::resolveIncident);
  }
}
