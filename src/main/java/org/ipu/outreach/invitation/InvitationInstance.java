package org.ipu.outreach.invitation;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Messages;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.invitation.InvitationProcess.Vars;

/**
 * One running parliament invitation, as the rest of the application talks to it: each message the
 * process waits for is a method with its payload, so no caller spells a message name or a variable.
 * Obtained from {@link InvitationInstances}.
 */
public final class InvitationInstance {

  private final String id;
  private final String businessKey;
  private final RuntimeService runtime;
  private final ManagementService management;
  /** The messages it waits for and where it is, read once: an instance object lives for one request or step. */
  private Set<String> awaitedMessages;
  private List<String> activeActivities;

  InvitationInstance(String id, String businessKey, RuntimeService runtime, ManagementService management) {
    this.id = id;
    this.businessKey = businessKey;
    this.runtime = runtime;
    this.management = management;
  }

  public String id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  /** The deadline of the current reply round (later than the campaign's after a request for another nominee). */
  public Instant replyDueAt() {
    VariableInstance due =
        runtime.createVariableInstanceQuery().processInstanceIdIn(id).variableName(Vars.REPLY_DUE_AT).singleResult();
    return due != null && due.getValue() instanceof Date d ? d.toInstant() : null;
  }

  /** Waiting for the parliament's reply: at "Wait for the reply" or during the follow-up. */
  public boolean waitsForReply() {
    return waitsFor(Messages.PARLIAMENT_REPLIED);
  }

  /** Its nominees are being confirmed by staff. */
  public boolean confirmingNominees() {
    return waitsFor(Messages.NOMINATION_CHANGED);
  }

  /** Waiting for its representatives' registration: asked for, waiting for the platform, or staff fixing the meeting. */
  public boolean registrationPending() {
    List<String> active = activeActivities();
    return active.contains(Elements.REGISTER_REPRESENTATIVES) || active.contains(Elements.WAIT_FOR_REGISTRATION)
        || active.contains(Elements.FIX_MEETING_SETTINGS) || active.contains(Elements.CORRECT_REFUSED_REPRESENTATIVE);
  }

  /**
   * Substitutes named after registration are being confirmed or registered ("Reply changed after
   * registration"); a further reply meanwhile goes to staff, not into a second substitution.
   */
  public boolean substituting() {
    List<String> active = activeActivities();
    return active.contains(Elements.CONFIRM_SUBSTITUTES) || active.contains(Elements.SUBSTITUTE_REPRESENTATIVES)
        || active.contains(Elements.WAIT_FOR_SUBSTITUTES_REGISTRATION);
  }

  /**
   * The parliament's reply: {@code nomineeIds} (comma-separated) for a nomination, null and an optional
   * reason for a decline. While nominees are being confirmed, the open confirmations are replaced.
   */
  public void replied(String nomineeIds, String declineReason) {
    String message = confirmingNominees() ? Messages.NOMINATION_CHANGED : Messages.PARLIAMENT_REPLIED;
    awaitedMessages = null;
    activeActivities = null;
    MessageCorrelationBuilder reply =
        runtime
            .createMessageCorrelation(message)
            .setVariable(Vars.REPLY, nomineeIds == null ? Replies.DECLINED : Replies.NOMINATED)
            .setVariable(Vars.NOMINEE_IDS, nomineeIds);
    if (declineReason != null) {
      reply.setVariable(Vars.DECLINE_REASON, declineReason);
    }
    correlate(reply);
  }

  /** A reply given once the representatives are registered: a staff task with the new reply as text. */
  public void replyChangedAfterRegistration(String summary) {
    correlate(
        runtime
            .createMessageCorrelation(Messages.REPLY_CHANGED_AFTER_REGISTRATION)
            .setVariable(Vars.CHANGED_REPLY, summary)
            .setVariable(Vars.SUBSTITUTE_IDS, null));
  }

  /**
   * A nomination given once the representatives are registered: staff decide whether the new nominees
   * substitute the registered ones ("Confirm the substitutes").
   */
  public void substitutesNamed(String nomineeIds, String summary, String registeredNow) {
    correlate(
        runtime
            .createMessageCorrelation(Messages.REPLY_CHANGED_AFTER_REGISTRATION)
            .setVariable(Vars.CHANGED_REPLY, summary)
            .setVariable(Vars.SUBSTITUTE_IDS, nomineeIds)
            .setVariable(Vars.REGISTERED_NOW, registeredNow));
  }

  /** A registered representative says they cannot attend: their registration is cancelled and the parliament told. */
  public void representativeCannotAttend(long representativeId) {
    correlate(
        runtime
            .createMessageCorrelation(Messages.REPRESENTATIVE_CANNOT_ATTEND)
            .setVariable(Vars.WITHDRAWING_REPRESENTATIVE_ID, representativeId));
  }

  /** Every confirmed representative is registered on the meeting platform. */
  public void representativesRegistered() {
    correlate(runtime.createMessageCorrelation(Messages.REPRESENTATIVES_REGISTERED));
  }

  /**
   * The platform refused some of its representatives (the others are registered): staff correct or drop
   * each refused one in "Correct the refused representative".
   */
  public void registrantsRefused() {
    correlate(runtime.createMessageCorrelation(Messages.REGISTRANT_REFUSED));
  }

  /** The meeting platform refuses because of the meeting's settings: staff fix them. */
  public void meetingSettingsWrong(String problem) {
    correlate(
        runtime.createMessageCorrelation(Messages.MEETING_SETTINGS_WRONG).setVariable(Vars.MEETING_PROBLEM, problem));
  }

  /**
   * The event moved: the invitation re-plans its timers and writes to everyone it concerns (event
   * sub-process "Event rescheduled"). The message carries nothing: the letter reads the event's changes
   * not yet announced to this invitation, so that changes in quick succession make one correct letter.
   */
  public void eventRescheduled() {
    correlate(runtime.createMessageCorrelation(Messages.EVENT_RESCHEDULED));
  }

  /** Staff extended the campaign's reply deadline: an invitation still waiting re-plans and says so (sub-process "Reply deadline extended"). */
  public void replyDeadlineExtended() {
    correlate(runtime.createMessageCorrelation(Messages.REPLY_DEADLINE_EXTENDED));
  }

  /** The event is cancelled: the invitation writes to everyone it concerns and ends (sub-process "Event cancelled"). */
  public void eventCancelled() {
    correlate(runtime.createMessageCorrelation(Messages.EVENT_CANCELLED));
  }

  /** Moves the timer waiting at {@code timerId} to {@code due} if it is due later; true when it moved. */
  public boolean bringTimerForward(String timerId, Instant due) {
    Job timer = management.createJobQuery().processInstanceId(id).activityId(timerId).singleResult();
    if (timer == null || timer.getDuedate() == null || !timer.getDuedate().toInstant().isAfter(due)) {
      return false;
    }
    management.setJobDuedate(timer.getId(), Date.from(due));
    return true;
  }

  /** An incident on the wait for the meeting registration, shown in Cockpit; false when it no longer waits. */
  public boolean raiseRegistrationIncident(String type, String message) {
    Execution waiting =
        runtime.createExecutionQuery().processInstanceId(id).activityId(Elements.WAIT_FOR_REGISTRATION).singleResult();
    if (waiting == null) {
      waiting = runtime.createExecutionQuery().processInstanceId(id)
          .activityId(Elements.WAIT_FOR_SUBSTITUTES_REGISTRATION).singleResult();
    }
    if (waiting == null) {
      return false;
    }
    runtime.createIncident(type, waiting.getId(), businessKey, message);
    return true;
  }

  /** Resolves the incidents of that type raised by {@link #raiseRegistrationIncident}. */
  public void resolveIncidents(String type) {
    runtime.createIncidentQuery().processInstanceId(id).incidentType(type).configuration(businessKey).list().stream()
        .map(Incident::getId)
        .forEach(runtime::resolveIncident);
  }

  private List<String> activeActivities() {
    if (activeActivities == null) {
      activeActivities = runtime.getActiveActivityIds(id);
    }
    return activeActivities;
  }

  private boolean waitsFor(String messageName) {
    if (awaitedMessages == null) {
      awaitedMessages =
          runtime.createEventSubscriptionQuery().processInstanceId(id).eventType("message").list().stream()
              .map(EventSubscription::getEventName)
              .collect(Collectors.toSet());
    }
    return awaitedMessages.contains(messageName);
  }

  private void correlate(MessageCorrelationBuilder message) {
    try {
      message.processInstanceId(id).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NotWaitingException(businessKey, e);
    }
  }

  /** The instance is not (or no longer) waiting for what was sent: it moved on meanwhile. */
  public static final class NotWaitingException extends RuntimeException {
    NotWaitingException(String businessKey, Throwable cause) {
      super("The invitation " + businessKey + " is not waiting for this message now.", cause);
    }
  }
}
