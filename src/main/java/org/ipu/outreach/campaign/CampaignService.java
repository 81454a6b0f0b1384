package org.ipu.outreach.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationInstances;
import org.ipu.outreach.mail.LetterContext;
import org.ipu.outreach.mail.MailComposer;
import org.ipu.outreach.mail.MailKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CampaignService {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z");

  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InviteeRepository invitees;
  private final MailComposer composer;
  private final RuntimeService runtime;
  private final InvitationInstances invitations;
  private final CampaignProperties properties;

  public CampaignService(
      CampaignRepository campaigns,
      EventRepository events,
      InviteeRepository invitees,
      MailComposer composer,
      RuntimeService runtime,
      InvitationInstances invitations,
      CampaignProperties properties) {
    this.campaigns = campaigns;
    this.events = events;
    this.invitees = invitees;
    this.composer = composer;
    this.runtime = runtime;
    this.invitations = invitations;
    this.properties = properties;
  }

  /** Checks the request, records the campaign and its invitee list, and renders a sample letter. */
  @Transactional
  public CampaignPlan prepare(CampaignRequest request) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    OutreachEvent event = launchableEvent(request.eventCode(), now);
    if (campaigns.hasCampaignBeyondCancellation(event.code())) {
      throw new InvalidInputException(
          "The event '" + event.code() + "' already has a campaign (under review, running or completed);"
              + " a parliament must not be invited twice to the same event.");
    }
    Instant deadline = replyDeadline(request.replyDeadline(), event, now);
    List<Invitee> selected = invitees.findSelection(request.kinds(), request.groups());
    if (selected.isEmpty()) {
      throw new InvalidInputException(
          "No invitee in the directory matches the selection (kinds " + request.kinds() + ", groups "
              + request.groups() + ").");
    }
    String id = event.code() + "-" + (campaigns.countForEvent(event.code()) + 1);
    Campaign campaign = new Campaign(id, event.code(), deadline, CampaignStatus.IN_REVIEW, selected.size(), 0);
    campaigns.insert(campaign, selected.stream().map(Invitee::code).toList(), now);
    Map<Language, Long> perLanguage = new EnumMap<>(Language.class);
    perLanguage.putAll(selected.stream().collect(Collectors.groupingBy(Invitee::language, Collectors.counting())));
    String sample =
        composer.compose(MailKind.INVITATION, new LetterContext(event, selected.get(0), null, deadline)).text();
    return new CampaignPlan(campaign, event, perLanguage, sample);
  }

  /** The event, if it exists and has not started yet; a campaign for a started event is refused. */
  public OutreachEvent launchableEvent(String eventCode, Instant now) {
    if (eventCode == null || eventCode.isBlank()) {
      throw new InvalidInputException("Choose the event the campaign is about.");
    }
    OutreachEvent event =
        events
            .find(eventCode.trim())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "There is no event with the code '" + eventCode.trim() + "'. Known events: "
                            + events.findAll().stream().map(OutreachEvent::code).collect(Collectors.joining(", "))
                            + "."));
    if (event.hasStartedAt(now)) {
      throw new InvalidInputException(
          "The event '" + event.title() + "' started on " + WHEN.format(event.start())
              + "; a campaign cannot be launched for an event that has already started.");
    }
    return event;
  }

  private Instant replyDeadline(LocalDate requested, OutreachEvent event, Instant now) {
    Instant deadline =
        requested == null
            ? event.replyDeadline()
            : requested.atTime(LocalTime.of(23, 59)).atZone(event.start().getZone()).toInstant();
    if (!deadline.isAfter(now)) {
      throw new InvalidInputException(
          "The reply deadline " + WHEN.format(deadline.atZone(event.start().getZone()))
              + " has already passed; choose a later one.");
    }
    if (!deadline.isBefore(event.start().toInstant())) {
      throw new InvalidInputException(
          "The reply deadline " + WHEN.format(deadline.atZone(event.start().getZone()))
              + " must be before the event starts (" + WHEN.format(event.start()) + ").");
    }
    return deadline;
  }

  /** Approval: the event and the reply deadline must still be ahead, since time has passed during the review. */
  @Transactional
  public void approve(String campaignId) {
    Campaign campaign = campaigns.find(campaignId).orElseThrow();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    OutreachEvent event = launchableEvent(campaign.eventCode(), now);
    if (!campaign.replyDeadline().isAfter(now)) {
      throw new InvalidInputException(
          "The reply deadline " + WHEN.format(campaign.replyDeadline().atZone(event.start().getZone()))
              + " has passed during the review: cancel this campaign and start a new one with a later deadline.");
    }
    campaigns.setStatus(campaignId, CampaignStatus.RUNNING);
  }

  /**
   * Starts the invitation process of the next batch of invitees in the caller's transaction and tells
   * whether every invitee's invitation has now been started.
   */
  @Transactional
  public boolean launchBatch(String campaignId) {
    List<String> batch = campaigns.nextToLaunch(campaignId, properties.launchBatchSize());
    for (String code : batch) {
      invitations.start(campaignId, invitees.find(code).orElseThrow());
    }
    campaigns.markLaunched(campaignId, batch);
    return campaigns.allLaunched(campaignId);
  }

  @Transactional
  public void cancel(String campaignId) {
    campaigns.setStatus(campaignId, CampaignStatus.CANCELLED);
  }

  @Transactional
  public void complete(String campaignId) {
    // a campaign whose event was cancelled stays CANCELLED once its last invitation has ended
    if (campaigns.find(campaignId).orElseThrow().status() != CampaignStatus.CANCELLED) {
      campaigns.setStatus(campaignId, CampaignStatus.COMPLETED);
    }
  }

  /** Counts one ended invitation; the last one lets the campaign process finish. */
  @Transactional
  public void invitationEnded(String campaignId, String inviteeCode, String outcome) {
    if (campaigns.recordEnded(campaignId, inviteeCode, outcome, ClockUtil.getCurrentTime().toInstant())) {
      runtime
          .createMessageCorrelation(CampaignProcess.Messages.ALL_INVITATIONS_ENDED)
          .processInstanceBusinessKey(campaignId)
          .correlate();
    }
  }
}
