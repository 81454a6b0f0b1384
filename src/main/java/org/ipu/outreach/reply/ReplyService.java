package org.ipu.outreach.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.NotFoundException;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationInstance;
import org.ipu.outreach.invitation.InvitationInstances;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.mail.LetterService;
import org.ipu.outreach.mail.MailKind;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeAddresses;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a parliament's reply, whatever channel it came by ({@link ReplyChannel}): the same checks,
 * the same withdrawal of earlier nominees, the same process effect and the same "reply received"
 * letter for all of them.
 */
@Service
public class ReplyService {

  /** Nominees a new reply replaces: everybody not yet registered, rejected or withdrawn. */
  private static final Set<RepresentativeStatus> REPLACEABLE =
      EnumSet.of(RepresentativeStatus.NOMINATED, RepresentativeStatus.CONFIRMED);

  private final RepresentativeRepository representatives;
  private final InvitationInstances invitations;
  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InviteeRepository invitees;
  private final LetterService letters;
  private final ReplyLog log;
  private final ReplyPageProperties properties;
  private final RepresentativeAddresses addresses;

  public ReplyService(
      RepresentativeRepository representatives,
      InvitationInstances invitations,
      CampaignRepository campaigns,
      EventRepository events,
      InviteeRepository invitees,
      LetterService letters,
      ReplyLog log,
      ReplyPageProperties properties,
      RepresentativeAddresses addresses) {
    this.addresses = addresses;
    this.representatives = representatives;
    this.invitations = invitations;
    this.campaigns = campaigns;
    this.events = events;
    this.invitees = invitees;
    this.letters = letters;
    this.log = log;
    this.properties = properties;
  }

  /**
   * Where one parliament's invitation stands, as the reply pages need it. {@code replyDeadline} is the
   * deadline of the current reply round: the campaign's, or a later one after staff asked for another
   * nominee. {@code instance} is null once the invitation has ended.
   */
  public record Situation(
      Campaign campaign,
      OutreachEvent event,
      Invitee invitee,
      Stage stage,
      Instant replyDeadline,
      boolean deadlinePassed,
      List<Representative> currentNominees,
      InvitationInstance instance) {

    /** Whether a reply can be given now: by the parliament until the deadline, by staff also after it. */
    public boolean open(ReplyChannel channel) {
      return !stage.closed() && (channel.byStaff() || !deadlinePassed);
    }

    /** Why no reply can be given now, as the page words it. */
    public String closedBecause() {
      return deadlinePassed && !stage.closed() ? "DEADLINE_PASSED" : stage.name();
    }
  }

  /** What a reply given now would do. */
  public enum Stage {
    /** The process waits for the reply (or staff are following up): the reply is correlated. */
    WAITING,
    /** Nominees are being confirmed: a new reply replaces them and staff confirm the new ones. */
    CONFIRMING,
    /** Confirmed, their registration on the meeting platform under way: a new reply becomes a staff task. */
    REGISTRATION_PENDING,
    /**
     * The representatives are registered: new nominees become substitutes for staff to confirm; a
     * decline becomes a staff task and the registrations stay.
     */
    REGISTERED,
    /**
     * Substitutes named after registration are being confirmed or registered: a further reply becomes a
     * staff task; the registrations stay until the substitution is done.
     */
    SUBSTITUTES_UNDER_REVIEW,
    /** The event is over; attendance is being collected: no reply any more. */
    EVENT_OVER,
    /** The invitation has ended (declined, no reply, rejected, cancelled, or after the event). */
    ENDED;

    boolean closed() {
      return this == EVENT_OVER || this == ENDED;
    }

    /** A reply now goes to staff as a task: the representatives are (being) registered. */
    boolean forwardsToStaff() {
      return this == REGISTRATION_PENDING || this == REGISTERED || this == SUBSTITUTES_UNDER_REVIEW;
    }
  }

  /** What recording a reply did: the new representatives' ids, or that it went to staff as a task. */
  public record Recorded(List<Long> representativeIds, boolean forwardedToStaff) {}

  public Situation situation(String campaignId, String inviteeCode) {
    Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> unknown(campaignId, inviteeCode));
    InvitationInstance instance = invitations.find(campaignId, inviteeCode).orElse(null);
    if (instance == null && !campaigns.isInvited(campaignId, inviteeCode)) {
      throw unknown(campaignId, inviteeCode);
    }
    OutreachEvent event =
        events.find(campaign.eventCode()).orElseThrow(() -> new IllegalStateException("No event " + campaign.eventCode()));
    Invitee invitee =
        invitees.find(inviteeCode).orElseThrow(() -> unknown(campaignId, inviteeCode));
    List<Representative> current =
        representatives.findForInvitee(campaignId, inviteeCode).stream()
            .filter(r -> REPLACEABLE.contains(r.status()) || r.status() == RepresentativeStatus.REGISTERED)
            .toList();
    Instant deadline = campaign.replyDeadline();
    Stage stage = Stage.ENDED;
    if (instance != null) {
      Instant roundDeadline = instance.replyDueAt();
      if (roundDeadline != null && roundDeadline.isAfter(deadline)) {
        deadline = roundDeadline;
      }
      stage = stage(instance, event);
    }
    boolean passed = !ClockUtil.getCurrentTime().toInstant().isBefore(deadline);
    return new Situation(campaign, event, invitee, stage, deadline, passed, current, instance);
  }

  /**
   * Records a reply: replaces any earlier nominees that are not registered, stores the new ones, moves
   * the process on and writes the "reply received" letter to the parliament. Once the representatives
   * are registered, the reply becomes a staff task instead and nothing else changes (registrations on
   * the meeting platform are not undone automatically). {@code author} is the staff member who recorded
   * it, null when the parliament replied itself.
   *
   * @throws InvalidInputException the reply itself is wrong (no nominee, too many, an address twice)
   * @throws NotFoundException there is no such invitation
   * @throws ReplyClosedException the invitation takes no reply on this channel now; nothing is stored
   */
  @Transactional
  public Recorded record(String campaignId, String inviteeCode, Reply reply, ReplyChannel channel, String author) {
    check(reply);
    addresses.requireFree(campaignId, inviteeCode, reply.nominees().stream().map(Representative.Nomination::email).toList());
    Situation situation = situation(campaignId, inviteeCode);
    if (!situation.open(channel)) {
      throw new ReplyClosedException(situation.closedBecause());
    }
    InvitationInstance instance = situation.instance();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      if (situation.stage() == Stage.REGISTERED && !reply.declined()) {
        // new nominees once registered are substitutes: staff confirm them, then they replace the registered
        List<Long> ids = insertNominees(campaignId, inviteeCode, reply, now);
        instance.substitutesNamed(Nominees.join(ids), reply.summary(), registeredNow(situation));
        log.record(campaignId, inviteeCode, reply, channel, author, now);
        confirmToParliament(situation, instance, reply);
        return new Recorded(ids, true);
      }
      if (situation.stage().forwardsToStaff()) {
        instance.replyChangedAfterRegistration(reply.summary());
        log.record(campaignId, inviteeCode, reply, channel, author, now);
        return new Recorded(List.of(), true);
      }
      for (Representative earlier : situation.currentNominees()) {
        if (REPLACEABLE.contains(earlier.status())) {
          representatives.setStatus(earlier.id(), RepresentativeStatus.WITHDRAWN);
        }
      }
      List<Long> ids = insertNominees(campaignId, inviteeCode, reply, now);
      instance.replied(reply.declined() ? null : Nominees.join(ids), reply.declineReason());
      log.record(campaignId, inviteeCode, reply, channel, author, now);
      confirmToParliament(situation, instance, reply);
      return new Recorded(ids, false);
    } catch (InvitationInstance.NotWaitingException e) {
      // the invitation moved on between reading its situation and correlating (e.g. staff confirmed)
      throw new ReplyClosedException(Stage.ENDED.name());
    }
  }

  private List<Long> insertNominees(String campaignId, String inviteeCode, Reply reply, Instant now) {
    List<Long> ids = new ArrayList<>();
    for (Representative.Nomination n : reply.nominees()) {
      ids.add(representatives.insert(campaignId, inviteeCode, n, now));
    }
    return ids;
  }

  private static String registeredNow(Situation situation) {
    return situation.currentNominees().stream()
        .filter(r -> r.status() == RepresentativeStatus.REGISTERED)
        .map(r -> r.fullName() + " (" + r.functionTitle() + ")")
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static Stage stage(InvitationInstance instance, OutreachEvent event) {
    if (instance.waitsForReply()) {
      return Stage.WAITING;
    }
    if (instance.confirmingNominees()) {
      return Stage.CONFIRMING;
    }
    if (instance.substituting()) {
      return Stage.SUBSTITUTES_UNDER_REVIEW;
    }
    if (instance.registrationPending()) {
      return Stage.REGISTRATION_PENDING;
    }
    return ClockUtil.getCurrentTime().toInstant().isBefore(event.end().toInstant()) ? Stage.REGISTERED : Stage.EVENT_OVER;
  }

  private static NotFoundException unknown(String campaignId, String inviteeCode) {
    return new NotFoundException("There is no invitation of '" + inviteeCode + "' in campaign '" + campaignId + "'.");
  }

  /** The checks every channel shares; the forms check the same earlier, to show them by field. */
  private void check(Reply reply) {
    if (reply.declined()) {
      if (reply.declineReason() != null && reply.declineReason().length() > ReplyForm.MAX_REASON) {
        throw new InvalidInputException("The reason for declining is longer than " + ReplyForm.MAX_REASON + " characters.");
      }
      if (Reply.hasControlCharacterBesidesLineBreaks(reply.declineReason())) {
        throw new InvalidInputException("The reason for declining contains a control character (such as U+0000).");
      }
      return;
    }
    if (reply.nominees().isEmpty()) {
      throw new InvalidInputException("A nomination names at least one representative.");
    }
    if (reply.nominees().size() > properties.maxNominees()) {
      throw new InvalidInputException(
          "A reply names at most " + properties.maxNominees() + " representatives (got " + reply.nominees().size() + ").");
    }
    Set<String> seen = new HashSet<>();
    for (Representative.Nomination n : reply.nominees()) {
      if (!seen.add(n.email().toLowerCase(Locale.ROOT))) {
        throw new InvalidInputException(
            "The e-mail address " + n.email() + " is given for two representatives; each representative needs"
                + " an address of their own (it becomes their personal meeting registration).");
      }
    }
  }

  private void confirmToParliament(Situation situation, InvitationInstance instance, Reply reply) {
    Invitee invitee = situation.invitee();
    String businessKey = InvitationProcess.businessKey(situation.campaign().id(), invitee.code());
    letters.queueNew(
        MailKind.REPLY_RECEIVED,
        new LetterContext(situation.event(), invitee, null, situation.campaign().replyDeadline())
            .withReceived(new LetterContext.ReceivedReply(reply.nominees(), reply.declineReason())),
        new LetterService.Recipients(invitee.presidentEmail(), invitee.secretaryEmail()),
        // each reply is confirmed once: written in this request's transaction under a new key, never retried
        new LetterService.Origin(
            businessKey + ":" + MailKind.REPLY_RECEIVED + ":" + UUID.randomUUID(), instance.id(), businessKey));
  }
}
