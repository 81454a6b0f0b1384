package org.ipu.outreach.campaign;

import java.util.List;
import org.ipu.outreach.PersonalData;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Is the event's meeting ready for registrations? Asked when the campaign is requested (a wrongly set-up
 * meeting refuses the start form) and again by "Check the event's meeting before inviting", a job: a
 * platform that does not answer (a 5xx, a timeout) does not refuse the start form with its raw error, it
 * makes that job fail, be retried on the job cycle, and then become an incident saying what happened.
 */
@Component
public class CampaignMeetingCheck {

  private static final Logger log = LoggerFactory.getLogger(CampaignMeetingCheck.class);

  private final MeetingPlatform platform;
  private final CampaignRepository campaigns;
  private final EventRepository events;

  public CampaignMeetingCheck(MeetingPlatform platform, CampaignRepository campaigns, EventRepository events) {
    this.platform = platform;
    this.campaigns = campaigns;
    this.events = events;
  }

  /** What is wrong with the meeting; empty when it is ready or the platform could not say (checked again later). */
  List<String> problemsAtStart(OutreachEvent event) {
    try {
      return platform.meetingProblems(event.meetingId(), event.interpretationLanguages());
    } catch (RuntimeException unanswered) {
      log.warn("The meeting of event {} could not be checked when the campaign was requested ({}); it is checked again"
          + " before any invitation goes out", event.code(), PersonalData.withoutAddresses(unanswered.getMessage()));
      return List.of();
    }
  }

  /** Throws, with a message for the incident, unless the platform answers that the meeting is ready. */
  void beforeInviting(String campaignId) {
    Campaign campaign = campaigns.find(campaignId)
        .orElseThrow(() -> new IllegalStateException("There is no campaign " + campaignId + "."));
    OutreachEvent event = events.find(campaign.eventCode())
        .orElseThrow(() -> new IllegalStateException("There is no event " + campaign.eventCode() + "."));
    List<String> problems;
    try {
      problems = platform.meetingProblems(event.meetingId(), event.interpretationLanguages());
    } catch (RuntimeException unanswered) {
      throw new MeetingCheckFailedException("The meeting platform could not be asked whether meeting " + event.meetingId()
          + " of event " + event.code() + " is ready, so no invitation of campaign " + campaignId + " has been sent: "
          + PersonalData.withoutAddresses(unanswered.getMessage()) + " The check is tried again by itself; once its"
          + " retries are used up, retry it in Cockpit when the platform answers again.", unanswered);
    }
    if (!problems.isEmpty()) {
      throw new MeetingCheckFailedException("No invitation of campaign " + campaignId + " is sent until the event's"
          + " meeting is set up: " + String.join(" ", problems) + " Change this on the meeting platform, then retry"
          + " this step in Cockpit.", null);
    }
  }

  /** The message is what Cockpit shows as the incident, without a class name before it. */
  static final class MeetingCheckFailedException extends RuntimeException {
    MeetingCheckFailedException(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
