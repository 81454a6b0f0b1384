package org.ipu.outreach.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.invitation.InvitationFacts;
import org.ipu.outreach.invitation.InvitationFactsLoader;
import org.ipu.outreach.reply.Representative;
import org.ipu.outreach.reply.RepresentativeRepository;
import org.ipu.outreach.reply.RepresentativeStatus;
import org.springframework.stereotype.Component;

/** "Register confirmed representatives for the meeting" (referenced as ${meetingRegistration...}). */
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
    for (Representative r : representatives.findForInvitee(f.campaign().id(), f.invitee().code())) {
      if (r.status() == RepresentativeStatus.CONFIRMED) {
        MeetingPlatform.Registration reg =
            platform.register(f.event().meetingId(), new MeetingPlatform.Registrant(r.fullName(), r.email()));
        representatives.setRegistration(r.id(), reg.registrantId(), reg.joinUrl());
      }
    }
  }
}
