package org.ipu.outreach.meeting;

import java.util.Map;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/representatives/{id}/withdraw}: a registered representative who will not attend (the
 * parliament withdrew them) has the registration cancelled on the meeting platform first, so that
 * their personal join link stops working, and is then recorded as withdrawn. When the platform refuses,
 * the answer says why and nothing is changed.
 */
@RestController
class WithdrawalController {

  private final RepresentativeRepository representatives;
  private final CampaignRepository campaigns;
  private final EventRepository events;
  private final MeetingPlatform platform;
  private final StaffAccess staff;

  WithdrawalController(
      RepresentativeRepository representatives,
      CampaignRepository campaigns,
      EventRepository events,
      MeetingPlatform platform,
      StaffAccess staff) {
    this.representatives = representatives;
    this.campaigns = campaigns;
    this.events = events;
    this.platform = platform;
    this.staff = staff;
  }

  @PostMapping(path = "/api/representatives/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> withdraw(@PathVariable long id) {
    staff.require();
    Representative r = representatives.find(id)
        .orElseThrow(() -> new InvalidInputException("There is no representative " + id + "."));
    if (r.status() != RepresentativeStatus.REGISTERED) {
      throw new InvalidInputException("Representative " + id + " is " + r.status()
          + ", not registered: only a registered representative is withdrawn here (a nominee is decided on in Tasklist).");
    }
    String meetingId = campaigns.find(r.campaignId())
        .flatMap(c -> events.find(c.eventCode()))
        .orElseThrow(() -> new IllegalStateException("No event for campaign " + r.campaignId()))
        .meetingId();
    if (r.registrantId() != null) {
      try {
        platform.cancel(meetingId, r.registrantId(), r.email());
      } catch (RuntimeException e) {
        throw new ResponseStatusException(HttpStatus.BAD_GATEWAY,
            "The meeting platform did not cancel the registration, so nothing was changed: " + e.getMessage(), e);
      }
    }
    representatives.setStatus(id, RepresentativeStatus.WITHDRAWN);
    return Map.of("id", id, "status", RepresentativeStatus.WITHDRAWN.name(), "cancelledOnPlatform", r.registrantId() != null);
  }
}
