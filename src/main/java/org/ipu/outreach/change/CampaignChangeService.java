package org.ipu.outreach.change;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.Campaign;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.EventTimes;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationInstance;
import org.ipu.outreach.invitation.InvitationInstances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a running campaign after its letters went out: a later reply deadline, which every invitation
 * still waiting for its reply takes and announces, or late invitees, each invited once like the others.
 * A request that cannot be applied is refused with every problem named and changes nothing.
 */
@Service
public class CampaignChangeService {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z");

  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final InviteeRepository invitees;
  private final InvitationInstances invitations;

  public CampaignChangeService(
      CampaignRepository campaigns, EventRepository events, InviteeRepository invitees,
      InvitationInstances invitations) {
    this.campaigns = campaigns;
    this.events = events;
    this.invitees = invitees;
    this.invitations = invitations;
  }

  /** Moves the campaign's reply deadline later; returns how many invitations were still waiting and are told. */
  @Transactional
  public int extendDeadline(String campaignId, LocalDateTime requested, Instant now) {
    List<String> problems = new ArrayList<>();
    Running running = running(campaignId, now, problems);
    Campaign campaign = running.campaign();
    OutreachEvent event = running.event();
    ZoneId zone = event.start().getZone();
    ZonedDateTime deadline = null;
    if (requested == null) {
      problems.add("Give the new reply deadline.");
    } else {
      Optional<String> skipped = EventTimes.skipped(requested, zone);
      if (skipped.isPresent()) {
        problems.add("The new reply deadline " + requested.toString().replace('T', ' ') + " " + skipped.get());
      } else {
        deadline = requested.atZone(zone);
      }
    }
    if (deadline != null) {
      if (!deadline.toInstant().isAfter(campaign.replyDeadline())) {
        problems.add("The new reply deadline " + WHEN.format(deadline) + " is not later than the current one ("
            + WHEN.format(campaign.replyDeadline().atZone(zone)) + ").");
      }
      if (!deadline.toInstant().isAfter(now)) {
        problems.add("The new reply deadline " + WHEN.format(deadline) + " is in the past.");
      }
      if (!deadline.toInstant().isBefore(event.start().toInstant())) {
        problems.add("The new reply deadline " + WHEN.format(deadline) + " must be before the event starts ("
            + WHEN.format(event.start()) + ").");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    campaigns.setReplyDeadline(campaign.id(), deadline.toInstant());
    List<InvitationInstance> waiting = invitations.waitingForReply(campaign.id());
    waiting.forEach(InvitationInstance::replyDeadlineExtended);
    return waiting.size();
  }

  /** Invites directory entries the campaign has not invited yet; returns their codes as invited. */
  @Transactional
  public List<String> addInvitees(String campaignId, List<String> codes, Instant now) {
    List<String> problems = new ArrayList<>();
    Running running = running(campaignId, now, problems);
    Campaign campaign = running.campaign();
    if (!campaign.replyDeadline().isAfter(now)) {
      problems.add("The reply deadline ("
          + WHEN.format(campaign.replyDeadline().atZone(running.event().start().getZone()))
          + ") has passed: extend it first, so that a late invitee has time to reply.");
    }
    Set<String> wanted = new LinkedHashSet<>(codes);
    if (wanted.isEmpty()) {
      problems.add("Give the code of at least one directory entry to invite.");
    }
    List<Invitee> found = new ArrayList<>();
    for (String code : wanted) {
      Optional<Invitee> invitee = invitees.find(code);
      if (invitee.isEmpty()) {
        problems.add("There is no directory entry with the code '" + code + "'.");
      } else if (campaigns.isInvited(campaign.id(), code)) {
        problems.add(invitee.get().name() + " (" + code + ") is already invited in campaign " + campaign.id() + ".");
      } else {
        found.add(invitee.get());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<String> added = found.stream().map(Invitee::code).toList();
    campaigns.addLaunched(campaign.id(), added);
    found.forEach(invitee -> invitations.start(campaign.id(), invitee));
    return added;
  }

  private record Running(Campaign campaign, OutreachEvent event) {}

  /** The campaign and its event, if it is running with every invitation started and its event still ahead. */
  private Running running(String campaignId, Instant now, List<String> problems) {
    String id = campaignId == null ? "" : campaignId.trim();
    Campaign campaign =
        campaigns.find(id).orElseThrow(() -> new InvalidInputException("There is no campaign '" + id + "'."));
    if (campaign.status() != CampaignStatus.RUNNING) {
      throw new InvalidInputException(
          "The campaign " + id + " is " + campaign.status().name().toLowerCase().replace('_', ' ')
              + "; only a running campaign can be changed.");
    }
    if (!campaigns.allLaunched(id)) {
      problems.add("The campaign " + id + " is still starting its invitations; try again in a minute.");
    }
    OutreachEvent event = events.find(campaign.eventCode()).orElseThrow();
    if (event.hasStartedAt(now)) {
      problems.add("The event started on " + WHEN.format(event.start()) + "; its campaign is not changed any more.");
    }
    return new Running(campaign, event);
  }
}
