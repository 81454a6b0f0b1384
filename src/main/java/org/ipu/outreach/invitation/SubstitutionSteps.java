package org.ipu.outreach.invitation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.MeetingRegistration;
import org.ipu.outreach.meeting.RegistrationRequests;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.representative.Substitution;
import org.springframework.stereotype.Component;

/** The steps of a substitution after registration (referenced as ${substitution...}). */
@Component("substitution")
public class SubstitutionSteps {

  private final InvitationFactsLoader facts;
  private final RepresentativeRepository representatives;
  private final Nominees nominees;
  private final MeetingRegistration registration;
  private final RegistrationRequests requests;
  private final LetterSteps letters;

  public SubstitutionSteps(
      InvitationFactsLoader facts, RepresentativeRepository representatives, Nominees nominees,
      MeetingRegistration registration, RegistrationRequests requests, LetterSteps letters) {
    this.facts = facts;
    this.representatives = representatives;
    this.nominees = nominees;
    this.registration = registration;
    this.requests = requests;
    this.letters = letters;
  }

  /**
   * "Cancel the replaced registrations and register the substitutes": each replaced representative's
   * registration is cancelled on the platform (a failure fails the job, which is retried; cancelling
   * twice is harmless) and they are told; the new ones are confirmed and their registration is asked for.
   */
  public void apply(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    Substitution plan =
        Substitution.of(representatives.findRegisteredForInvitee(f.campaign().id(), f.invitee().code()), substitutes(execution));
    for (Representative r : plan.replaced()) {
      registration.cancel(r, f.event().meetingId());
      representatives.setStatus(r.id(), RepresentativeStatus.WITHDRAWN);
      letters.registrationCancelled(f, r);
    }
    plan.namedAgain().forEach(r -> representatives.setStatus(r.id(), RepresentativeStatus.WITHDRAWN));
    plan.added().forEach(r -> representatives.setStatus(r.id(), RepresentativeStatus.CONFIRMED));
    if (!plan.added().isEmpty()) {
      requests.request(f.businessKey(), f.campaign().id(), f.invitee().code(), f.event().meetingId(),
          ClockUtil.getCurrentTime().toInstant());
    }
    execution.setVariable(Vars.SUBSTITUTES_TO_REGISTER, !plan.added().isEmpty());
  }

  /**
   * "Cancel the registration and tell the parliament" after a representative said they cannot attend;
   * one already withdrawn (the link used twice, or staff were quicker) changes nothing.
   */
  public void cannotAttend(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    long id = ((Number) execution.getVariable(Vars.WITHDRAWING_REPRESENTATIVE_ID)).longValue();
    Representative r = representatives.find(id).orElseThrow();
    if (r.status() != RepresentativeStatus.REGISTERED) {
      return;
    }
    registration.cancel(r, f.event().meetingId());
    representatives.setStatus(r.id(), RepresentativeStatus.WITHDRAWN);
    letters.representativeCannotAttend(f, r);
  }

  /** "Tell the parliament the substitutes were not accepted": the registered representatives stay. */
  public void notAccepted(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    for (Representative r : substitutes(execution)) {
      representatives.setStatus(r.id(), RepresentativeStatus.REJECTED);
      letters.nomineeNotAccepted(f, r);
    }
  }

  private List<Representative> substitutes(DelegateExecution execution) {
    return representatives.findAll(nominees.ids((String) execution.getVariable(Vars.SUBSTITUTE_IDS))).stream()
        .filter(r -> r.status() == RepresentativeStatus.NOMINATED)
        .toList();
  }
}
