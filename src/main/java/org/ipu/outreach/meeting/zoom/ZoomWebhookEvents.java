package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ipu.outreach.invitation.InvitationInstance;
import org.ipu.outreach.invitation.InvitationInstances;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Zoom's webhook events change. The controller answers Zoom at once and hands the event here, to
 * a single worker thread (events of a meeting stay in order). These events only bring things forward or
 * keep them current: attendance itself is always taken from the participants report, so an event that
 * fails here is logged as an error and the process still collects attendance at its timer.
 */
@Component
public class ZoomWebhookEvents {

  private static final Logger log = LoggerFactory.getLogger(ZoomWebhookEvents.class);

  private final JdbcTemplate jdbc;
  private final InvitationInstances invitations;
  private final Clock clock;
  private final Duration reportDelay;
  private final ZoomMeetingMoved moved;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "zoom-webhook");
    t.setDaemon(true);
    return t;
  });
  private volatile CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

  public ZoomWebhookEvents(
      JdbcTemplate jdbc,
      InvitationInstances invitations,
      Clock clock,
      ZoomProperties zoom,
      ZoomMeetingMoved moved) {
    this.moved = moved;
    this.jdbc = jdbc;
    this.invitations = invitations;
    this.clock = clock;
    this.reportDelay = zoom.reportDelay();
  }

  /** Records the delivery; false when it was seen before (Zoom redelivers when it got no answer in time). */
  public boolean firstDelivery(String key, String event) {
    try {
      jdbc.update("insert into zoom_webhook_delivery (delivery_key, event, received_at) values (?, ?, ?)",
          key, event, Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException seen) {
      return false;
    }
  }

  public synchronized void submit(String event, JsonNode object) {
    last = last.thenRunAsync(() -> {
      try {
        handle(event, object);
      } catch (RuntimeException e) {
        // not the payload: it names participants and registrants
        log.error("Zoom webhook event {} for meeting {} could not be applied", event, object.path("id").asText(), e);
      }
    }, worker);
  }

  /** Waits until every event submitted so far is applied (tests; shutdown). */
  public void awaitIdle() {
    last.join();
  }

  @PreDestroy
  void stop() {
    worker.shutdown();
  }

  void handle(String event, JsonNode object) {
    String meetingId = object.path("id").asText(); // a number in some events, a string in others
    switch (event) {
      case "meeting.participant_joined" -> participantJoined(meetingId, object.path("participant"));
      case "meeting.ended" -> meetingEnded(meetingId, object);
      case "meeting.updated" -> moved.meetingUpdated(meetingId, object);
      case "meeting.registration_cancelled", "meeting.registration_denied" ->
          registrationCancelled(meetingId, object.path("registrant"));
      default -> log.debug("Zoom webhook event {} is not used", event);
    }
  }

  private static final String CAMPAIGNS_OF_MEETING =
      "select c.id from campaign c join outreach_event e on e.code = c.event_code where e.meeting_id = ?";

  private void participantJoined(String meetingId, JsonNode participant) {
    String registrantId = participant.path("registrant_id").asText("");
    String email = participant.path("email").asText("");
    if (registrantId.isBlank() && email.isBlank()) {
      return; // a guest without registration: the report will list them for review
    }
    int marked = jdbc.update(
        "update representative set joined_live_at = ? where joined_live_at is null and status = ?"
            + " and (registrant_id = ? or lower(email) = lower(?)) and campaign_id in (" + CAMPAIGNS_OF_MEETING + ")",
        Timestamp.from(clock.instant()), RepresentativeStatus.REGISTERED.name(), registrantId, email, meetingId);
    log.info("Zoom: registrant {} joined meeting {} ({} representative(s) marked)",
        registrantId.isBlank() ? "(none, matched by e-mail)" : registrantId, meetingId, marked);
  }

  /**
   * Brings attendance forward for the campaigns whose event this meeting instance belongs to: one that
   * overlaps the event's time. A rehearsal on the same meeting id the day before, or a meeting held again
   * later, is logged and changes nothing. Without the instance's times in the event, its end is now.
   */
  private void meetingEnded(String meetingId, JsonNode object) {
    Instant now = clock.instant();
    Instant ended = instant(object.path("end_time").asText(null), now);
    Instant started = instant(object.path("start_time").asText(null), ended);
    Instant due = now.plus(reportDelay);
    int moved = 0;
    record CampaignEvent(String campaignId, Instant start, Instant end) {}
    List<CampaignEvent> campaigns = jdbc.query(
        "select c.id, e.starts_at, e.ends_at from campaign c join outreach_event e on e.code = c.event_code"
            + " where e.meeting_id = ?",
        (rs, n) -> new CampaignEvent(
            rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
        meetingId);
    for (CampaignEvent c : campaigns) {
      if (!started.isBefore(c.end()) || !ended.isAfter(c.start())) {
        log.info("Zoom: meeting {} ended outside the event of campaign {} (a rehearsal or another session); ignored",
            meetingId, c.campaignId());
        continue;
      }
      for (InvitationInstance waiting : invitations.waitingAt(c.campaignId(), Elements.EVENT_OVER)) {
        if (waiting.bringTimerForward(Elements.EVENT_OVER, due)) {
          moved++;
        }
      }
    }
    log.info("Zoom: meeting {} ended; attendance collection of {} invitation(s) brought forward to {}", meetingId, moved, due);
  }

  private static Instant instant(String text, Instant fallback) {
    try {
      return text == null || text.isBlank() ? fallback : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return fallback;
    }
  }

  private void registrationCancelled(String meetingId, JsonNode registrant) {
    String registrantId = registrant.path("id").asText("");
    if (registrantId.isBlank()) {
      return;
    }
    int withdrawn = jdbc.update(
        "update representative set status = ? where registrant_id = ? and status = ? and campaign_id in ("
            + CAMPAIGNS_OF_MEETING + ")",
        RepresentativeStatus.WITHDRAWN.name(), registrantId, RepresentativeStatus.REGISTERED.name(), meetingId);
    log.info("Zoom: registration {} for meeting {} cancelled ({} representative(s) withdrawn)", registrantId, meetingId, withdrawn);
  }

  Instant now() {
    return clock.instant();
  }
}
