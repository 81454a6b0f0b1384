package org.ipu.outreach.meeting.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.zoom.ZoomClient.AddedRegistrant;
import org.ipu.outreach.meeting.zoom.ZoomClient.NewRegistrant;
import org.ipu.outreach.meeting.zoom.ZoomClient.ZoomMeeting;
import org.ipu.outreach.meeting.zoom.ZoomClient.ZoomRegistrant;

/**
 * Zoom as the meeting platform. Zoom allows at most three add-registrant calls per person and day, so
 * registration always lists the meeting's registrants first (every page) and adds only who is missing:
 * a retried job, or a second run for the same people, adds nobody again.
 */
public class ZoomMeetingPlatform implements MeetingPlatform {

  /**
   * Every invitation collects attendance at the same moment, and the report is a Heavy call with a daily
   * cap: the report of a meeting is read once and shared for this long.
   */
  static final Duration REPORT_REUSE = Duration.ofMinutes(10);

  private final ZoomClient zoom;
  private final Clock clock;
  private final Map<String, Report> reports = new ConcurrentHashMap<>();

  private record Report(Instant fetchedAt, List<Participation> sessions) {}

  public ZoomMeetingPlatform(ZoomClient zoom, Clock clock) {
    this.zoom = zoom;
    this.clock = clock;
  }

  @Override
  public Registration register(String meetingId, Registrant registrant) {
    return registerAll(meetingId, List.of(registrant)).get(key(registrant.email()));
  }

  @Override
  public Map<String, Registration> registerAll(String meetingId, List<Registrant> registrants) {
    ZoomMeeting meeting = checkedMeeting(meetingId);
    Map<String, ZoomRegistrant> approved = byEmail(zoom.registrants(meetingId, "approved"));
    Map<String, ZoomRegistrant> pending = byEmail(zoom.registrants(meetingId, "pending"));

    Map<String, Registration> result = new LinkedHashMap<>();
    List<ZoomRegistrant> toApprove = new ArrayList<>();
    Map<String, NewRegistrant> toAdd = new LinkedHashMap<>();
    for (Registrant r : registrants) {
      String email = key(r.email());
      if (meeting.hostEmail() != null && email.equals(key(meeting.hostEmail()))) {
        // Zoom refuses to register the host (3027); the host joins with the meeting's own link
        result.put(email, new Registration(null, meeting.joinUrl()));
      } else if (approved.containsKey(email)) {
        ZoomRegistrant z = approved.get(email);
        result.put(email, new Registration(z.id(), z.joinUrl()));
      } else if (pending.containsKey(email)) {
        // registered through the public link: approving costs no add and keeps their join link
        ZoomRegistrant z = pending.get(email);
        toApprove.add(z);
        result.put(email, new Registration(z.id(), z.joinUrl()));
      } else if (!toAdd.containsKey(email)) {
        toAdd.put(email, newRegistrant(r));
      }
    }
    for (List<ZoomRegistrant> batch : batches(toApprove)) {
      zoom.updateRegistrantStatus(meetingId, "approve", batch);
    }
    for (List<NewRegistrant> batch : batches(new ArrayList<>(toAdd.values()))) {
      for (AddedRegistrant added : zoom.addRegistrants(meetingId, batch)) {
        result.put(key(added.email()), new Registration(added.registrantId(), added.joinUrl()));
      }
    }
    for (String email : toAdd.keySet()) {
      if (!result.containsKey(email)) {
        throw new ZoomApiException("Zoom did not register " + email + " for meeting " + meetingId
            + " and gave no reason; nobody is added again automatically: check the meeting's registrants in Zoom.", 200, null, null);
      }
    }
    return result;
  }

  /** The meeting must be a scheduled meeting with registration required and manual approval. */
  ZoomMeeting checkedMeeting(String meetingId) {
    ZoomMeeting meeting = zoom.meeting(meetingId);
    List<String> problems = registrationProblems(meeting);
    if (!problems.isEmpty()) {
      throw new MeetingConfigurationException(String.join(" ", problems));
    }
    return meeting;
  }

  private static List<String> registrationProblems(ZoomMeeting meeting) {
    List<String> problems = new ArrayList<>();
    String id = meeting.id();
    if (meeting.type() != 2 && meeting.type() != 8) {
      problems.add("Zoom meeting " + id + " is not a scheduled meeting (type " + meeting.type()
          + "): registration needs a meeting scheduled at a fixed time.");
    }
    if (meeting.approvalType() == 2) {
      problems.add("Zoom meeting " + id + " does not take registrations: in Zoom, edit the meeting, tick"
          + " 'Registration: Required' and set approval to manual.");
    } else if (meeting.approvalType() != 1) {
      // automatic approval would let anyone with a forwarded public registration link in
      problems.add("Zoom meeting " + id + " approves registrations automatically: in Zoom, set the meeting's"
          + " registration approval to 'Manually approve'.");
    }
    return problems;
  }

  /** Zoom's interpretation language codes of our letter languages. */
  private static final Map<Language, String> ZOOM_LANGUAGE = Map.of(Language.EN, "US", Language.FR, "FR", Language.ES, "ES");

  @Override
  public List<String> meetingProblems(String meetingId, List<Language> languages) {
    ZoomMeeting meeting;
    try {
      meeting = zoom.meeting(meetingId);
    } catch (MeetingConfigurationException notFound) {
      return List.of(notFound.getMessage());
    }
    List<String> problems = new ArrayList<>(registrationProblems(meeting));
    if (languages.size() > 1) {
      List<String> missing = languages.stream()
          .filter(l -> !meeting.interpretation() || !meeting.interpretationLanguages().contains(ZOOM_LANGUAGE.get(l)))
          .map(Language::name)
          .toList();
      if (!missing.isEmpty()) {
        problems.add("Zoom meeting " + meetingId + " has no interpretation for " + String.join(", ", missing)
            + ": in Zoom, edit the meeting, enable language interpretation and add an interpreter for each of the"
            + " event's languages.");
      }
    }
    return problems;
  }

  @Override
  public void reschedule(String meetingId, ZonedDateTime start, ZonedDateTime end) {
    zoom.updateMeetingTime(
        meetingId, start.toInstant(), Duration.between(start, end).toMinutes(), start.getZone().getId());
  }

  @Override
  public void cancel(String meetingId, String registrantId, String email) {
    zoom.updateRegistrantStatus(meetingId, "cancel", List.of(new ZoomRegistrant(registrantId, email, null, null)));
  }

  @Override
  public Map<String, Integer> minutesAttended(String meetingId) {
    Map<String, Long> seconds = new HashMap<>();
    for (Participation p : participants(meetingId)) {
      if (p.registrantId() != null) {
        seconds.merge(p.registrantId(), p.seconds(), Long::sum);
      }
    }
    Map<String, Integer> minutes = new HashMap<>();
    seconds.forEach((id, s) -> minutes.put(id, (int) (s / 60)));
    return minutes;
  }

  @Override
  public List<Participation> participants(String meetingId) {
    Instant now = clock.instant();
    Report cached = reports.get(meetingId);
    if (cached != null && !cached.fetchedAt().isAfter(now) && cached.fetchedAt().plus(REPORT_REUSE).isAfter(now)) {
      return cached.sessions();
    }
    List<Participation> sessions = List.copyOf(zoom.participantsReport(meetingId));
    reports.put(meetingId, new Report(now, sessions));
    return sessions;
  }

  static NewRegistrant newRegistrant(Registrant r) {
    String name = r.fullName().trim();
    int space = name.lastIndexOf(' ');
    // Zoom requires a first name; the last word is taken as the family name
    return space < 0
        ? new NewRegistrant(r.email(), name, "")
        : new NewRegistrant(r.email(), name.substring(0, space).trim(), name.substring(space + 1));
  }

  private static Map<String, ZoomRegistrant> byEmail(List<ZoomRegistrant> registrants) {
    Map<String, ZoomRegistrant> map = new HashMap<>();
    registrants.forEach(r -> map.putIfAbsent(key(r.email()), r));
    return map;
  }

  private static String key(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  static <T> List<List<T>> batches(List<T> items) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i += ZoomClient.MAX_BATCH) {
      batches.add(items.subList(i, Math.min(items.size(), i + ZoomClient.MAX_BATCH)));
    }
    return batches;
  }
}
