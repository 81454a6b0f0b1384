package org.ipu.outreach.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What concerns a whole campaign rather than one parliament (the meeting platform throttling every
 * registration of the meeting, the meeting and the event disagreeing) is one incident on the campaign's
 * process, seen in Cockpit, not one per invitation. Raising the same concern again changes nothing while
 * it is open; the code that raised it resolves it once the cause is gone.
 */
@Component
public class CampaignIncidents {

  private static final Logger log = LoggerFactory.getLogger(CampaignIncidents.class);

  private final RuntimeService runtime;

  public CampaignIncidents(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** concern: what the incident is about (e.g. "meeting:857..."), so that it is raised once. */
  public void raise(String campaignId, String type, String concern, String message) {
    ProcessInstance campaign = campaign(campaignId);
    if (campaign == null) {
      log.error("Campaign {} has ended; not raised as an incident: {}", campaignId, message);
      return;
    }
    if (open(campaign, type, concern) > 0) {
      return;
    }
    Execution at = runtime.createExecutionQuery().processInstanceId(campaign.getId())
        .activityId(CampaignProcess.Elements.WAIT_FOR_INVITATIONS).list().stream().findFirst()
        .orElse(null);
    String executionId = at == null ? campaign.getId() : at.getId();
    log.warn("Campaign {}: {}", campaignId, message);
    runtime.createIncident(type, executionId, concern, message);
  }

  public void resolve(String campaignId, String type, String concern) {
    ProcessInstance campaign = campaign(campaignId);
    if (campaign == null) {
      return;
    }
    runtime.createIncidentQuery().processInstanceId(campaign.getId()).incidentType(type).configuration(concern)
        .list().stream().map(Incident::getId).forEach(runtime::resolveIncident);
  }

  private long open(ProcessInstance campaign, String type, String concern) {
    return runtime.createIncidentQuery().processInstanceId(campaign.getId()).incidentType(type).configuration(concern)
        .count();
  }

  private ProcessInstance campaign(String campaignId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(campaignId).singleResult();
  }
}
