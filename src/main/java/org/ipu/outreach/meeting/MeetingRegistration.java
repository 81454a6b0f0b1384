package org.ipu.outreach.meeting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.invitation.InvitationFacts;
import org.ipu.outreach.invitation.InvitationFactsLoader;
import org.ipu.outreach.reply.Representative;
import org.ipu.outreach.reply.RepresentativeRepository;
import org.ipu.outreach.reply.RepresentativeStatus;
import org.springframework.stereotype.Component;

/**
 * "Register confirmed representatives for the meeting" (referenced as ${meetingRegistration...}):
 * every confirmed representative of the invitation in one call to the platform, which adds only who is
 * not registered yet; then the registrant ids and join links are stored.
 */
@Component("meetingRegistration")
public class MeetingRegistration {

  private final MeetingPlatform platform;
  private final RepresentativeRepository representatives;
  private final InvitationFactsLoader facts;

  public MeetingRegistration(
      MeetingPlatform platform, RepresentativeRepository representatives, InvitationFactsLoader facts) {
    this.platform = platform;
    this.representatives = representatives;
    this.facts = facts;
  }

  public void registerConfirmed(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    List<Representative> confirmed = representatives.findForInvitee(f.campaign().id(), f.invitee().code()).stream()
        .filter(r -> r.status() == RepresentativeStatus.CONFIRMED)
        .toList();
    if (confirmed.isEmpty()) {
      return;
    }
    Map<String, MeetingPlatform.Registration> registrations = MeetingSteps.run(execution, true,
        () -> platform.registerAll(f.event().meetingId(),
            confirmed.stream().map(r -> new MeetingPlatform.Registrant(r.fullName(), r.email())).toList()));
    for (Representative r : confirmed) {
      MeetingPlatform.Registration reg = registrations.get(r.email().trim().toLowerCase(Locale.ROOT));
      if (reg == null) {
        throw new IllegalStateException("The meeting platform returned no registration for " + r.email());
      }
      representatives.setRegistration(r.id(), reg.registrantId(), reg.joinUrl());
    }
  }

  /** Cancels a registered representative's registration on the platform (withdrawn after registration). */
  public void cancel(Representative r, String meetingId) {
    if (r.status() == RepresentativeStatus.REGISTERED && r.registrantId() != null) {
      platform.cancel(meetingId, r.registrantId(), r.email());
    }
  }
}
