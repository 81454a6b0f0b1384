package org.ipu.outreach.invitation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.ipu.outreach.directory.Invitee;
import org.springframework.stereotype.Component;

/**
 * The front door of the parliament-invitation process: the only code that starts or looks up its
 * instances. What is done to one instance (messages, timers, incidents) is in {@link InvitationInstance},
 * so that the business key, the message names and their payloads are spelt in one place.
 */
@Component
public class InvitationInstances {

  private final RuntimeService runtime;
  private final ManagementService management;

  public InvitationInstances(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  /** Starts one parliament's invitation in the caller's transaction. */
  public InvitationInstance start(String campaignId, Invitee invitee) {
    ProcessInstance started =
        runtime
            .createProcessInstanceByKey(InvitationProcess.KEY)
            .businessKey(InvitationProcess.businessKey(campaignId, invitee.code()))
            .setVariable(InvitationProcess.Vars.CAMPAIGN_ID, campaignId)
            .setVariable(InvitationProcess.Vars.INVITEE_CODE, invitee.code())
            .setVariable(InvitationProcess.Vars.PARLIAMENT_NAME, invitee.name())
            .execute();
    return of(started);
  }

  /** The running invitation of one invitee in one campaign; empty once it has ended. */
  public Optional<InvitationInstance> find(String campaignId, String inviteeCode) {
    return findByBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode));
  }

  public Optional<InvitationInstance> findByBusinessKey(String businessKey) {
    return Optional.ofNullable(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(InvitationProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult())
        .map(this::of);
  }

  /** Every running invitation of a campaign. */
  public List<InvitationInstance> ofCampaign(String campaignId) {
    return ofCampaignQuery(campaignId).list().stream().map(this::of).toList();
  }

  /** The business keys of a campaign's running invitations, in one query. */
  public Set<String> runningBusinessKeys(String campaignId) {
    return ofCampaignQuery(campaignId).list().stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
  }

  /** The running invitations of a campaign that wait at any of the given elements (a timer, a task...). */
  public List<InvitationInstance> waitingAt(String campaignId, String... activityIds) {
    return ofCampaignQuery(campaignId).activityIdIn(activityIds).list().stream().map(this::of).toList();
  }

  /** The running invitations of a campaign still waiting for the parliament's reply (also during the follow-up). */
  public List<InvitationInstance> waitingForReply(String campaignId) {
    return waitingAt(campaignId, InvitationProcess.Elements.WAIT_FOR_REPLY, InvitationProcess.Elements.FOLLOW_UP);
  }

  private ProcessInstanceQuery ofCampaignQuery(String campaignId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(InvitationProcess.KEY)
        .processInstanceBusinessKeyLike(InvitationProcess.businessKey(campaignId, "%"));
  }

  /** The instance a step of it runs in, to ask it what the rest of the application asks. */
  InvitationInstance of(DelegateExecution execution) {
    return new InvitationInstance(
        execution.getProcessInstanceId(), execution.getProcessBusinessKey(), runtime, management);
  }

  private InvitationInstance of(ProcessInstance instance) {
    return new InvitationInstance(instance.getId(), instance.getBusinessKey(), runtime, management);
  }
}
