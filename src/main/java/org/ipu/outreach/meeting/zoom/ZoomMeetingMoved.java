package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.ipu.outreach.campaign.CampaignIncidents;
import org.ipu.outreach.campaign.CampaignStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Zoom's meeting.updated: someone moved the meeting in Zoom (its start_time or duration). When the meeting
 * no longer matches the time of an event of a running campaign, one incident on that campaign says so,
 * with both times, instead of letters, timers and the meeting silently diverging; staff either move the
 * event ("Change an event") or the meeting back. An update that matches the event changes nothing and
 * resolves such an incident. Zoom sends only the fields that changed: one it leaves out is taken as
 * unchanged, i.e. as the event's.
 */
@Component
public class ZoomMeetingMoved {

  public static final String INCIDENT_TYPE = "meetingScheduleMismatch";
  private static final Logger log = LoggerFactory.getLogger(ZoomMeetingMoved.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  private final JdbcTemplate jdbc;
  private final CampaignIncidents incidents;

  public ZoomMeetingMoved(JdbcTemplate jdbc, CampaignIncidents incidents) {
    this.jdbc = jdbc;
    this.incidents = incidents;
  }

  private record CampaignEvent(String campaignId, String eventCode, Instant start, Instant end, ZoneId zone) {}

  void meetingUpdated(String meetingId, JsonNode object) {
    Instant newStart = instant(object.path("start_time").asText(null));
    Integer newMinutes = object.hasNonNull("duration") ? object.path("duration").asInt() : null;
    if (newStart == null && newMinutes == null) {
      log.debug("Zoom: meeting {} updated without a change of time", meetingId);
      return;
    }
    List<CampaignEvent> running = jdbc.query(
        "select c.id, e.code, e.starts_at, e.ends_at, e.time_zone from campaign c join outreach_event e on e.code = c.event_code"
            + " where e.meeting_id = ? and c.status in (?, ?)",
        (rs, n) -> new CampaignEvent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4).toInstant(), ZoneId.of(rs.getString(5))),
        meetingId, CampaignStatus.IN_REVIEW.name(), CampaignStatus.RUNNING.name());
    for (CampaignEvent c : running) {
      Instant start = newStart != null ? newStart : c.start();
      long minutes = newMinutes != null ? newMinutes : Duration.between(c.start(), c.end()).toMinutes();
      Instant end = start.plus(Duration.ofMinutes(minutes));
      String concern = "meeting:" + meetingId;
      if (start.equals(c.start()) && end.equals(c.end())) {
        log.info("Zoom: meeting {} updated and still matches event {}", meetingId, c.eventCode());
        incidents.resolve(c.campaignId(), INCIDENT_TYPE, concern);
        continue;
      }
      incidents.raise(c.campaignId(), INCIDENT_TYPE, concern,
          "The Zoom meeting " + meetingId + " was moved in Zoom and no longer matches event " + c.eventCode()
              + ": the meeting now starts " + shown(start, c.zone()) + " and lasts " + minutes + " minutes (until "
              + shown(end, c.zone()) + "), the event is " + shown(c.start(), c.zone()) + " to " + shown(c.end(), c.zone())
              + ". Letters, reminders and attendance follow the event: move the event to the meeting's time with"
              + " 'Change an event', or move the meeting back in Zoom. This incident is resolved when Zoom reports"
              + " the meeting at the event's time again.");
    }
  }

  private static String shown(Instant t, ZoneId zone) {
    return SHOWN.format(t.atZone(zone)) + " (" + t + ")";
  }

  private static Instant instant(String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
