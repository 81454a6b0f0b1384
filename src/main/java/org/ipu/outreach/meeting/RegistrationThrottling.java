package org.ipu.outreach.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ipu.outreach.PersonalData;
import org.ipu.outreach.campaign.CampaignIncidents;
import org.ipu.outreach.meeting.RegistrationRequests.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A registration round the platform answers "too many requests": the meeting's waiting invitations come
 * back at the platform's Retry-After, else after 1, 2, 4 ... minutes (at most an hour) counted over the
 * rounds in a row, and after outreach.meeting.busy-rounds-before-incident such rounds one incident per
 * campaign says that the platform is throttling (not one per invitation). The next round that gets
 * through resolves it.
 */
@Component
public class RegistrationThrottling {

  public static final String INCIDENT_TYPE = "meetingPlatformThrottling";
  private static final Logger log = LoggerFactory.getLogger(RegistrationThrottling.class);

  private final RegistrationRequests requests;
  private final CampaignIncidents incidents;
  private final MeetingRegistrationProperties properties;

  public RegistrationThrottling(
      RegistrationRequests requests, CampaignIncidents incidents, MeetingRegistrationProperties properties) {
    this.requests = requests;
    this.incidents = incidents;
    this.properties = properties;
  }

  void busy(String meetingId, List<Request> waiting, MeetingPlatformBusyException busy, Instant now) {
    int before = waiting.stream().mapToInt(Request::busyRounds).max().orElse(0);
    int rounds = before + 1;
    Instant until = BusyWait.until(busy, before, now);
    waiting.forEach(r -> requests.postponeBusy(r.businessKey(), until, rounds, busy.getMessage()));
    log.warn("Meeting platform busy ({} round(s) in a row); registration of {} invitation(s) for meeting {} postponed until {}",
        rounds, waiting.size(), meetingId, until);
    if (rounds < properties.busyRoundsBeforeIncident()) {
      return;
    }
    String message = "The meeting platform is throttling: the registration for meeting " + meetingId + " was answered"
        + " 'too many requests' " + rounds + " rounds in a row (" + waiting.size() + " invitation(s) waiting); the"
        + " next round is at " + until + ". Last answer: " + abbreviate(PersonalData.withoutAddresses(busy.getMessage()))
        + " Rounds go on by themselves and this incident is resolved when one gets through; if it lasts, check the"
        + " other apps of the Zoom account (they share its limits) or lower OUTREACH_ZOOM_REQUESTS_PER_SECOND.";
    campaigns(waiting).forEach(c -> incidents.raise(c, INCIDENT_TYPE, concern(meetingId), message));
  }

  /** A round of the meeting got through: a throttling incident raised for it is over. */
  void through(String meetingId, List<Request> waiting) {
    if (waiting.stream().anyMatch(r -> r.busyRounds() >= properties.busyRoundsBeforeIncident())) {
      campaigns(waiting).forEach(c -> incidents.resolve(c, INCIDENT_TYPE, concern(meetingId)));
    }
  }

  private static Set<String> campaigns(List<Request> waiting) {
    return waiting.stream().map(Request::campaignId).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static String concern(String meetingId) {
    return "meeting:" + meetingId;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
