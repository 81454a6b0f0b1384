package org.ipu.outreach.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.invitation.InvitationFacts;
import org.ipu.outreach.invitation.InvitationFactsLoader;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.springframework.stereotype.Component;

/**
 * "Register confirmed representatives for the meeting" (referenced as ${meetingRegistration...}): asks
 * for the registration, which the {@link RegistrationBatcher} carries out for many parliaments at once
 * while the invitation waits at "Wait for the meeting registration". Asking again (a retried job, staff
 * having fixed the meeting) keeps a single request.
 */
@Component("meetingRegistration")
public class MeetingRegistration {

  private final MeetingPlatform platform;
  private final RegistrationRequests requests;
  private final InvitationFactsLoader facts;
  private final RepresentativeRepository representatives;

  public MeetingRegistration(
      MeetingPlatform platform, RegistrationRequests requests, InvitationFactsLoader facts,
      RepresentativeRepository representatives) {
    this.platform = platform;
    this.requests = requests;
    this.facts = facts;
    this.representatives = representatives;
  }

  public void request(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    requests.request(
        f.businessKey(), f.campaign().id(), f.invitee().code(), f.event().meetingId(),
        ClockUtil.getCurrentTime().toInstant());
  }

  /**
   * "Cancel the representatives' registrations" when the event is cancelled: every registered
   * representative of the invitation is cancelled on the platform and recorded as withdrawn, and a
   * registration still asked for is dropped. A platform failure fails the job, which is retried.
   */
  public void cancelAll(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    requests.done(f.businessKey());
    for (Representative r : representatives.findForInvitee(f.campaign().id(), f.invitee().code())) {
      if (r.status() == RepresentativeStatus.REGISTERED) {
        cancel(r, f.event().meetingId());
        representatives.setStatus(r.id(), RepresentativeStatus.WITHDRAWN);
      }
    }
  }

  /** Cancels a registered representative's registration on the platform (withdrawn after registration). */
  public void cancel(Representative r, String meetingId) {
    if (r.status() == RepresentativeStatus.REGISTERED && r.registrantId() != null) {
      platform.cancel(meetingId, r.registrantId(), r.email());
    }
  }
}
