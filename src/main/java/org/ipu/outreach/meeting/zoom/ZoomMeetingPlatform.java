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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.RegistrantRefusedException;
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

  /** How long one read of a meeting's attendance is shared (see {@link #shared}). */
  static final Duration REPORT_REUSE = Duration.ofMinutes(10);

  private final ZoomClient zoom;
  private final Clock clock;
  private final Map<String, Report> reports = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private record Report(Instant fetchedAt, List<Participation> sessions) {}

  public ZoomMeetingPlatform(ZoomClient zoom, Clock clock) {
    this.zoom = zoom;
    this.clock = clock;
  }

  @Override
  public Registration register(String meetingId, Registrant registrant) {
    Registrations done = registerAll(meetingId, List.of(registrant));
    String refusal = done.refused().get(key(registrant.email()));
    if (refusal != null) {
      throw new RegistrantRefusedException(refusal);
    }
    return done.registered().get(key(registrant.email()));
  }

  @Override
  public Registrations registerAll(String meetingId, List<Registrant> registrants) {
    ZoomMeeting meeting = checkedMeeting(meetingId);
    Map<String, ZoomRegistrant> approved = byEmail(zoom.registrants(meetingId, "approved"));
    Map<String, ZoomRegistrant> pending = byEmail(zoom.registrants(meetingId, "pending"));

    Map<String, Registration> result = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    List<ZoomRegistrant> toApprove = new ArrayList<>();
    Map<String, NewRegistrant> toAdd = new LinkedHashMap<>();
    for (Registrant r : registrants) {
      String email = key(r.email());
      String host = hostRole(meeting, email);
      if (host != null) {
        // Zoom refuses hosts (3027), for the whole batch they are in: known now, no call is spent on it
        refused.put(email, "The address is the Zoom meeting's " + host + ", and Zoom does not register hosts"
            + " (code 3027): give the representative an address of their own, or remove it from the meeting's hosts"
            + " in Zoom and try the same address again.");
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
      add(meetingId, batch, result, refused);
    }
    for (String email : toAdd.keySet()) {
      if (!result.containsKey(email) && !refused.containsKey(email)) {
        throw new ZoomApiException("Zoom did not register " + email + " for meeting " + meetingId
            + " and gave no reason; nobody is added again automatically: check the meeting's registrants in Zoom.", 200, null, null);
      }
    }
    return new Registrations(result, refused);
  }

  /**
   * Adds a batch. Zoom refuses a whole batch for one person it will not take (HTTP 4xx). When its message
   * names that address, the others are sent again as a batch; when it does not, each of the batch is
   * added alone, so that the others are registered and the refused one is known, at two add calls each of
   * Zoom's three a day. Anything else (5xx, 429, access) is thrown on and the round is retried.
   */
  private void add(String meetingId, List<NewRegistrant> batch, Map<String, Registration> result, Map<String, String> refused) {
    try {
      for (AddedRegistrant added : zoom.addRegistrants(meetingId, batch)) {
        result.put(key(added.email()), new Registration(added.registrantId(), added.joinUrl()));
      }
    } catch (ZoomApiException e) {
      if (e instanceof ZoomAccessException || e.httpStatus() < 400 || e.httpStatus() >= 500) {
        throw e;
      }
      String reason = "Zoom refused to register the address: " + e.getMessage();
      List<NewRegistrant> named = batch.stream()
          .filter(r -> e.getMessage().toLowerCase(Locale.ROOT).contains(key(r.email()))).toList();
      if (batch.size() == 1 || named.size() == 1) {
        // Zoom named who it refuses: the rest go again as one batch, and the refused one is not tried again
        refused.put(key((batch.size() == 1 ? batch : named).get(0).email()), reason);
        List<NewRegistrant> rest = batch.stream().filter(r -> !named.contains(r) && batch.size() > 1).toList();
        if (!rest.isEmpty()) {
          add(meetingId, rest, result, refused);
        }
      } else {
        for (NewRegistrant one : batch) {
          add(meetingId, List.of(one), result, refused);
        }
      }
    }
  }

  /** "host" or "alternative host" when the address is one of the meeting's, else null. */
  private static String hostRole(ZoomMeeting meeting, String email) {
    if (meeting.hostEmail() != null && email.equals(key(meeting.hostEmail()))) {
      return "host";
    }
    return meeting.alternativeHosts().contains(email) ? "alternative host" : null;
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
    return shared(meetingId, () -> List.copyOf(zoom.participantsReport(meetingId)));
  }

  /**
   * Every instance of the meeting that overlaps [start, end) is read and their sessions put together, so
   * that a meeting restarted mid-way counts with both parts; an instance that started after the event's
   * end, or ended before its start (a rehearsal), is left out. Zoom lists the instances with their start
   * only, so each one starting before the event's end is read for its end. Sessions of the meeting's
   * organisers (host, alternative hosts, interpreters) are marked as such.
   */
  @Override
  public List<Participation> participants(String meetingId, Instant start, Instant end) {
    return shared(meetingId + "@" + start + "/" + end, () -> {
      ZoomMeeting meeting = zoom.meeting(meetingId);
      List<ZoomClient.MeetingInstance> held = zoom.pastInstances(meetingId);
      List<Participation> sessions = new ArrayList<>();
      if (held.isEmpty()) {
        // Zoom lists no instance (it keeps them for a limited time): the report of the meeting id, its latest
        sessions.addAll(zoom.participantsReport(meetingId));
      }
      for (ZoomClient.MeetingInstance listed : held) {
        if (listed.start() != null && !listed.start().isBefore(end)) {
          continue;
        }
        ZoomClient.MeetingInstance instance = zoom.pastInstance(listed.uuid());
        if (instance.end() != null && !instance.end().isAfter(start)) {
          continue;
        }
        sessions.addAll(zoom.participantsReport(listed.uuid()));
      }
      Set<String> organisers = meeting.organisers();
      return sessions.stream()
          .map(p -> p.email() != null && organisers.contains(key(p.email()))
              ? new Participation(p.registrantId(), p.email(), p.name(), p.seconds(), true)
              : p)
          .toList();
    });
  }

  /**
   * Every invitation collects attendance at the same moment, and the report is a Heavy call with a daily
   * cap: one read per meeting (and window) is shared by every invitation asking within REPORT_REUSE. The
   * lock per key makes concurrent askers wait for the one read instead of each making their own.
   */
  private List<Participation> shared(String key, java.util.function.Supplier<List<Participation>> read) {
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Instant now = clock.instant();
      Report cached = reports.get(key);
      if (cached != null && !cached.fetchedAt().isAfter(now) && cached.fetchedAt().plus(REPORT_REUSE).isAfter(now)) {
        return cached.sessions();
      }
      List<Participation> sessions = List.copyOf(read.get());
      reports.put(key, new Report(now, sessions));
      return sessions;
    }
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
