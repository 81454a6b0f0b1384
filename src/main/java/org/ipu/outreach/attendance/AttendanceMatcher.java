package org.ipu.outreach.attendance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;

/**
 * Who of our representatives was in the meeting, from the platform's join sessions: each session is
 * matched by registrant id, then e-mail (Zoom hides guests' e-mails unless given at registration),
 * then normalised name (only when exactly one representative has that name), and the durations of a
 * person's sessions are summed, since a reconnect is a new session. Whoever runs the meeting (host,
 * alternative host, interpreter) is nobody to review when they match no representative.
 */
public final class AttendanceMatcher {

  private AttendanceMatcher() {}

  /** A registered representative as matching sees them. */
  public record Person(long representativeId, String registrantId, String email, String fullName) {}

  /** Someone in the meeting who is none of our representatives, as far as matching can tell. */
  public record UnmatchedAttendee(String name, String email, int minutes) {
    public String describe() {
      return (name == null ? "(no name)" : name) + (email == null ? "" : " <" + email + ">") + ", " + minutes + " min";
    }
  }

  public record Result(Map<Long, Integer> minutesByRepresentative, List<UnmatchedAttendee> unmatched) {
    public int minutes(long representativeId) {
      return minutesByRepresentative.getOrDefault(representativeId, 0);
    }
  }

  public static Result match(List<Participation> sessions, List<Person> people) {
    Map<String, Person> byRegistrant = new HashMap<>();
    Map<String, Person> byEmail = new HashMap<>();
    Map<String, List<Person>> byName = new HashMap<>();
    for (Person p : people) {
      if (p.registrantId() != null) {
        byRegistrant.put(p.registrantId(), p);
      }
      if (p.email() != null) {
        byEmail.put(p.email().trim().toLowerCase(Locale.ROOT), p);
      }
      byName.computeIfAbsent(normaliseName(p.fullName()), k -> new ArrayList<>()).add(p);
    }
    Map<Long, Long> seconds = new HashMap<>();
    Map<String, long[]> unmatchedSeconds = new LinkedHashMap<>();
    Map<String, Participation> unmatchedFirst = new LinkedHashMap<>();
    for (Participation s : sessions) {
      Person who = null;
      if (s.registrantId() != null) {
        who = byRegistrant.get(s.registrantId());
      }
      if (who == null && s.email() != null) {
        who = byEmail.get(s.email().trim().toLowerCase(Locale.ROOT));
      }
      if (who == null && s.name() != null) {
        List<Person> named = byName.getOrDefault(normaliseName(s.name()), List.of());
        who = named.size() == 1 ? named.get(0) : null;
      }
      if (who != null) {
        seconds.merge(who.representativeId(), s.seconds(), Long::sum);
      } else if (!s.organiser()) {
        String key = s.email() != null ? s.email().trim().toLowerCase(Locale.ROOT) : "name:" + normaliseName(s.name());
        unmatchedSeconds.computeIfAbsent(key, k -> new long[1])[0] += s.seconds();
        unmatchedFirst.putIfAbsent(key, s);
      }
    }
    Map<Long, Integer> minutes = new HashMap<>();
    seconds.forEach((id, s) -> minutes.put(id, (int) (s / 60)));
    List<UnmatchedAttendee> unmatched = new ArrayList<>();
    unmatchedSeconds.forEach((key, s) -> {
      Participation first = unmatchedFirst.get(key);
      unmatched.add(new UnmatchedAttendee(first.name(), first.email(), (int) (s[0] / 60)));
    });
    return new Result(minutes, unmatched);
  }

  /**
   * "Dr. José  GARCÍA (Spain)" and "jose garcia" are the same name: accents, case, punctuation, titles
   * and what people add in brackets (their country, their device) are ignored.
   */
  public static String normaliseName(String name) {
    if (name == null) {
      return "";
    }
    String text = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    text = text.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ").toLowerCase(Locale.ROOT);
    text = text.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    text = text.replaceAll("^((dr|mr|mrs|ms|hon|prof|sen|rep|m|mme|sr|sra|h e)\\s+)+", "");
    return text.replaceAll("\\s+", " ").trim();
  }
}
