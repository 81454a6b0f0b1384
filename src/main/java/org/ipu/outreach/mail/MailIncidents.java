package org.ipu.outreach.mail;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
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
    String message =
        "The " + mail.kind() + " mail to " + mail.to() + " could not be delivered after " + attempts
            + " attempts: " + error + ". Resend it from the outbox page (/app/mails/" + mail.id() + ").";
    log.error(message);
    if (mail.processInstanceId() == null
        || runtime.createProcessInstanceQuery().processInstanceId(mail.processInstanceId()).count() == 0) {
      return; // the process has ended: the outbox page still shows the mail as failed
    }
    runtime.createIncident(INCIDENT_TYPE, mail.processInstanceId(), configuration(mail.id()), message);
  }

  public void resolve(long outboxId) {
    runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(configuration(outboxId)).list().stream()
        .map(Incident::getId)
        .forEach(runtime::resolveIncident);
  }
}
