package org.ipu.outreach.change;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.event.EventChange;
import org.ipu.outreach.event.EventChangeRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.EventTimes;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationInstance;
import org.ipu.outreach.invitation.InvitationInstances;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.reply.ReplyTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves or cancels an event whose letters have gone out: checks the request, records the change, moves
 * the meeting on the platform, keeps the reply links valid until the new end, and tells every running
 * invitation of the event's campaigns, each of which then writes to the people it concerns.
 */
@Service
public class EventChangeService {

  static final int MAX_REASON = 2000;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z");

  private final EventRepository events;
  private final EventChangeRepository changes;
  private final CampaignRepository campaigns;
  private final InvitationInstances invitations;
  private final MeetingPlatform platform;
  private final ReplyTokens tokens;

  public EventChangeService(
      EventRepository events, EventChangeRepository changes, CampaignRepository campaigns,
      InvitationInstances invitations, MeetingPlatform platform, ReplyTokens tokens) {
    this.events = events;
    this.changes = changes;
    this.campaigns = campaigns;
    this.invitations = invitations;
    this.platform = platform;
    this.tokens = tokens;
  }

  /** Applies the change, or refuses it with every problem named and nothing changed. */
  @Transactional
  public EventChange apply(EventChangeRequest request, Instant now) {
    List<String> problems = new ArrayList<>();
    OutreachEvent event = request.eventCode() == null ? null : events.find(request.eventCode().trim()).orElse(null);
    if (event == null) {
      throw new InvalidInputException("There is no event with the code '" + request.eventCode() + "'.");
    }
    if (events.isCancelled(event.code())) {
      throw new InvalidInputException("The event '" + event.code() + "' is already cancelled.");
    }
    if (event.hasStartedAt(now)) {
      problems.add("The event started on " + WHEN.format(event.start()) + "; a started event is not changed here.");
    }
    String reason = request.reason() == null ? "" : request.reason().trim();
    if (reason.isEmpty()) {
      problems.add("Give the reason for the change: the letters quote it.");
    } else if (reason.length() > MAX_REASON) {
      problems.add("The reason is longer than " + MAX_REASON + " characters.");
    }
    List<Campaign> running = campaigns.findForEvent(event.code()).stream()
        .filter(c -> c.status() == CampaignStatus.RUNNING || c.status() == CampaignStatus.IN_REVIEW)
        .toList();
    for (Campaign c : running) {
      if (c.status() == CampaignStatus.IN_REVIEW || !campaigns.allLaunched(c.id())) {
        problems.add("The campaign " + c.id() + " is still under review or starting its invitations; change the"
            + " event once every invitation has started (or cancel the campaign in its review).");
      }
    }
    ZonedDateTime start = null;
    ZonedDateTime end = null;
    if (!request.cancel()) {
      ZoneId zone = event.start().getZone();
      start = local(request.newStart(), "new start", zone, problems);
      end = local(request.newEnd(), "new end", zone, problems);
      if (start != null && !start.toInstant().isAfter(now)) {
        problems.add("The new start " + WHEN.format(start) + " is in the past.");
      }
      if (start != null && end != null && !end.isAfter(start)) {
        problems.add("The new end must be after the new start.");
      }
      if (start != null && end != null && start.toInstant().equals(event.start().toInstant())
          && end.toInstant().equals(event.end().toInstant())) {
        problems.add("The new times are the event's current times: nothing would change.");
      }
      for (Campaign c : running) {
        if (start != null && !c.replyDeadline().isBefore(start.toInstant())) {
          problems.add("The reply deadline of campaign " + c.id() + " (" + WHEN.format(c.replyDeadline().atZone(zone))
              + ") is not before the new start; the event cannot start before its replies are due.");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    EventChange change;
    if (request.cancel()) {
      int sequence = events.cancel(event.code(), now);
      change = record(event, EventChange.Kind.CANCELLED, sequence, reason, request.requestedBy(), now);
    } else {
      platform.reschedule(event.meetingId(), start, end);
      int sequence = events.reschedule(event.code(), start, end);
      change = record(event, EventChange.Kind.RESCHEDULED, sequence, reason, request.requestedBy(), now);
    }
    for (Campaign c : running) {
      if (request.cancel()) {
        campaigns.setStatus(c.id(), CampaignStatus.CANCELLED);
      } else {
        tokens.extendUntil(c.id(), end.toInstant());
      }
      for (InvitationInstance invitation : invitations.ofCampaign(c.id())) {
        if (request.cancel()) {
          invitation.eventCancelled();
        } else {
          invitation.eventRescheduled();
        }
      }
    }
    return change;
  }

  private EventChange record(
      OutreachEvent event, EventChange.Kind kind, int sequence, String reason, String by, Instant now) {
    return changes.insert(new EventChange(0, event.code(), kind, sequence, event.start(), event.end(), reason, by, now));
  }

  /** The local time in the event's zone; a time the clocks skip (the spring change) is refused. */
  private static ZonedDateTime local(LocalDateTime local, String field, ZoneId zone, List<String> problems) {
    if (local == null) {
      problems.add("The " + field + " is missing.");
      return null;
    }
    Optional<String> skipped = EventTimes.skipped(local, zone);
    if (skipped.isPresent()) {
      problems.add("The " + field + " " + local.toString().replace('T', ' ') + " " + skipped.get());
      return null;
    }
    return local.atZone(zone);
  }
}
