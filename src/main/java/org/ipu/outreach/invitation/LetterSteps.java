package org.ipu.outreach.invitation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.mail.LetterService;
import org.ipu.outreach.mail.LetterService.Origin;
import org.ipu.outreach.mail.LetterService.Recipients;
import org.ipu.outreach.mail.MailKind;
import org.ipu.outreach.reply.Nominees;
import org.ipu.outreach.reply.Representative;
import org.ipu.outreach.reply.RepresentativeRepository;
import org.ipu.outreach.reply.RepresentativeStatus;
import org.springframework.stereotype.Component;

/**
 * The invitation process's letters (referenced as ${letters...}). Each letter's outbox key names the
 * invitation, the kind and what makes it unique (reply round or representative), so that running a
 * step again can never write the same letter twice.
 */
@Component("letters")
public class LetterSteps {

  private final InvitationFactsLoader facts;
  private final LetterService letters;
  private final RepresentativeRepository representatives;
  private final Nominees nominees;

  public LetterSteps(
      InvitationFactsLoader facts, LetterService letters, RepresentativeRepository representatives, Nominees nominees) {
    this.facts = facts;
    this.letters = letters;
    this.representatives = representatives;
    this.nominees = nominees;
  }

  /** To the President, Group Secretary in copy. */
  public void toParliament(DelegateExecution execution, String kind) {
    InvitationFacts f = facts.load(execution);
    Object round = execution.getVariable(InvitationProcess.Vars.REPLY_ROUND);
    letters.queue(
        MailKind.valueOf(kind), f.letter(null), parliament(f.invitee()),
        origin(f, kind + ":" + (round == null ? 1 : round)));
  }

  /** To the parliament, about each nominee of the latest nomination that has the given status. */
  public void toNominees(DelegateExecution execution, String kind, String status) {
    InvitationFacts f = facts.load(execution);
    String ids = (String) execution.getVariable(InvitationProcess.Vars.NOMINEE_IDS);
    for (Representative r : representatives.findAll(nominees.ids(ids))) {
      if (r.status() == RepresentativeStatus.valueOf(status)) {
        letters.queue(MailKind.valueOf(kind), f.letter(r), parliament(f.invitee()), origin(f, kind + ":" + r.id()));
      }
    }
  }

  /** To each registered representative, parliament in copy. */
  public void toRegistered(DelegateExecution execution, String kind) {
    InvitationFacts f = facts.load(execution);
    for (Representative r : registered(f)) {
      letters.queue(MailKind.valueOf(kind), f.letter(r), representative(r, f.invitee()), origin(f, kind + ":" + r.id()));
    }
  }

  /** Thanks the parliament when someone attended; tells each absent representative we missed them. */
  public void afterAttendance(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    List<Representative> registered = registered(f);
    registered.stream()
        .filter(r -> Boolean.TRUE.equals(r.attended()))
        .findFirst()
        .ifPresent(
            attendee ->
                letters.queue(
                    MailKind.THANK_YOU, f.letter(attendee), parliament(f.invitee()),
                    origin(f, MailKind.THANK_YOU.name())));
    registered.stream()
        .filter(r -> !Boolean.TRUE.equals(r.attended()))
        .forEach(
            r ->
                letters.queue(
                    MailKind.SORRY_WE_MISSED_YOU, f.letter(r), representative(r, f.invitee()),
                    origin(f, MailKind.SORRY_WE_MISSED_YOU + ":" + r.id())));
  }

  private List<Representative> registered(InvitationFacts f) {
    return representatives.findForInvitee(f.campaign().id(), f.invitee().code()).stream()
        .filter(r -> r.status() == RepresentativeStatus.REGISTERED)
        .toList();
  }

  private static Recipients parliament(Invitee i) {
    return new Recipients(i.presidentEmail(), i.secretaryEmail());
  }

  private static Recipients representative(Representative r, Invitee i) {
    String cc = i.secretaryEmail() == null ? i.presidentEmail() : i.presidentEmail() + ", " + i.secretaryEmail();
    return new Recipients(r.email(), cc);
  }

  private static Origin origin(InvitationFacts f, String suffix) {
    return new Origin(f.businessKey() + ":" + suffix, f.processInstanceId(), f.businessKey());
  }
}
