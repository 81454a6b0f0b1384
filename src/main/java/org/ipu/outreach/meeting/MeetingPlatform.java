package org.ipu.outreach.meeting;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipu.outreach.directory.Language;

/**
 * The online meeting platform (Zoom, or the local simulator). Implementations throw when the platform
 * cannot be reached or refuses; the calling job is then retried and finally becomes an incident.
 * {@link MeetingConfigurationException} (the meeting itself is set up wrongly: staff must fix it) and
 * {@link MeetingPlatformBusyException} (rate limit: wait, then try again) are handled by the process.
 */
public interface MeetingPlatform {

  /**
   * Registers the person for the meeting; registering the same e-mail again returns the same result.
   * {@link RegistrantRefusedException} when the platform will not register this person.
   */
  Registration register(String meetingId, Registrant registrant);

  /** Minutes each registrant spent in the meeting, by registrant id; absent registrants may be missing. */
  Map<String, Integer> minutesAttended(String meetingId);

  /**
   * Registers several people at once. Whoever is already registered is not added again, so that a
   * retried call never adds anyone twice; one person the platform refuses is reported in the result
   * and does not stop the others.
   */
  default Registrations registerAll(String meetingId, List<Registrant> registrants) {
    Map<String, Registration> registered = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (Registrant r : registrants) {
      try {
        registered.put(r.email().toLowerCase(Locale.ROOT), register(meetingId, r));
      } catch (RegistrantRefusedException e) {
        refused.put(r.email().toLowerCase(Locale.ROOT), e.getMessage());
      }
    }
    return new Registrations(registered, refused);
  }

  /**
   * What is wrong with the meeting's settings for this event (it must exist, take registrations with
   * manual approval, and have interpretation for the event's languages), in words staff can act on;
   * empty when it is ready. The simulator has no settings and is always ready.
   */
  default List<String> meetingProblems(String meetingId, List<Language> languages) {
    return List.of();
  }

  /**
   * Moves the meeting to the event's new times. The simulator has no schedule; Zoom's meeting is
   * updated, and a platform that refuses fails the change, so that no letter announces a time the
   * meeting does not have.
   */
  default void reschedule(String meetingId, ZonedDateTime start, ZonedDateTime end) {}

  /** Cancels a registration (a representative withdrawn after registration); unknown ones are ignored. */
  void cancel(String meetingId, String registrantId, String email);

  /**
   * One row per join session as the platform reports it (a person who reconnects has several rows).
   * The default reads {@link #minutesAttended}, which knows registrant ids only.
   */
  default List<Participation> participants(String meetingId) {
    return minutesAttended(meetingId).entrySet().stream()
        .map(e -> new Participation(e.getKey(), null, null, e.getValue() * 60L))
        .toList();
  }

  /**
   * The sessions of the meeting instances that overlap the event's time, [start, end): a meeting
   * restarted mid-way counts with both parts, a rehearsal on the same meeting id does not count. The
   * default (the simulator, which has one instance) reads {@link #participants(String)}.
   */
  default List<Participation> participants(String meetingId, java.time.Instant start, java.time.Instant end) {
    return participants(meetingId);
  }

  record Registrant(String fullName, String email) {}

  /**
   * What a registration call did, both keyed by e-mail address in lower case: who is registered, and
   * who the platform refused with its reason.
   */
  record Registrations(Map<String, Registration> registered, Map<String, String> refused) {}

  /** registrantId is null for the meeting's host, who is never registered and joins with the host link. */
  record Registration(String registrantId, String joinUrl) {}

  /**
   * One join session: any of registrantId, email and name may be missing. organiser: the platform knows
   * this person runs the meeting (Zoom: its host, an alternative host, an interpreter), so that they are
   * never taken for an attendee nobody could place.
   */
  record Participation(String registrantId, String email, String name, long seconds, boolean organiser) {
    public Participation(String registrantId, String email, String name, long seconds) {
      this(registrantId, email, name, seconds, false);
    }
  }
}
