package org.ipu.outreach.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.invitation.InvitationProcess.Messages;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.mail.LetterService;
import org.ipu.outreach.mail.MailKind;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a parliament's reply and hands it to its waiting invitation process. */
@Service
public class ReplyService {

  /** Nominees a new reply on the reply page replaces: everybody not yet registered, rejected or withdrawn. */
  private static final Set<RepresentativeStatus> REPLACEABLE =
      EnumSet.of(RepresentativeStatus.NOMINATED, RepresentativeStatus.CONFIRMED);

  private final RepresentativeRepository representatives;
  private final RuntimeService runtime;
  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InviteeRepository invitees;
  private final LetterService letters;

  public ReplyService(
      RepresentativeRepository representatives,
      RuntimeService runtime,
      CampaignRepository campaigns,
      EventRepository events,
      InviteeRepository invitees,
      LetterService letters) {
    this.representatives = representatives;
    this.runtime = runtime;
    this.campaigns = campaigns;
    this.events = events;
    this.invitees = invitees;
    this.letters = letters;
  }

  /**
   * Where one parliament's invitation stands, as the reply page needs it. {@code replyDeadline} is the
   * deadline of the current reply round: the campaign's, or a later one after staff asked for another
   * nominee.
   */
  public record Situation(
      Campaign campaign,
      OutreachEvent event,
      Invitee invitee,
      Stage stage,
      Instant replyDeadline,
      boolean deadlinePassed,
      List<Representative> currentNominees) {

    /** Whether a reply can be given now: by the parliament until the deadline, by staff also after it. */
    public boolean open(boolean byStaff) {
      return stage != Stage.ENDED && (byStaff || !deadlinePassed);
    }

    /** Why no reply can be given now, as the page words it. */
    public String closedBecause() {
      return deadlinePassed && stage != Stage.ENDED ? "DEADLINE_PASSED" : stage.name();
    }
  }

  /** What a reply given now would do. */
  public enum Stage {
    /** The process waits for the reply (or staff are following up): the reply is correlated. */
    WAITING,
    /** Nominees are being confirmed: a new reply replaces them and staff confirm the new ones. */
    CONFIRMING,
    /** The representatives are registered: a new reply becomes a staff task; the registrations stay. */
    REGISTERED,
    /** The invitation has ended (declined, no reply, rejected, or after the event). */
    ENDED
  }

  public Situation situation(String campaignId, String inviteeCode) {
    Campaign campaign =
        campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
    OutreachEvent event =
        events.find(campaign.eventCode()).orElseThrow(() -> new IllegalStateException("No event " + campaign.eventCode()));
    Invitee invitee =
        invitees.find(inviteeCode).orElseThrow(() -> new IllegalStateException("No invitee " + inviteeCode));
    List<Representative> current =
        representatives.findForInvitee(campaignId, inviteeCode).stream()
            .filter(r -> REPLACEABLE.contains(r.status()) || r.status() == RepresentativeStatus.REGISTERED)
            .toList();
    ProcessInstance instance = instance(campaignId, inviteeCode);
    Instant deadline = campaign.replyDeadline();
    Stage stage;
    if (instance == null) {
      stage = Stage.ENDED;
    } else {
      Object roundDeadline = runtime.getVariable(instance.getId(), Vars.REPLY_DUE_AT);
      if (roundDeadline instanceof java.util.Date d && d.toInstant().isAfter(deadline)) {
        deadline = d.toInstant();
      }
      if (waitsFor(instance, Messages.PARLIAMENT_REPLIED)) {
        stage = Stage.WAITING;
      } else if (waitsFor(instance, Messages.NOMINATION_CHANGED)) {
        stage = Stage.CONFIRMING;
      } else {
        stage = Stage.REGISTERED;
      }
    }
    boolean passed = !ClockUtil.getCurrentTime().toInstant().isBefore(deadline);
    return new Situation(campaign, event, invitee, stage, deadline, passed, current);
  }

  /**
   * A reply given on the reply page (by the parliament, or by staff on its behalf): replaces any earlier
   * nominees that are not registered, stores the new ones, moves the process on and writes the
   * confirmation to the parliament; once the representatives are registered, the new reply becomes a
   * staff task instead and nothing else changes. {@code nominees} empty means declined. Staff may record a reply after
   * the deadline (the parliament answered their follow-up). Nothing is stored when the invitation no
   * longer takes replies ({@link ReplyClosedException}).
   */
  @Transactional
  public List<Long> replyFromPage(
      String campaignId, String inviteeCode, List<Representative.Nomination> nominees, String declineReason,
      boolean byStaff) {
    Situation situation = situation(campaignId, inviteeCode);
    if (!situation.open(byStaff)) {
      throw new ReplyClosedException(situation.closedBecause());
    }
    String businessKey = InvitationProcess.businessKey(campaignId, inviteeCode);
    if (situation.stage() == Stage.REGISTERED) {
      // registrations on the meeting platform are not undone automatically: staff agree the change with the
      // parliament; nothing is stored here, the task carries the new reply
      runtime
          .createMessageCorrelation(Messages.REPLY_CHANGED_AFTER_REGISTRATION)
          .processInstanceBusinessKey(businessKey)
          .setVariable(Vars.CHANGED_REPLY, summary(nominees, declineReason))
          .correlate();
      return List.of();
    }
    String message =
        situation.stage() == Stage.WAITING ? Messages.PARLIAMENT_REPLIED : Messages.NOMINATION_CHANGED;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (Representative earlier : situation.currentNominees()) {
      if (REPLACEABLE.contains(earlier.status())) {
        representatives.setStatus(earlier.id(), RepresentativeStatus.WITHDRAWN);
      }
    }
    List<Long> ids = new ArrayList<>();
    for (Representative.Nomination n : nominees) {
      ids.add(representatives.insert(campaignId, inviteeCode, n, now));
    }
    runtime
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariable(Vars.REPLY, nominees.isEmpty() ? Replies.DECLINED : Replies.NOMINATED)
        .setVariable(Vars.NOMINEE_IDS, nominees.isEmpty() ? null : Nominees.join(ids))
        .setVariable(Vars.DECLINE_REASON, blankToNull(declineReason))
        .correlate();
    Invitee invitee = situation.invitee();
    ProcessInstance instance = instance(campaignId, inviteeCode);
    letters.queue(
        MailKind.REPLY_RECEIVED,
        new LetterContext(situation.event(), invitee, null, situation.campaign().replyDeadline())
            .withReceived(new LetterContext.ReceivedReply(nominees, blankToNull(declineReason))),
        new LetterService.Recipients(invitee.presidentEmail(), invitee.secretaryEmail()),
        // each reply is confirmed once: it is written in this request's transaction, never retried
        new LetterService.Origin(
            businessKey + ":" + MailKind.REPLY_RECEIVED + ":" + UUID.randomUUID(),
            instance == null ? null : instance.getId(),
            businessKey));
    return ids;
  }

  /** The reply as staff read it in their task (English, one line per representative). */
  static String summary(List<Representative.Nomination> nominees, String declineReason) {
    if (nominees.isEmpty()) {
      String reason = blankToNull(declineReason);
      return "Declined." + (reason == null ? "" : " Reason: " + reason);
    }
    StringBuilder text = new StringBuilder("Nominated:");
    for (Representative.Nomination n : nominees) {
      text.append("\n- ").append(n.fullName()).append(" (").append(n.functionTitle()).append("), ")
          .append(n.role()).append(", ").append(n.email()).append(", interpretation ")
          .append(n.interpretationLanguage().code());
      if (n.committees() != null) {
        text.append(", committees: ").append(n.committees());
      }
    }
    return text.toString();
  }

  private ProcessInstance instance(String campaignId, String inviteeCode) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(InvitationProcess.KEY)
        .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode))
        .singleResult();
  }

  private boolean waitsFor(ProcessInstance instance, String messageName) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(instance.getId())
            .eventType("message")
            .eventName(messageName)
            .count()
        > 0;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Stores the nominees and correlates the reply; nothing is stored when the process is not waiting. */
  @Transactional
  public List<Long> nominate(String campaignId, String inviteeCode, List<Representative.Nomination> nominees) {
    if (nominees.isEmpty()) {
      throw new InvalidInputException("A nomination names at least one representative.");
    }
    requireRunningInvitation(campaignId, inviteeCode);
    List<Long> ids = new ArrayList<>();
    for (Representative.Nomination n : nominees) {
      ids.add(representatives.insert(campaignId, inviteeCode, n, ClockUtil.getCurrentTime().toInstant()));
    }
    correlate(campaignId, inviteeCode, Replies.NOMINATED, Nominees.join(ids));
    return ids;
  }

  @Transactional
  public void decline(String campaignId, String inviteeCode) {
    requireRunningInvitation(campaignId, inviteeCode);
    correlate(campaignId, inviteeCode, Replies.DECLINED, null);
  }

  private void requireRunningInvitation(String campaignId, String inviteeCode) {
    long running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(InvitationProcess.KEY)
            .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode))
            .count();
    if (running == 0) {
      throw new InvalidInputException(
          "There is no running invitation for invitee '" + inviteeCode + "' in campaign '" + campaignId + "'.");
    }
  }

  private void correlate(String campaignId, String inviteeCode, String reply, String nomineeIds) {
    try {
      runtime
          .createMessageCorrelation(Messages.PARLIAMENT_REPLIED)
          .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId, inviteeCode))
          .setVariable(Vars.REPLY, reply)
          .setVariable(Vars.NOMINEE_IDS, nomineeIds)
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(
          "The invitation of '" + inviteeCode + "' in campaign '" + campaignId
              + "' is not waiting for a reply now (its nominees are being confirmed, or it is past that"
              + " stage); use its open task in Tasklist instead.");
    }
  }
}
