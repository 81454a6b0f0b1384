package org.ipu.outreach.invitation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.EventChange;
import org.ipu.outreach.event.EventChangeRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.mail.LetterService.Origin;
import org.ipu.outreach.mail.LetterService.Recipients;
import org.ipu.outreach.mail.LetterService;
import org.ipu.outreach.mail.MailKind;
import org.ipu.outreach.mail.MailOutbox;
import org.ipu.outreach.reply.CannotAttendLinks;
import org.ipu.outreach.reply.ReplyPageProperties;
import org.ipu.outreach.reply.ReplyTokens;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.springframework.stereotype.Component;

/**
 * The invitation process's letters (referenced as ${letters...}). Each letter's outbox key names the
 * invitation, the kind and what makes it unique (reply round or representative), so that running a
 * step again can never write the same letter twice.
 */
@Component("letters")
public class LetterSteps {

  /** Letters that ask the parliament for its reply carry a fresh personal link to the reply page. */
  private static final Set<MailKind> REMINDERS = EnumSet.of(MailKind.FIRST_REMINDER, MailKind.DEADLINE_REMINDER);
  private static final Set<MailKind> WITH_REPLY_LINK =
      EnumSet.of(
          MailKind.INVITATION, MailKind.FIRST_REMINDER, MailKind.DEADLINE_REMINDER, MailKind.DEADLINE_EXTENDED,
          MailKind.ANOTHER_NOMINEE_REQUEST, MailKind.REPRESENTATIVE_CANNOT_ATTEND);

  private final InvitationFactsLoader facts;
  private static final Set<MailKind> WITH_JOIN_LINK =
      EnumSet.of(MailKind.REGISTRATION_CONFIRMATION, MailKind.JOINING_REMINDER);

  private final LetterService letters;
  private final CannotAttendLinks cannotAttend;
  private final RepresentativeRepository representatives;
  private final Nominees nominees;
  private final ReplyTokens tokens;
  private final ReplyPageProperties replyPage;
  private final EventRepository events;
  private final EventChangeRepository changes;
  private final MailOutbox outbox;
  private final ReplyWait replyWait;
  private final InvitationInstances invitations;

  public LetterSteps(
      InvitationFactsLoader facts,
      LetterService letters,
      RepresentativeRepository representatives,
      Nominees nominees,
      ReplyTokens tokens,
      ReplyPageProperties replyPage,
      EventRepository events,
      EventChangeRepository changes,
      MailOutbox outbox,
      ReplyWait replyWait,
      InvitationInstances invitations,
      CannotAttendLinks cannotAttend) {
    this.cannotAttend = cannotAttend;
    this.replyWait = replyWait;
    this.invitations = invitations;
    this.events = events;
    this.changes = changes;
    this.outbox = outbox;
    this.facts = facts;
    this.tokens = tokens;
    this.replyPage = replyPage;
    this.letters = letters;
    this.representatives = representatives;
    this.nominees = nominees;
  }

  /**
   * To the President, Group Secretary in copy. A reminder whose timer fired just before the reply came
   * is not written: the invitation no longer waits for a reply.
   */
  public void toParliament(DelegateExecution execution, String kind) {
    if (REMINDERS.contains(MailKind.valueOf(kind)) && !invitations.of(execution).waitsForReply()) {
      return;
    }
    InvitationFacts f = facts.load(execution);
    Object round = execution.getVariable(InvitationProcess.Vars.REPLY_ROUND);
    queue(MailKind.valueOf(kind), f, f.letter(null), parliament(f.invitee()), origin(f, kind + ":" + (round == null ? 1 : round)));
  }

  /**
   * The new deadline, to a parliament that still has not replied; one letter per deadline, so that a
   * second extension is announced too and a step run again writes nothing twice.
   */
  public void deadlineExtended(DelegateExecution execution) {
    if (!invitations.of(execution).waitsForReply()) {
      return;
    }
    InvitationFacts f = facts.load(execution);
    String kind = MailKind.DEADLINE_EXTENDED.name();
    queue(MailKind.DEADLINE_EXTENDED, f, f.letter(null), parliament(f.invitee()),
        origin(f, kind + ":" + f.replyDeadline().getEpochSecond()));
  }

  /**
   * Queues a letter unless it is queued already; a letter asking for the reply gets a new personal link,
   * created only when the letter is really written, so that a step run again leaves no unused token.
   */
  private void queue(MailKind kind, InvitationFacts f, LetterContext context, Recipients to, Origin origin) {
    if (!WITH_REPLY_LINK.contains(kind)) {
      letters.queue(kind, context, to, origin);
      return;
    }
    letters.queue(kind, () -> {
      String token =
          tokens.issue(
              f.campaign().id(), f.invitee().code(), f.event().end().toInstant(), ClockUtil.getCurrentTime().toInstant());
      return context.withReplyUrl(replyPage.replyUrl(token));
    }, to, origin);
  }

  /**
   * To the parliament, about each nominee of the latest nomination that has the given status; a request
   * for another nominee quotes the deadline of the round it opens.
   */
  public void toNominees(DelegateExecution execution, String kind, String status) {
    InvitationFacts f = facts.load(execution);
    if (MailKind.valueOf(kind) == MailKind.ANOTHER_NOMINEE_REQUEST) {
      f = f.withReplyDeadline(replyWait.nextRoundDeadline(execution, f));
    }
    String ids = (String) execution.getVariable(InvitationProcess.Vars.NOMINEE_IDS);
    for (Representative r : representatives.findAll(nominees.ids(ids))) {
      if (r.status() == RepresentativeStatus.valueOf(status)) {
        queue(MailKind.valueOf(kind), f, f.letter(r), parliament(f.invitee()), origin(f, kind + ":" + r.id()));
      }
    }
  }

  /** To a representative whose registration is cancelled (substituted), parliament in copy, with a cancelled calendar entry. */
  void registrationCancelled(InvitationFacts f, Representative r) {
    letters.queue(
        MailKind.REGISTRATION_CANCELLED, f.letter(r).withScheduleSequence(events.scheduleSequence(f.event().code())),
        representative(r, f.invitee()), origin(f, MailKind.REGISTRATION_CANCELLED + ":" + r.id()));
  }

  /** To the parliament: its representative cannot attend; its reply link lets it name someone else. */
  void representativeCannotAttend(InvitationFacts f, Representative r) {
    queue(MailKind.REPRESENTATIVE_CANNOT_ATTEND, f, f.letter(r), parliament(f.invitee()),
        origin(f, MailKind.REPRESENTATIVE_CANNOT_ATTEND + ":" + r.id()));
  }

  /** To the parliament, about one nominee the secretariat did not accept. */
  void nomineeNotAccepted(InvitationFacts f, Representative r) {
    letters.queue(MailKind.NOMINEE_NOT_ACCEPTED, f.letter(r), parliament(f.invitee()),
        origin(f, MailKind.NOMINEE_NOT_ACCEPTED + ":" + r.id()));
  }

  /**
   * To each registered representative, parliament in copy; the letters with the join link also carry the
   * representative's own link to say they cannot attend.
   */
  public void toRegistered(DelegateExecution execution, String kind) {
    InvitationFacts f = facts.load(execution);
    int sequence = events.scheduleSequence(f.event().code());
    boolean withJoinLink = WITH_JOIN_LINK.contains(MailKind.valueOf(kind));
    for (Representative r : registered(f)) {
      LetterContext letter = f.letter(r).withScheduleSequence(sequence);
      letters.queue(
          MailKind.valueOf(kind), withJoinLink ? letter.withCannotAttendUrl(cannotAttend.url(r.id())) : letter,
          representative(r, f.invitee()), origin(f, kind + ":" + r.id()));
    }
  }

  /**
   * Announces the changes of the event this parliament has not been told of yet, in one letter: the
   * latest change (rescheduled, or cancelled), from the times it was last told. One letter to the
   * parliament, one to each registered representative with the calendar file updated or cancelled (not
   * in copy to the parliament, which has its own). A parliament whose invitation has not been written
   * yet needs no letter: the invitation quotes the new times; nor, when the event is cancelled, one whose
   * invitation never went out. A cancellation withdraws the invitation's letters that have not gone
   * out: nothing else is sent once the event is cancelled.
   */
  public void announceChange(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    Object told = execution.getVariable(InvitationProcess.Vars.ANNOUNCED_SEQUENCE);
    List<EventChange> news = changes.since(f.event().code(), told == null ? 0 : ((Number) told).intValue());
    if (news.isEmpty()) {
      return;
    }
    EventChange latest = news.get(news.size() - 1);
    EventChange first = news.get(0);
    EventChange change = new EventChange(
        latest.id(), latest.eventCode(), latest.kind(), latest.sequence(), first.previousStart(), first.previousEnd(),
        latest.reason(), latest.requestedBy(), latest.changedAt());
    MailKind kind = change.kind() == EventChange.Kind.CANCELLED ? MailKind.EVENT_CANCELLED : MailKind.EVENT_RESCHEDULED;
    String invitation = f.businessKey() + ":" + MailKind.INVITATION + ":1";
    // an invitation still waiting in the outbox goes out before the change letter, except when cancelled
    boolean knowsTheEvent = kind == MailKind.EVENT_CANCELLED ? outbox.wentOut(invitation) : outbox.exists(invitation);
    if (kind == MailKind.EVENT_CANCELLED) {
      outbox.withdrawPending(f.businessKey());
    }
    execution.setVariable(InvitationProcess.Vars.ANNOUNCED_SEQUENCE, change.sequence());
    if (!knowsTheEvent) {
      return;
    }
    String key = kind + ":" + change.sequence();
    letters.queue(kind, f.letter(null).withChange(change), parliament(f.invitee()), origin(f, key));
    for (Representative r : registered(f)) {
      letters.queue(
          kind, f.letter(r).withChange(change), new Recipients(r.email(), null), origin(f, key + ":" + r.id()));
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
    return representatives.findRegisteredForInvitee(f.campaign().id(), f.invitee().code());
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
